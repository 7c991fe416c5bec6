/**
 * `WORKERS=n`: a knowledge-base change one worker makes (an admin edit or import, a learnt
 * phrase) is told to the others through the primary, so each rebuilds at once instead of at
 * its next `KB_REFRESH_SECONDS` check. The message carries the new version: the primary passes
 * on each version once (api/start-workers.ts), and a worker that already holds it finds
 * nothing to rebuild, so the news never goes round in circles.
 * @module
 */
import type { Logger } from '../platform/logger.ts'

/** A worker's news for the primary, and the primary's for the other workers. */
export type KnowledgeChangeMessage = { type: 'trolyso:kb-changed'; version: string }

export const isKnowledgeChange = (message: unknown): message is KnowledgeChangeMessage =>
  typeof message === 'object' &&
  message !== null &&
  (message as KnowledgeChangeMessage).type === 'trolyso:kb-changed' &&
  typeof (message as KnowledgeChangeMessage).version === 'string'

export type ShareKnowledgeChangesOptions = {
  /** The channel to the primary: `process` in a forked worker. */
  channel: Pick<NodeJS.Process, 'on' | 'off' | 'send'>
  log: Logger
}

export type SharedKnowledgeChanges = {
  /** Tells the primary this process's knowledge base now holds `version` (the kb's `onChange`). */
  announce: (version: string) => void
  /** From now on, news from the primary runs `refresh` (the kb's own, which checks the database). */
  follow: (refresh: () => Promise<unknown>) => void
  stop: () => void
}

export const shareKnowledgeChanges = ({
  channel,
  log,
}: ShareKnowledgeChangesOptions): SharedKnowledgeChanges => {
  let listener: ((message: unknown) => void) | null = null
  return {
    announce: (version) => {
      const message: KnowledgeChangeMessage = { type: 'trolyso:kb-changed', version }
      // The callback keeps a primary that is going away from raising an error here.
      channel.send?.(message, undefined, undefined, () => {})
    },
    follow: (refresh) => {
      listener = (message) => {
        if (!isKnowledgeChange(message)) return
        refresh().catch((error: unknown) =>
          // the next KB_REFRESH_SECONDS check tries again
          log.warn('knowledge base refresh after another worker’s change failed', { error }),
        )
      }
      channel.on('message', listener)
    },
    stop: () => {
      if (listener) channel.off('message', listener)
      listener = null
    },
  }
}
