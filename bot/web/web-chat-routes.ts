/**
 * The citizen-facing web chat: the page at `/` (plain HTML, CSS and JavaScript, no build
 * step) and its JSON API over the same conversation core as Telegram and Zalo.
 *
 * - `POST /v1/chat/messages {sessionId?, text? | choice?}` → `{sessionId, replies, said?}` (`said`: the
 *   question as stored, personal data masked)
 * - `GET /v1/chat/history?sessionId=` → `{sessionId, messages}` (masked; empty once expired)
 * - `POST /v1/chat/feedback {sessionId, interactionId, useful}` → `{sessionId, replies}`
 *
 * Session ids are issued by the server (144 random bits) with the first answer. A sessionId
 * the server did not issue, or whose session has expired, is not taken over: the message
 * starts a new session under a new id, so nobody reaches another citizen's history by
 * choosing or guessing an id. Every request is limited per client address, and messages and
 * feedback also per session (`RATE_LIMIT_CHAT_PER_MINUTE`, counted across processes with
 * `RATE_LIMIT_SCOPE=database`); beyond, 429 with `Retry-After`.
 * @module
 */
import { randomBytes } from 'node:crypto'
import { readFileSync } from 'node:fs'
import { Hono, type MiddlewareHandler } from 'hono'
import { z } from 'zod'
import type { CounterDb } from '../../knowledge/db/open-counter-db.ts'
import { AppError } from '../../knowledge/errors.ts'
import { maskPersonalData } from '../../knowledge/text/mask-personal-data.ts'
import { limitBodySize } from '../../platform/http/limit-body.ts'
import type { Logger } from '../../platform/logger.ts'
import { describeOperations, json } from '../../platform/openapi/describe-operation.ts'
import { jsonBody } from '../../platform/openapi/json-body.ts'
import { queryParams } from '../../platform/openapi/query-params.ts'
import { feedbackChoiceId } from '../core/choice-ids.ts'
import type { Conversation } from '../core/handle-message.ts'
import type { RateLimitScope } from '../core/rate-limit.ts'
import { createLimitRequests } from '../http/limit-requests.ts'

const operation = describeOperations({ tag: 'chat' })

const ZSessionId = z.string().regex(/^[A-Za-z0-9_-]{16,64}$/, 'mã phiên không hợp lệ')

const ZMessageBody = z
  .object({
    sessionId: ZSessionId.optional(),
    text: z.string().max(1000, 'câu hỏi tối đa 1.000 ký tự').optional(),
    choice: z.string().max(64).optional(),
  })
  .refine((b) => (b.text === undefined) !== (b.choice === undefined), 'gửi text hoặc choice (một trong hai)')

const ZFeedbackBody = z.object({
  sessionId: ZSessionId,
  interactionId: z.string().regex(/^[A-Za-z0-9_-]{6,32}$/),
  useful: z.boolean(),
})

const newSessionId = () => randomBytes(18).toString('base64url')

const tooLarge = () => {
  throw new AppError('PAYLOAD_TOO_LARGE', 'Nội dung gửi lên quá lớn (tối đa 8 KB).')
}

const asset = (name: string) => readFileSync(new URL(`./public/${name}`, import.meta.url), 'utf8')

/** Only our own files: the page needs no third-party script, style or frame. */
const PAGE_CSP =
  "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; connect-src 'self'; frame-ancestors 'none'; base-uri 'none'; form-action 'self'"

export type WebChatRoutesOptions = {
  conversation: Conversation
  /** Requests a minute per client address and per session; 0 turns the limit off. */
  perMinute: number
  /** Where requests are counted: `database` (shared by every process) or `process`. */
  scope: RateLimitScope
  /** the app's counters, where `database` scope counts */
  counters: CounterDb
  trustProxyHops: number
  log?: Logger
  clock?: () => number
}

