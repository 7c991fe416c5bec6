/**
 * `POST /v1/admin/notices` `{ text, mode: banner | maintenance, channels?, until? }`,
 * `GET /v1/admin/notices`, `DELETE /v1/admin/notices/:id`: the banner on citizens' replies and
 * the bot's off switch. Editors and owners post and remove; everyone on staff reads.
 * @module
 */
import { Hono } from 'hono'
import { listNotices, postNotice, removeNotice, ZNewNotice } from '../../bot/core/notice-board.ts'
import { AppError } from '../../knowledge/errors.ts'
import type { AppDeps } from '../deps.ts'
import { parseInput, readJson } from '../validate.ts'
import { requirePermission, type StaffEnv } from './require-staff.ts'

export const createNoticesRoutes = ({ db }: AppDeps) =>
  new Hono<StaffEnv>()
    .post('/v1/admin/notices', async (c) => {
      const { actor } = requirePermission(c, 'editKnowledge')
      const notice = parseInput(ZNewNotice, await readJson(c), 'Thông báo')
      return c.json(await postNotice({ db, actor, notice }), 201)
    })
    .get('/v1/admin/notices', async (c) => {
      requirePermission(c, 'read')
      return c.json({ notices: await listNotices({ db }) })
    })
    .delete('/v1/admin/notices/:id', async (c) => {
      const { actor } = requirePermission(c, 'editKnowledge')
      const id = Number(c.req.param('id'))
      if (!Number.isInteger(id) || id < 1)
        throw new AppError('BAD_REQUEST', 'Mã thông báo phải là số nguyên dương.')
      await removeNotice({ db, actor, id })
      return c.body(null, 204)
    })
