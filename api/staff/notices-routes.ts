/**
 * `POST /v1/admin/notices` `{ text, mode: banner | maintenance, channels?, until? }`,
 * `GET /v1/admin/notices`, `DELETE /v1/admin/notices/:id`: the banner on citizens' replies and
 * the bot's off switch. Editors and owners post and remove; everyone on staff reads.
 * @module
 */
import { Hono } from 'hono'
import { z } from 'zod'
import { listNotices, postNotice, removeNotice, ZNewNotice } from '../../bot/core/notice-board.ts'
import { created, describeOperations, ok } from '../../platform/openapi/describe-operation.ts'
import { jsonBody } from '../../platform/openapi/json-body.ts'
import type { AppDeps } from '../deps.ts'
import { ZNumberIdParam } from '../routes/admin.types.ts'
import { parseNumberId } from './parse-number-id.ts'
import { permit, requirePermission, type StaffEnv } from './require-staff.ts'

const operation = describeOperations({ tag: 'notices', auth: 'staff' })

const ZNotice = z.looseObject({ id: z.number(), text: z.string(), mode: z.string() })

export const createNoticesRoutes = ({ db }: AppDeps) =>
  new Hono<StaffEnv>()
    .post(
      '/v1/admin/notices',
      operation('Đăng thông báo: banner trên câu trả lời hoặc tạm dừng bot (maintenance)', {
        responses: created(ZNotice, 'Đã đăng'),
        errors: [400, 401, 403, 415],
      }),
      permit('editKnowledge'),
      jsonBody(ZNewNotice, 'Thông báo'),
      async (c) => {
        const { actor } = c.var.staff
        return c.json(await postNotice({ db, actor, notice: c.req.valid('json') }), 201)
      },
    )
    .get(
      '/v1/admin/notices',
      operation('Các thông báo đang có', {
        responses: ok(z.object({ notices: z.array(ZNotice) })),
        errors: [401, 403],
      }),
      permit('read'),
      async (c) => c.json({ notices: await listNotices({ db }) }),
    )
    .delete(
      '/v1/admin/notices/:id',
      operation('Gỡ thông báo', {
        params: ZNumberIdParam,
        responses: { 204: { description: 'Đã gỡ' } },
        errors: [400, 401, 403, 404],
      }),
      async (c) => {
        const { actor } = requirePermission(c, 'editKnowledge')
        await removeNotice({ db, actor, id: parseNumberId(c.req.param('id'), 'Mã thông báo') })
        return c.body(null, 204)
      },
    )
