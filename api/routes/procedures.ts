/**
 * `GET /v1/procedures?q=&limit=` (search) and `GET /v1/procedures/:code` (full record).
 * @module
 */
import { Hono } from 'hono'
import { z } from 'zod'
import { ZSearchResults } from '../../contracts/answer.ts'
import { AppError } from '../../knowledge/errors.ts'
import { ZProcedure } from '../../knowledge/procedures/procedure.types.ts'
import { describeOperations, ok } from '../../platform/openapi/describe-operation.ts'
import { queryParams } from '../../platform/openapi/query-params.ts'
import { parseInput } from '../../platform/validate.ts'
import type { AppDeps } from '../deps.ts'
import { ZProcedureCode, ZSearchQuery } from './procedures.types.ts'

const operation = describeOperations({ tag: 'procedures' })

export const createProcedureRoutes = ({ kb }: AppDeps) =>
  new Hono()
    .get(
      '/v1/procedures',
      operation('Tìm thủ tục hành chính', {
        responses: ok(ZSearchResults, 'Kết quả'),
        errors: [400],
      }),
      queryParams(ZSearchQuery, 'Truy vấn'),
      (c) => {
        const { q, limit } = c.req.valid('query')
        const results = kb.search(q, { limit }).map(({ code, name, levels, field, score }) => ({
          code,
          name,
          levels,
          field,
          score: Math.round(score * 1000) / 1000,
        }))
        return c.json({ results })
      },
    )
    .get(
      '/v1/procedures/:code',
      operation('Toàn bộ thông tin một thủ tục', {
        params: z.object({ code: ZProcedureCode }),
        responses: ok(ZProcedure, 'Thủ tục, với nguồn và ngày số liệu'),
        errors: [400, 404],
      }),
      async (c) => {
        const code = parseInput(ZProcedureCode, c.req.param('code'), 'Mã thủ tục', 'code')
        const procedure = await kb.getProcedure(code)
        if (!procedure) throw new AppError('NOT_FOUND', `Không có thủ tục mã ${code} trong cơ sở tri thức.`)
        return c.json(procedure)
      },
    )
