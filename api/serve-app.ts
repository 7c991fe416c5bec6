/**
 * What every serving process does (a single process, or each worker of `WORKERS=n`): build
 * the search index, compose the services, serve HTTP and start the chat channels. Loaded by
 * api/main.ts with `import()` only in those processes, so that the primary of `WORKERS=n`,
 * which serves nothing, never loads the app.
 * @module
 */
import { serve } from '@hono/node-server'
import { type RunningChannels, startChannels } from '../bot/start-channels.ts'
import type { Db } from '../knowledge/db/client.ts'
import { createKnowledgeBase } from '../knowledge/knowledge-base.ts'
import type { Logger } from '../platform/logger.ts'
import { releaseUnusedMemory } from '../platform/release-unused-memory.ts'
import { createApp } from './app.ts'
import { composeServices } from './compose-services.ts'
import type { Config } from './config.ts'
import { onStopSignals } from './on-stop-signals.ts'
import type { SharedKnowledgeChanges } from './share-knowledge-changes.ts'
import type { StartupStatus } from './startup-status.ts'
import { runStartupStep, whereOf } from './startup-step.ts'

export type ServeOptions = {
  config: Config
  log: Logger
  db: Db
  startup: StartupStatus
  /** Runs the once-per-deployment jobs (Telegram polling, retention); see bot/start-channels.ts. */
  leader: boolean
  onListening: (url: string, procedures: number) => void
  /**
   * First-start loading of an empty knowledge base (done here, or awaited from the primary);
   * the index is refreshed and `startup` marked ready after it, and the chat channels start.
   */
  loadSeed: (() => Promise<void>) | null
  /** `WORKERS=n`: this worker's knowledge-base changes go to the others and theirs come here. */
  knowledgeChanges?: SharedKnowledgeChanges | null
}

/** Builds the search index and serves HTTP and the chat channels: in every serving process. */
export const serveApp = async ({
  config,
  log,
  db,
  startup,
  leader,
  onListening,
  loadSeed,
  knowledgeChanges = null,
}: ServeOptions) => {
  const kb = await runStartupStep(
    'building the search index',
    config.knowledge.synonymsFile ?? whereOf(config),
    () =>
      createKnowledgeBase({
        db,
        synonymsFile: config.knowledge.synonymsFile,
        refreshSeconds: config.knowledge.refreshSeconds,
        cacheEntries: config.knowledge.cacheEntries,
        onChange: knowledgeChanges?.announce,
      }),
  )
  knowledgeChanges?.follow(kb.refresh)
  const services = composeServices({ config, db, kb, log, startup })
  const app = createApp(services)
  // Loading the modules and building the index left far more heap than stays alive: give it
  // back before the first request, while a full collection holds nobody up.
  log.info('start-up heap released', releaseUnusedMemory())
  const server = serve({ fetch: app.fetch, port: config.port, hostname: config.host }, (info) =>
    onListening(`http://${info.address}:${info.port}`, kb.size()),
  )
  let channels: RunningChannels | null = null
  let stopping: Promise<void> | null = null
  onStopSignals((signal) => {
    stopping ??= (async () => {
      log.info('shutting down', { signal })
      await channels?.stop()
      knowledgeChanges?.stop()
      await services.stop()
      kb.close()
      server.close()
      db.$client.close()
    })()
    return stopping
  })
  if (loadSeed) {
    await loadSeed()
    await kb.refresh()
    startup.ready()
    // the first index and the loading's own garbage
    log.info('start-up heap released', releaseUnusedMemory())
  }
  if (!stopping) channels = await startChannels(services, { leader })
}
