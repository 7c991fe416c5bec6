/**
 * Runs jobs one after another per key (a Zalo user, a Bot Framework conversation), different
 * keys side by side, so replies to one citizen keep their order. A job that throws is handed
 * to `onError` (log it, apologise); the queue goes on.
 * @module
 */

export type KeyedQueue = {
  push: (key: string, job: () => Promise<void>, onError: (error: unknown) => Promise<void>) => void
  /** Resolves when every queued job has finished (tests, graceful shutdown). */
  whenIdle: () => Promise<void>
}

export const createKeyedQueue = (): KeyedQueue => {
  const queues = new Map<string, Promise<void>>()
  return {
    push(key, job, onError) {
      const next = (queues.get(key) ?? Promise.resolve())
        .then(job)
        .catch((error: unknown) => onError(error).catch(() => {}))
        .finally(() => {
          if (queues.get(key) === next) queues.delete(key)
        })
      queues.set(key, next)
    },
    async whenIdle() {
      while (queues.size > 0) await Promise.all([...queues.values()])
    },
  }
}
