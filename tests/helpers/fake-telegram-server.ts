/**
 * A local stand-in for the Telegram Bot API: a real HTTP server on 127.0.0.1 (random port)
 * answering `POST /bot<token>/<method>` with `{ok, result}` like api.telegram.org. It records
 * every call, checks HTML parse mode and the 4,096-character limit the way Telegram does
 * (400 "can't parse entities" / "message is too long"), can answer 429 with
 * `parameters.retry_after`, and serves queued updates to getUpdates (long polling).
 * @module
 */
import { createServer, type Server } from 'node:http'
import { listenOnLoopback } from './listen-on-loopback.ts'
import { readBody } from './read-body.ts'

/** One call: `receivedAt` when the request arrived, `at` when it was answered (long polls wait between). */
export type TelegramCall = {
  method: string
  payload: Record<string, unknown>
  at: number
  status: number
  receivedAt: number
}

export type FakeTelegramServer = {
  apiRoot: string
  token: string
  calls: TelegramCall[]
  /** Calls of one method, e.g. `sent('sendMessage')`. */
  sent: (method: string) => TelegramCall[]
  /** The next `times` calls of `method` answer 429 with this retry_after (seconds). */
  throttle: (method: string, retryAfter: number, times?: number) => void
  /** Makes the next getUpdates return this update. */
  queueUpdate: (update: Record<string, unknown>) => void
  /** Resolves when at least `count` calls of `method` have arrived. */
  waitFor: (method: string, count: number, timeoutMs?: number) => Promise<TelegramCall[]>
  close: () => Promise<void>
}

export const FAKE_BOT_INFO = {
  id: 7000000001,
  is_bot: true as const,
  first_name: 'Trợ lý số',
  username: 'trolyso_test_bot',
  can_join_groups: false,
  can_read_all_group_messages: false,
  supports_inline_queries: false,
  can_connect_to_business: false,
  has_main_web_app: false,
  has_topics_enabled: false,
  allows_users_to_create_topics: false,
}

