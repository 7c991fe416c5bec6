/**
 * Electronic documents API, one route group per feature: officials and agencies,
 * certificates, signing, routing (documents, edXML, statuses), drafts, paperless figures.
 * The CA, verifier and PDF workers are the app's documents service, set up once by the
 * composition root (requests await the same promise).
 * @module
 */
import { Hono } from 'hono'
import type { AppDeps } from '../deps.ts'
import { createCertificatesRoutes } from './certificates-routes.ts'
import type { DocumentsRoutesDeps } from './documents-routes-deps.ts'
import type { DocumentsHandle } from './documents-service.ts'
import { createDraftRoutes } from './drafts-routes.ts'
import { createOfficialsRoutes } from './officials-routes.ts'
import { createPaperlessRoutes } from './paperless-routes.ts'
import { requireOfficial } from './require-official.ts'
import { createRoutingRoutes } from './routing-routes.ts'
import { createSignatureImageRoutes } from './signature-images-routes.ts'
import { createSigningRoutes } from './signing-routes.ts'

/** @param deps the app's dependencies and its documents service */
export const createDocumentsRoutes = (deps: AppDeps & { documents: DocumentsHandle }) => {
  const routes: DocumentsRoutesDeps = {
    deps,
    svc: deps.documents.service,
    official: requireOfficial({ db: deps.db }),
    remoteSigning: deps.documents.remoteSigning,
  }
  return new Hono()
    .route('/', createOfficialsRoutes(routes))
    .route('/', createCertificatesRoutes(routes))
    .route('/', createSigningRoutes(routes))
    .route('/', createSignatureImageRoutes(routes))
    .route('/', createRoutingRoutes(routes))
    .route('/', createDraftRoutes(routes))
    .route('/', createPaperlessRoutes(routes))
}
