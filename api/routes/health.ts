/**
 * `GET /healthz`: 200 once the knowledge base is loaded and searchable and the database and
 * the CA are usable; 503 otherwise, with the reason ("loading n/N" while the national export
 * is being loaded on first start). `checks` reports each dependency; with `WORKERS=n`, `worker`
 * names the process that answered.
 * @module
 */
import { Hono } from 'hono'
import { z } from 'zod'
import { describeOperation, json } from '../../platform/openapi/describe-operation.ts'
import { createDependencyChecks } from '../check-dependencies.ts'
import type { AppDeps } from '../deps.ts'
import { caDirOf } from '../documents/documents-service.ts'

const ZHealth = z.object({
  status: z.enum(['ok', 'loading', 'starting', 'unavailable']),
  procedures: z.number(),
  loading: z.string().optional().meta({ description: '"loading n/N" while the national export loads' }),
  reason: z.string().optional(),
  checks: z
    .record(z.string(), z.object({ ok: z.boolean(), reason: z.string().optional() }).loose())
    .optional(),
  worker: z
    .object({ index: z.number(), pid: z.number() })
    .optional()
    .meta({ description: 'With WORKERS > 1: which of the processes sharing the port answered' }),
})

export type HealthOptions = { cacheMs?: number }

export const createHealthRoutes = ({ kb, db, config, startup }: AppDeps, { cacheMs }: HealthOptions = {}) => {
  const dependencies = createDependencyChecks({
    db,
    kb,
    databaseUrl: config.database.url,
    caDir: caDirOf(config),
    ...(cacheMs === undefined ? {} : { cacheMs }),
  })
  const operation = describeOperation({
    summary: 'Sẵn sàng: 200 khi cơ sở tri thức đã nạp và tìm kiếm được, cơ sở dữ liệu và CA dùng được',
    tag: 'health',
    responses: {
      200: { description: 'OK', content: json(ZHealth) },
      503: {
        description: 'Đang nạp, đang khởi động hoặc một thành phần không dùng được',
        content: json(ZHealth),
      },
    },
  })
  const worker =
    config.workerIndex === null ? {} : { worker: { index: config.workerIndex, pid: process.pid } }
  return new Hono().get('/healthz', operation, async (c) => {
    const procedures = kb.size()
    const state = startup?.get()
    if (state?.phase === 'loading') {
      const loading = state.total > 0 ? `loading ${state.done}/${state.total}` : 'loading'
      return c.json({ status: 'loading', loading, procedures, ...worker }, 503)
    }
    const { ok, checks } = await dependencies.check()
    if (procedures === 0) return c.json({ status: 'starting', procedures, checks, ...worker }, 503)
    if (!ok) {
      const reason = Object.values(checks)
        .filter((check) => !check.ok)
        .map((check) => check.reason)
        .join(' ')
      return c.json({ status: 'unavailable', procedures, reason, checks, ...worker }, 503)
    }
    return c.json({ status: 'ok', procedures, checks, ...worker })
  })
}
