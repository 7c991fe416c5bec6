/**
 * One hand-off store per running app, shared by the conversation wrapper and the agents' API
 * (so the console's live stream hears about new tickets and messages at once).
 * @module
 */
import type { BotDeps } from '../bot-deps.ts'
import { createHandoffStore, type HandoffStore } from './handoff-store.ts'

const built = new WeakMap<BotDeps, HandoffStore>()

export const handoffsForDeps = (deps: BotDeps): HandoffStore => {
  let store = built.get(deps)
  if (!store) {
    store = createHandoffStore({ db: deps.db })
    built.set(deps, store)
  }
  return store
}
