/**
 * `GET /v1/admin/figures?from=&to=` (JSON), `/v1/admin/figures.csv` and
 * `/v1/admin/figures/daily.svg`: what citizens asked and how the bot did, for any staff role.
 * Days are Vietnam's (UTC+7); the default period is the last 30 days.
 * @module
 */
import { Hono } from 'hono'
import { z } from 'zod'
import { describeOperations, type OperationSpec, ok } from '../../platform/openapi/describe-operation.ts'
import { queryParams } from '../../platform/openapi/query-params.ts'
import type { AppDeps } from '../deps.ts'
import { figuresToCsv, getFigures } from './get-figures.ts'
import { renderDailyChart } from './render-daily-chart.ts'
import { permit, type StaffEnv } from './require-staff.ts'

const operation = describeOperations({ tag: 'figures', auth: 'staff' })

const DAY = /^\d{4}-\d{2}-\d{2}$/
const vietnamToday = () => new Date(Date.now() + 7 * 3_600_000).toISOString().slice(0, 10)
const daysBefore = (day: string, n: number) =>
  new Date(Date.parse(`${day}T00:00:00Z`) - n * 86_400_000).toISOString().slice(0, 10)

const ZPeriod = z
  .object({
    from: z.string().regex(DAY, 'from có dạng YYYY-MM-DD').optional(),
    to: z.string().regex(DAY, 'to có dạng YYYY-MM-DD').optional(),
  })
  .transform(({ from, to }) => {
    const end = to ?? vietnamToday()
    return { from: from ?? daysBefore(end, 29), to: end }
  })
  .refine(({ from, to }) => from <= to, 'from phải trước hoặc bằng to')
  .refine(({ from, to }) => Date.parse(to) - Date.parse(from) <= 366 * 86_400_000, 'tối đa 366 ngày một lần')

/** Every figures route fails the same ways. */
const figuresOperation = (summary: string, responses: OperationSpec['responses']) =>
  operation(summary, { responses, errors: [400, 401, 403] })

/** Every figures route is for any staff role and takes the period as its query. */
const readPeriod = [permit('read'), queryParams(ZPeriod, 'Khoảng thời gian')] as const

export const createFiguresRoutes = ({ db, kb }: AppDeps) => {
  const figuresFor = async (period: z.output<typeof ZPeriod>) => {
    const names = new Map<string, string | null>()
    const figures = await getFigures({ db, ...period })
    for (const row of figures.topProcedures)
      names.set(row.code, (await kb.getProcedure(row.code))?.name ?? null)
    return {
      ...figures,
      topProcedures: figures.topProcedures.map((r) => ({ ...r, name: names.get(r.code) ?? null })),
    }
  }
  return new Hono<StaffEnv>()
    .get(
      '/v1/admin/figures',
      figuresOperation(
        'Số liệu: câu hỏi theo ngày và kênh, tỷ lệ trả lời, chuyển cán bộ',
        ok(z.looseObject({ from: z.string(), to: z.string() })),
      ),
      ...readPeriod,
      async (c) => c.json(await figuresFor(c.req.valid('query'))),
    )
    .get(
      '/v1/admin/figures.csv',
      figuresOperation('Số liệu dạng CSV (UTF-8 có BOM)', ok({ 'text/csv': z.string() }, 'CSV')),
      ...readPeriod,
      async (c) => {
        const figures = await figuresFor(c.req.valid('query'))
        return c.body(figuresToCsv(figures), 200, {
          'Content-Type': 'text/csv; charset=utf-8',
          'Content-Disposition': `attachment; filename="trolyso-so-lieu-${figures.from}-${figures.to}.csv"`,
        })
      },
    )
    .get(
      '/v1/admin/figures/daily.svg',
      figuresOperation('Biểu đồ câu hỏi theo ngày và kênh (SVG)', ok({ 'image/svg+xml': z.string() }, 'SVG')),
      ...readPeriod,
      async (c) => {
        const figures = await getFigures({ db, ...c.req.valid('query') })
        return c.body(renderDailyChart(figures), 200, {
          'Content-Type': 'image/svg+xml; charset=utf-8',
          'Content-Security-Policy': "default-src 'none'; style-src 'unsafe-inline'",
        })
      },
    )
}
