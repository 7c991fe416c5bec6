/**
 * `GET /healthz`: 200 once the knowledge base is loaded and searchable, 503 before (with
 * "loading n/N" while the national export is being loaded on first start).
 * @module
 */
import { Hono } from 'hono'
import type { AppDeps } from '../deps.ts'

export const createHealthRoutes = ({ kb, startup }: AppDeps) =>
  new Hono().get('/healthz', (c) => {
    const procedures = kb.size()
    const state = startup?.get()
    if (state?.phase === 'loading') {
      const loading = state.total > 0 ? `loading ${state.done}/${state.total}` : 'loading'
      return c.json({ status: 'loading', loading, procedures }, 503)
    }
    if (procedures === 0) return c.json({ status: 'starting', procedures }, 503)
    return c.json({ status: 'ok', procedures })
  })
