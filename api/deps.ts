/**
 * What the HTTP app and every route factory receive: built once in api/main.ts (or by a test).
 * @module
 */
import type { Db } from '../knowledge/db/client.ts'
import type { KnowledgeBase } from '../knowledge/knowledge-base.ts'
import type { Logger } from '../platform/logger.ts'
import type { Config } from './config.ts'
import type { StartupStatus } from './startup-status.ts'

export type AppDeps = {
  config: Config
  db: Db
  kb: KnowledgeBase
  log: Logger
  /** First-start loading progress for /healthz; absent means ready. */
  startup?: StartupStatus
}