/** Telegram's HTML mode: only known tags, and `<`, `>`, `&` escaped elsewhere. */
const parseHtml = (html: string): { ok: true; plain: string } | { ok: false; error: string } => {
  const tag = /^<\/?(b|strong|i|em|u|ins|s|strike|del|code|pre|a(?: href="[^"]*")?|blockquote|tg-spoiler)>/
  let plain = ''
  for (let i = 0; i < html.length; ) {
    const ch = html[i]!
    if (ch === '<') {
      const match = tag.exec(html.slice(i))
      if (!match)
        return {
          ok: false,
          error: `Bad Request: can't parse entities: unsupported start tag at byte offset ${i}`,
        }
      i += match[0].length
    } else if (ch === '&') {
      const match = /^&(lt|gt|amp|quot|#\d+);/.exec(html.slice(i))
      if (!match)
        return { ok: false, error: `Bad Request: can't parse entities: unescaped & at byte offset ${i}` }
      plain += match[1] === 'lt' ? '<' : match[1] === 'gt' ? '>' : match[1] === 'amp' ? '&' : '"'
      i += match[0].length
    } else if (ch === '>') {
      return { ok: false, error: `Bad Request: can't parse entities: unescaped > at byte offset ${i}` }
    } else {
      plain += ch
      i += 1
    }
  }
  return { ok: true, plain }
}

export const startFakeTelegramServer = async (
  token = '123456:TEST-token_abc',
): Promise<FakeTelegramServer> => {
  const calls: TelegramCall[] = []
  const throttles = new Map<string, { retryAfter: number; times: number }>()
  const updates: Record<string, unknown>[] = []
  const waiters: (() => void)[] = []
  let messageId = 1
  const notify = () => {
    for (const w of waiters.splice(0)) w()
  }

  const result = (method: string, payload: Record<string, unknown>): { status: number; body: unknown } => {
    const ok = (value: unknown) => ({ status: 200, body: { ok: true, result: value } })
    const bad = (description: string) => ({ status: 400, body: { ok: false, error_code: 400, description } })
    switch (method) {
      case 'getMe':
        return ok(FAKE_BOT_INFO)
      case 'sendMessage': {
        const text = String(payload['text'] ?? '')
        const parsed = payload['parse_mode'] === 'HTML' ? parseHtml(text) : { ok: true as const, plain: text }
        if (!parsed.ok) return bad(parsed.error)
        if (parsed.plain.trim().length === 0) return bad('Bad Request: message text is empty')
        if (parsed.plain.length > 4096) return bad('Bad Request: message is too long')
        const markup = payload['reply_markup'] as
          | { inline_keyboard?: { callback_data?: string }[][] }
          | undefined
        for (const row of markup?.inline_keyboard ?? [])
          for (const b of row)
            if (b.callback_data !== undefined && Buffer.byteLength(b.callback_data) > 64)
              return bad('Bad Request: BUTTON_DATA_INVALID')
        return ok({
          message_id: messageId++,
          date: Math.floor(Date.now() / 1000),
          chat: { id: payload['chat_id'], type: 'private' },
          text: parsed.plain,
        })
      }
      case 'getUpdates': {
        const offset = Number(payload['offset'] ?? 0)
        return ok(updates.filter((u) => Number(u['update_id']) >= offset))
      }
      default:
        return ok(true)
    }
  }

  const server: Server = createServer(async (req, res) => {
    const receivedAt = Date.now()
    const match = /^\/bot([^/]+)\/(\w+)$/.exec(req.url ?? '')
    const raw = await readBody(req)
    const send = (status: number, body: unknown) => {
      res.writeHead(status, { 'content-type': 'application/json' })
      res.end(JSON.stringify(body))
    }
    if (!match || match[1] !== token)
      return send(404, { ok: false, error_code: 404, description: 'Not Found' })
    const method = match[2]!
    let payload: Record<string, unknown> = {}
    try {
      payload = raw ? (JSON.parse(raw) as Record<string, unknown>) : {}
    } catch {
      return send(400, { ok: false, error_code: 400, description: 'Bad Request: invalid JSON' })
    }
    const throttle = throttles.get(method)
    if (throttle && throttle.times > 0) {
      throttle.times -= 1
      calls.push({ method: `${method}:429`, payload, at: Date.now(), status: 429, receivedAt })
      return send(429, {
        ok: false,
        error_code: 429,
        description: `Too Many Requests: retry after ${throttle.retryAfter}`,
        parameters: { retry_after: throttle.retryAfter },
      })
    }
    if (method === 'getUpdates') {
      const offset = Number(payload['offset'] ?? 0)
      const waitMs = Math.min(Number(payload['timeout'] ?? 0), 1) * 1000
      if (!updates.some((u) => Number(u['update_id']) >= offset) && waitMs > 0)
        await new Promise<void>((resolve) => {
          const timer = setTimeout(resolve, waitMs)
          waiters.push(() => {
            clearTimeout(timer)
            resolve()
          })
        })
    }
    const { status, body } = result(method, payload)
    calls.push({ method, payload, at: Date.now(), status, receivedAt })
    send(status, body)
  })
  const apiRoot = await listenOnLoopback(server)

  return {
    apiRoot,
    token,
    calls,
    sent: (method) => calls.filter((c) => c.method === method),
    throttle: (method, retryAfter, times = 1) => throttles.set(method, { retryAfter, times }),
    queueUpdate: (update) => {
      updates.push(update)
      notify()
    },
    waitFor: async (method, count, timeoutMs = 5000) => {
      const deadline = Date.now() + timeoutMs
      while (calls.filter((c) => c.method === method).length < count) {
        if (Date.now() > deadline)
          throw new Error(
            `expected ${count} ${method} calls, got ${calls.filter((c) => c.method === method).length}`,
          )
        await new Promise((r) => setTimeout(r, 10))
      }
      return calls.filter((c) => c.method === method)
    },
    close: () =>
      new Promise<void>((resolve) => {
        notify()
        server.closeAllConnections()
        server.close(() => resolve())
      }),
  }
}

/** The settings that point the app's Telegram webhook at the fake Bot API. */
export const telegramWebhookEnv = (fake: FakeTelegramServer, secret: string) => ({
  TELEGRAM_BOT_TOKEN: fake.token,
  TELEGRAM_WEBHOOK_SECRET: secret,
  TELEGRAM_API_ROOT: fake.apiRoot,
  PUBLIC_URL: 'https://trolyso.example.vn',
})
