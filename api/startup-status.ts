/**
 * What the server is doing before it can answer: loading the national export into an empty
 * knowledge base on first start. `/healthz` reports it ("loading 1200/2642").
 * @module
 */
export type StartupPhase = { phase: 'loading'; done: number; total: number } | { phase: 'ready' }

export type StartupStatus = {
  get: () => StartupPhase
  loading: (done: number, total: number) => void
  ready: () => void
}

/** @returns a status that starts ready (nothing to load) until `loading()` is called */
export const createStartupStatus = (): StartupStatus => {
  let current: StartupPhase = { phase: 'ready' }
  return {
    get: () => current,
    loading: (done, total) => {
      current = { phase: 'loading', done, total }
    },
    ready: () => {
      current = { phase: 'ready' }
    },
  }
}
