/**
 * Paperless figures: `POST /v1/nudges` (the extension's counters, capped), the public
 * `GET /v1/stats/paperless` and the public ranking page `GET /minh-bach`.
 * @module
 */
import { Hono } from 'hono'
import { z } from 'zod'
import { NUDGE_ACTIONS, NUDGE_KINDS, ZMyPaperlessStats, ZPaperlessStats } from '../../contracts/documents.ts'
import { describeOperations, ok } from '../../platform/openapi/describe-operation.ts'
import { jsonBody } from '../../platform/openapi/json-body.ts'
import { queryParams } from '../../platform/openapi/query-params.ts'
import type { DocumentsRoutesDeps } from './documents-routes-deps.ts'
import { getMyPaperlessStats } from './get-my-paperless-stats.ts'
import { getPaperlessStats } from './get-paperless-stats.ts'
import { NUDGE_MAX_PER_REQUEST, recordNudges } from './record-nudges.ts'
import { renderTransparencyPage } from './render-transparency-page.ts'
import type { OfficialEnv } from './require-official.ts'

const operation = describeOperations({ tag: 'figures', auth: 'bearer' })

const ZNudge = z.object({
  kind: z.enum(NUDGE_KINDS),
  action: z.enum(NUDGE_ACTIONS),
  count: z.number().int().min(1).max(NUDGE_MAX_PER_REQUEST).default(1),
})
const ZPeriod = z.object({
  from: z.string().optional().meta({ description: 'YYYY-MM-DD' }),
  to: z.string().optional().meta({ description: 'YYYY-MM-DD' }),
})
const period = queryParams(ZPeriod, 'Tham số')

export const createPaperlessRoutes = ({ deps, svc, official }: DocumentsRoutesDeps) => {
  const app = new Hono<OfficialEnv>()

  app.post(
    '/v1/nudges',
    operation('Đếm lời nhắc của tiện ích (hiện, chấp nhận, bỏ qua); giới hạn mỗi ngày', {
      tag: 'nudges',
      responses: { 204: { description: 'Đã ghi' } },
      errors: [400, 401, 415, 429],
    }),
    official,
    jsonBody(ZNudge),
    async (c) => {
      const body = c.req.valid('json')
      await recordNudges({ svc: await svc(), caller: c.var.caller, ...body })
      return c.body(null, 204)
    },
  )

  app.get(
    '/v1/stats/paperless',
    operation('Số liệu văn bản điện tử theo cơ quan (tỷ lệ ký số, giấy tiết kiệm)', {
      responses: ok(ZPaperlessStats),
      errors: [400],
      public: true,
    }),
    period,
    async (c) => c.json(await getPaperlessStats({ db: deps.db, ...c.req.valid('query') })),
  )

  // the caller's and their agency's figures, from verified documents only (the extension's popup)
  app.get(
    '/v1/stats/mine',
    operation(
      'Số liệu của cán bộ và cơ quan mình, chỉ từ văn bản đã kiểm tra chữ ký (có phê duyệt của chính cơ quan)',
      {
        responses: ok(ZMyPaperlessStats),
        errors: [400, 401],
      },
    ),
    official,
    period,
    async (c) =>
      c.json(await getMyPaperlessStats({ db: deps.db, caller: c.var.caller, ...c.req.valid('query') })),
  )

  app.get(
    '/minh-bach',
    operation('Trang công khai xếp hạng cơ quan theo tỷ lệ ký số', {
      responses: ok({ 'text/html': z.string() }, 'HTML'),
      errors: [400],
      public: true,
    }),
    period,
    async (c) => {
      const stats = await getPaperlessStats({ db: deps.db, ...c.req.valid('query') })
      c.header(
        'Content-Security-Policy',
        "default-src 'none'; style-src 'unsafe-inline'; script-src 'unsafe-inline'; form-action 'self'",
      )
      return c.html(renderTransparencyPage(stats))
    },
  )

  return app
}