export const createWebChatRoutes = ({
  conversation,
  perMinute,
  scope,
  counters,
  trustProxyHops,
  log,
  clock,
}: WebChatRoutesOptions) => {
  const page = asset('chat.html')
  const script = asset('chat.js')
  const style = asset('chat.css')
  const limit = limitBodySize({ maxSize: 8 * 1024, onError: tooLarge })
  const requests = createLimitRequests({
    name: 'chat',
    perMinute,
    scope,
    counters,
    trustProxyHops,
    ...(log ? { log } : {}),
    ...(clock ? { clock } : {}),
  })
  /** Counts the client's address before the body is read (429 beyond the limit). */
  const limitByAddress: MiddlewareHandler = async (c, next) => (await requests.byAddress(c)) ?? next()
  /** The client's session when the server issued it and it is still alive. */
  const liveSession = async (sessionId: string | undefined) =>
    sessionId !== undefined && (await conversation.hasSession('web', sessionId)) ? sessionId : null

  return new Hono()
    .get(
      '/',
      operation('Trang trò chuyện của người dân', {
        responses: { 200: { description: 'HTML', content: { 'text/html': z.string() } } },
      }),
      (c) => {
        c.header('Content-Security-Policy', PAGE_CSP)
        c.header('Cache-Control', 'no-cache')
        return c.html(page)
      },
    )
    .get(
      '/chat/chat.js',
      operation('Mã của trang trò chuyện', {
        responses: { 200: { description: 'JavaScript', content: { 'text/javascript': z.string() } } },
      }),
      (c) => c.body(script, 200, { 'Content-Type': 'text/javascript; charset=utf-8' }),
    )
    .get(
      '/chat/chat.css',
      operation('Kiểu của trang trò chuyện', {
        responses: { 200: { description: 'CSS', content: { 'text/css': z.string() } } },
      }),
      (c) => c.body(style, 200, { 'Content-Type': 'text/css; charset=utf-8' }),
    )
    .post(
      '/v1/chat/messages',
      operation(
        'Trò chuyện: gửi câu hỏi hoặc lựa chọn, nhận các phần trả lời (văn bản, nút chọn, liên kết)',
        {
          responses: {
            200: {
              description: 'Các phần trả lời',
              content: json(
                z.object({
                  sessionId: z.string(),
                  replies: z.array(z.looseObject({ kind: z.string() })),
                  said: z.string().optional(),
                }),
              ),
            },
          },
          errors: [400, 413, 415, 429],
        },
      ),
      limit,
      limitByAddress,
      jsonBody(ZMessageBody, 'Tin nhắn'),
      async (c) => {
        const body = c.req.valid('json')
        const sessionId = (await liveSession(body.sessionId)) ?? newSessionId()
        const refusedBySession = await requests.bySession(c, sessionId)
        if (refusedBySession) return refusedBySession
        const replies = await conversation.handle({
          channel: 'web',
          userId: sessionId,
          ...(body.choice !== undefined ? { choice: body.choice } : { text: body.text ?? '' }),
        })
        // The question as stored (personal data masked), for the citizen's own bubble.
        const said = body.text !== undefined ? maskPersonalData(body.text.trim()).text : undefined
        return c.json({ sessionId, replies, ...(said !== undefined ? { said } : {}) })
      },
    )
    .get(
      '/v1/chat/history',
      operation('Lịch sử trò chuyện của một phiên (đã che dữ liệu cá nhân)', {
        responses: {
          200: {
            description: 'OK',
            content: json(z.object({ sessionId: z.string(), messages: z.array(z.looseObject({})) })),
          },
        },
        errors: [400, 429],
      }),
      limitByAddress,
      queryParams(
        z.object({ sessionId: ZSessionId.meta({ description: 'Mã phiên do máy chủ cấp' }) }),
        'Mã phiên',
      ),
      async (c) => {
        const { sessionId } = c.req.valid('query')
        return c.json({ sessionId, messages: await conversation.history('web', sessionId) })
      },
    )
    .post(
      '/v1/chat/feedback',
      operation('Đánh giá câu trả lời hữu ích / không hữu ích', {
        responses: {
          200: {
            description: 'Lời cảm ơn',
            content: json(
              z.object({ sessionId: z.string(), replies: z.array(z.looseObject({ kind: z.string() })) }),
            ),
          },
        },
        errors: [400, 404, 413, 415, 429],
      }),
      limit,
      limitByAddress,
      jsonBody(ZFeedbackBody, 'Góp ý'),
      async (c) => {
        const body = c.req.valid('json')
        if (!(await liveSession(body.sessionId)))
          throw new AppError(
            'NOT_FOUND',
            'Phiên trò chuyện đã hết hạn hoặc không tồn tại. Hãy hỏi lại câu hỏi.',
          )
        const refusedBySession = await requests.bySession(c, body.sessionId)
        if (refusedBySession) return refusedBySession
        const replies = await conversation.handle({
          channel: 'web',
          userId: body.sessionId,
          choice: feedbackChoiceId(body.useful, body.interactionId),
        })
        return c.json({ sessionId: body.sessionId, replies })
      },
    )
}
