/**
 * Live hand-offs for agents (permission `review`; everyone on staff may read):
 * - `GET /v1/admin/handoffs?status=open,claimed` → `{ handoffs }` newest first, with messages
 * - `GET /v1/admin/handoffs/stream` → server-sent events `handoff` `{ type, handoffId }`
 *   (created, message, claimed, closed) at once for changes made by this process, and
 *   `{ type: "changed" }` within `pollMs` for changes made by another process
 * - `POST /v1/admin/handoffs/:id/claim`
 * - `POST /v1/admin/handoffs/:id/messages { text }` → the reply reaches the citizen's channel
 * - `POST /v1/admin/handoffs/:id/close { note? }` → the bot answers the citizen again
 * Every change is audited under the staff actor.
 * @module
 */
import { Hono } from 'hono'
import { streamSSE } from 'hono/streaming'
import { z } from 'zod'
import { handoffMessages } from '../../bot/handoff/handoff-messages.ts'
import type { HandoffEvent } from '../../bot/handoff/handoff-store.ts'
import { staffReplyText } from '../../bot/handoff/with-handoffs.ts'
import { HANDOFF_STATUSES } from '../../knowledge/db/schema/index.ts'
import { AppError } from '../../knowledge/errors.ts'
import { created, describeOperations, ok } from '../../platform/openapi/describe-operation.ts'
import { jsonBody } from '../../platform/openapi/json-body.ts'
import { queryParams } from '../../platform/openapi/query-params.ts'
import type { AppServices } from '../deps.ts'
import { ZNumberIdParam } from '../routes/admin.types.ts'
import { numberIdParam, parseNumberId } from './parse-number-id.ts'
import { permit, requirePermission, type StaffEnv } from './require-staff.ts'

const operation = describeOperations({ tag: 'handoffs', auth: 'staff' })

const ZHandoff = z.looseObject({
  id: z.number(),
  status: z.string(),
  messages: z.array(z.looseObject({ from: z.string(), text: z.string() })),
})

const ZListQuery = z.object({
  status: z
    .string()
    .optional()
    .transform((v) => (v ? v.split(',').map((s) => s.trim()) : undefined))
    .pipe(z.array(z.enum(HANDOFF_STATUSES, { error: 'status là open, claimed hoặc closed' })).optional()),
  limit: z.coerce.number().int().min(1).max(500).default(100),
})
const ZReply = z.object({
  text: z
    .string()
    .trim()
    .normalize('NFC')
    .min(1, 'hãy nhập nội dung trả lời')
    .max(2000, 'tối đa 2.000 ký tự'),
})
const ZClose = z.object({
  note: z.string().trim().normalize('NFC').max(1000, 'ghi chú tối đa 1.000 ký tự').optional(),
})

const ticketId = (raw: string) => parseNumberId(raw, 'Mã yêu cầu hỗ trợ')
const idParam = numberIdParam('Mã yêu cầu hỗ trợ')

