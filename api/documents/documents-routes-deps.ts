/**
 * What every route group of the documents API is built from.
 * @module
 */
import type { MiddlewareHandler } from 'hono'
import { z } from 'zod'
import type { AppDeps } from '../deps.ts'
import type { DocumentsService } from './documents-service.ts'
import type { OfficialEnv } from './require-official.ts'

export type DocumentsRoutesDeps = {
  deps: AppDeps
  /** the documents service (CA, verifier, PDF workers), set up once */
  svc: () => Promise<DocumentsService>
  /** authenticates the official and sets `c.var.caller` */
  official: MiddlewareHandler<OfficialEnv>
  /** whether this deployment has a remote-signing provider: clients offer remote signing only then */
  remoteSigning: boolean
}

/** `:id` of a document, draft, signing session or official */
export const ZIdParam = z.object({ id: z.string().meta({ description: 'Mã (id)' }) })

/** a PDF body answered as bytes, with its SHA-256 in `X-Document-Sha256` */
export const PDF = { 'application/pdf': z.string().meta({ format: 'binary' }) }
