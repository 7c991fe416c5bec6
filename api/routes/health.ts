/**
 * `GET /healthz`: 200 once the knowledge base is loaded and searchable, 503 before.
 * @module
 */
import { Hono } from 'hono'
import type { AppDeps } from '../deps.ts'

export const createHealthRoutes = ({ kb }: AppDeps) =>
  new Hono().get('/healthz', (c) => {
    const procedures = kb.size()
    if (procedures === 0) return c.json({ status: 'starting', procedures }, 503)
    return c.json({ status: 'ok', procedures })
  })
