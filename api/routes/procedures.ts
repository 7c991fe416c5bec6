/**
 * `GET /v1/procedures?q=&limit=` (search) and `GET /v1/procedures/:code` (full record).
 * @module
 */
import { Hono } from 'hono'
import { AppError } from '../../knowledge/errors.ts'
import type { AppDeps } from '../deps.ts'
import { parseInput } from '../validate.ts'
import { ZProcedureCode, ZSearchQuery } from './procedures.types.ts'

export const createProcedureRoutes = ({ kb }: AppDeps) =>
  new Hono()
    .get('/v1/procedures', (c) => {
      const { q, limit } = parseInput(ZSearchQuery, c.req.query(), 'Truy vấn')
      const results = kb.search(q, { limit }).map(({ code, name, levels, field, score }) => ({
        code,
        name,
        levels,
        field,
        score: Math.round(score * 1000) / 1000,
      }))
      return c.json({ results })
    })
    .get('/v1/procedures/:code', async (c) => {
      const code = parseInput(ZProcedureCode, c.req.param('code'), 'Mã thủ tục', 'code')
      const procedure = await kb.getProcedure(code)
      if (!procedure) throw new AppError('NOT_FOUND', `Không có thủ tục mã ${code} trong cơ sở tri thức.`)
      return c.json(procedure)
    })