/** @param pollMs how often the stream looks for changes made by other processes */
export const createHandoffsRoutes = (
  deps: Pick<AppServices, 'handoffs' | 'deliverStaffMessage'>,
  { pollMs = 2000 }: { pollMs?: number } = {},
) => {
  const store = deps.handoffs
  const deliver = deps.deliverStaffMessage
  /** A message to the citizen on their channel, kept on the ticket with whether it arrived. */
  const send = async (id: number, from: 'staff' | 'bot', text: string) => {
    const ticket = await store.get(id)
    const shown = from === 'staff' && ticket.channel !== 'web' ? staffReplyText(text) : text
    const delivered = await deliver({ channel: ticket.channel, userId: ticket.userId, text: shown })
    const message = await store.addMessage(id, { from, text, delivered })
    return message
  }

  return new Hono<StaffEnv>()
    .get(
      '/v1/admin/handoffs',
      operation('Yêu cầu gặp cán bộ, mới nhất trước, kèm tin nhắn', {
        responses: ok(z.object({ handoffs: z.array(ZHandoff) })),
        errors: [400, 401, 403],
      }),
      permit('read'),
      queryParams(ZListQuery, 'Tham số'),
      async (c) => {
        const { status, limit } = c.req.valid('query')
        return c.json({ handoffs: await store.list({ ...(status ? { status } : {}), limit }) })
      },
    )
    .get(
      '/v1/admin/handoffs/stream',
      operation(
        'Sự kiện yêu cầu gặp cán bộ (server-sent events: created, message, claimed, closed, changed)',
        {
          responses: ok({ 'text/event-stream': z.string() }, 'event: handoff'),
          errors: [401, 403],
        },
      ),
      (c) => {
        requirePermission(c, 'read')
        return streamSSE(c, async (stream) => {
          const queue: HandoffEvent[] = []
          let wake: (() => void) | null = null
          const listener = (event: HandoffEvent) => {
            queue.push(event)
            wake?.()
          }
          store.events.on('handoff', listener)
          stream.onAbort(() => {
            store.events.off('handoff', listener)
            wake?.()
          })
          await stream.writeSSE({ event: 'ready', data: '{}' })
          let mark = await store.changeMark()
          let quietSince = Date.now()
          while (!stream.aborted && !stream.closed) {
            const next = queue.shift()
            if (next) {
              await stream.writeSSE({ event: 'handoff', data: JSON.stringify(next) })
              quietSince = Date.now()
              mark = await store.changeMark()
              continue
            }
            await new Promise<void>((resolve) => {
              wake = resolve
              setTimeout(resolve, pollMs).unref()
            })
            wake = null
            if (queue.length || stream.aborted) continue
            // Another process serving the bot may have opened a ticket or added a message.
            const now = await store.changeMark()
            if (now !== mark) {
              mark = now
              await stream.writeSSE({ event: 'handoff', data: JSON.stringify({ type: 'changed' }) })
              quietSince = Date.now()
            } else if (Date.now() - quietSince > 15_000) {
              await stream.write(': keep-alive\n\n')
              quietSince = Date.now()
            }
          }
          store.events.off('handoff', listener)
        })
      },
    )
    .post(
      '/v1/admin/handoffs/:id/claim',
      operation('Nhận xử lý một yêu cầu', {
        params: ZNumberIdParam,
        responses: ok(ZHandoff, 'Đã nhận'),
        errors: [400, 401, 403, 404, 409],
      }),
      async (c) => {
        const { actor } = requirePermission(c, 'review')
        return c.json(await store.claim({ id: ticketId(c.req.param('id')), actor }))
      },
    )
    .post(
      '/v1/admin/handoffs/:id/messages',
      operation('Trả lời người dân trên kênh của họ', {
        params: ZNumberIdParam,
        responses: created(
          z.looseObject({ message: z.looseObject({ delivered: z.boolean() }), handoff: ZHandoff.nullable() }),
          'Đã gửi (delivered cho biết đã tới chưa)',
        ),
        errors: [400, 401, 403, 404, 409, 415],
      }),
      permit('review'),
      idParam,
      jsonBody(ZReply, 'Trả lời'),
      async (c) => {
        const { actor } = c.var.staff
        const { id } = c.req.valid('param')
        const { text } = c.req.valid('json')
        const ticket = await store.get(id)
        if (ticket.status === 'closed') throw new AppError('CONFLICT', `Yêu cầu hỗ trợ số ${id} đã đóng.`)
        if (ticket.status === 'open') await store.claim({ id, actor })
        else if (ticket.claimedBy !== actor && actor !== 'admin')
          throw new AppError('CONFLICT', `Yêu cầu hỗ trợ số ${id} đã do ${ticket.claimedBy} nhận.`)
        // Staff write what the citizen needs (an office's phone number, an address): sent as written.
        const message = await send(id, 'staff', text)
        await store.auditReply(actor, id, message.delivered)
        return c.json({ message, handoff: await store.get(id) }, 201)
      },
    )
    .post(
      '/v1/admin/handoffs/:id/close',
      operation('Đóng yêu cầu: { note? }', {
        params: ZNumberIdParam,
        responses: ok(ZHandoff.nullable(), 'Đã đóng'),
        errors: [400, 401, 403, 404, 409, 415],
      }),
      permit('review'),
      idParam,
      jsonBody(ZClose, 'Đóng yêu cầu'),
      async (c) => {
        const { actor } = c.var.staff
        const { id } = c.req.valid('param')
        const { note } = c.req.valid('json')
        await store.close({ id, actor, note: note || null })
        await send(id, 'bot', handoffMessages.closed)
        return c.json(await store.get(id))
      },
    )
}
