/**
 * Electronic documents API, one route group per feature: officials and agencies,
 * certificates, signing, routing (documents, edXML, statuses), drafts, paperless figures.
 * The CA and verifier are set up on creation (requests await the same promise), so a fresh
 * deployment gets its CA in `<DATA_DIR>/ca` without a separate step.
 * @module
 */
import { Hono } from 'hono'
import { AppError } from '../../knowledge/errors.ts'
import type { AppDeps } from '../deps.ts'
import { createCertificatesRoutes } from './certificates-routes.ts'
import type { DocumentsRoutesDeps } from './documents-routes-deps.ts'
import {
  caDirOf,
  createDocumentsService,
  type DocumentsOptions,
  type DocumentsService,
} from './documents-service.ts'
import { createDraftRoutes } from './drafts-routes.ts'
import { createOfficialsRoutes } from './officials-routes.ts'
import { createPaperlessRoutes } from './paperless-routes.ts'
import { requireOfficial } from './require-official.ts'
import { createRoutingRoutes } from './routing-routes.ts'
import { createSignatureImageRoutes } from './signature-images-routes.ts'
import { createSigningRoutes } from './signing-routes.ts'

/**
 * @param deps the app's dependencies
 * @param options a remote-signing provider (tests pass the fake one)
 */
export const createDocumentsRoutes = (deps: AppDeps, options: DocumentsOptions = {}) => {
  let service: Promise<DocumentsService> | null = null
  const svc = () => {
    service ??= createDocumentsService(deps, options).catch((error: unknown) => {
      service = null
      throw error
    })
    return service
  }
  // start now so a new deployment has its CA right after start; requests await the same promise
  svc().catch((error: unknown) =>
    deps.log.error('documents setup failed', {
      caDir: caDirOf(deps.config),
      error: String(error instanceof AppError && error.cause ? error.cause : error),
    }),
  )
  const routes: DocumentsRoutesDeps = {
    deps,
    svc,
    official: requireOfficial({ db: deps.db }),
    remoteSigning: Boolean(options.remoteSigning ?? deps.config.documents.remoteSigningUrl),
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
