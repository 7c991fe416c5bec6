/**
 * What the app is built from (`AppDeps`: settings, database, knowledge base, logger; opened by
 * api/main.ts or a test) and what the composition root (api/compose-services.ts) builds on
 * them once (`AppServices`: the chat channels and the documents service), handed to the HTTP
 * app and to the background starters.
 * @module
 */
import type { ChatChannels } from '../bot/bot-deps.ts'
import type { Db } from '../knowledge/db/client.ts'
import type { KnowledgeBase } from '../knowledge/knowledge-base.ts'
import type { Logger } from '../platform/logger.ts'
import type { Config } from './config.ts'
import type { DocumentsHandle } from './documents/documents-service.ts'
import type { StartupStatus } from './startup-status.ts'

export type AppDeps = {
  config: Config
  db: Db
  kb: KnowledgeBase
  log: Logger
  /** First-start loading progress for /healthz; absent means ready. */
  startup?: StartupStatus
}

export type AppServices = AppDeps &
  ChatChannels & {
    /** the CA, verifier and PDF workers of the documents API */
    documents: DocumentsHandle
    /** waits for the webhooks' accepted events and stops the PDF workers (not the db or kb: the caller opened them) */
    stop: () => Promise<void>
  }
