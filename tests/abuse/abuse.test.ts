/**
 * Bounded adversarial cases against the real server on 127.0.0.1 (`npm run test:abuse`, and
 * part of `npm test`): fuzzed bodies on every documented operation, a PDF built to be slow
 * to scan, and forged webhook signatures. Each case is a fixed, small number of requests.
 */
import { randomBytes } from 'node:crypto'
import { request } from 'node:http'
import { join } from 'node:path'
import { count } from 'drizzle-orm'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createAgency } from '../../api/documents/create-agency.ts'
import { createOfficial } from '../../api/documents/create-official.ts'
import { createDb, type Db } from '../../knowledge/db/client.ts'
import {
  chatSessions,
  interactions,
  processedEvents,
  unansweredQuestions,
} from '../../knowledge/db/schema/index.ts'
import { header, pdfForm } from '../helpers/documents-app.ts'
import { type FakeBotConnector, startFakeBotConnector } from '../helpers/fake-bot-connector.ts'
import { type FakeTelegramServer, startFakeTelegramServer } from '../helpers/fake-telegram-server.ts'
import { useServer } from '../helpers/use-servers.ts'

const ADMIN_TOKEN = 'abuse-admin-token-0123456789'
const TELEGRAM_SECRET = 'abuse_secret_123'
const ZALO_APP_ID = '4321987650001'
const ZALO_OA_SECRET = 'oa-secret-key-ABC'
const SENDER = '000.00.01.H56'
const TO = '000.00.02.H56'
/** An error body a client can show: a short message, never a dump of what was sent. */
const MAX_ERROR_BYTES = 8 * 1024

/** The documents routes README lists (the OpenAPI document describes only some of them). */
const DOCUMENTS_ROUTES = [
  'get /v1/me',
  'get /v1/agencies',
  'post /v1/agencies',
  'post /v1/officials',
  'post /v1/certificates',
  'post /v1/signing/sessions',
  'post /v1/signing/sessions/{id}/complete',
  'post /v1/signing/sessions/{id}/remote',
  'get /v1/signing/sessions/{id}',
  'get /v1/signing/sessions/{id}/pdf',
  'post /v1/documents',
  'get /v1/documents',
  'get /v1/documents/{id}',
  'get /v1/documents/{id}/pdf',
  'get /v1/documents/{id}/edxml',
  'get /v1/documents/{id}/edxml/status',
  'post /v1/documents/{id}/status',
  'post /v1/documents/edxml',
  'post /v1/documents/edxml/status',
  'post /v1/nudges',
  'get /v1/stats/paperless',
  'get /minh-bach',
  'post /webhooks/telegram',
  'post /webhooks/zalo',
  'post /api/messages',
]

/** Bodies of the wrong shape, size, syntax and type; each is sent to every operation that takes one. */
const BODIES: { name: string; type: string; body: () => string | Uint8Array }[] = [
  {
    name: 'wrong types',
    type: 'application/json',
    body: () =>
      JSON.stringify({
        text: 42,
        to: 'x',
        role: [],
        changes: 1,
        status: {},
        kind: null,
        csr: 7,
        signature: false,
      }),
  },
  { name: 'an array', type: 'application/json', body: () => '[1,2,3]' },
  { name: 'null', type: 'application/json', body: () => 'null' },
  { name: 'bad JSON', type: 'application/json', body: () => '{"text": "làm lại cccd",' },
  {
    name: 'a huge string',
    type: 'application/json',
    body: () => JSON.stringify({ text: 'ạ'.repeat(100_000), name: 'x'.repeat(200_000) }),
  },
  { name: 'deep nesting', type: 'application/json', body: () => `${'['.repeat(5000)}${']'.repeat(5000)}` },
  {
    name: 'the wrong content type',
    type: 'text/plain',
    body: () => JSON.stringify({ text: 'phí làm hộ chiếu' }),
  },
  {
    name: 'XML',
    type: 'application/xml',
    body: () => '<?xml version="1.0"?><!DOCTYPE a [<!ENTITY x "xx">]><a>&x;</a>',
  },
  { name: 'random bytes', type: 'application/octet-stream', body: () => new Uint8Array(randomBytes(4096)) },
  {
    name: 'a broken multipart',
    type: 'multipart/form-data; boundary=zzz',
    body: () => '--zzz\r\nContent-Disposition: form-data; name="file"\r\n\r\n%PDF-1.7 trun',
  },
]

/**
 * One request on its own connection. A server may answer before reading a body it refuses
 * and then close the connection; fetch's pooled connections would turn that into an error
 * on the next, unrelated request.
 */
const send = (target: string, method: string, headers: Record<string, string>, body: string | Uint8Array) =>
  new Promise<{ status: number; text: () => Promise<string> }>((resolve, reject) => {
    // Node sends a DELETE body without Content-Length or chunking unless told its length
    const length = {
      'content-length': String(typeof body === 'string' ? Buffer.byteLength(body) : body.byteLength),
    }
    const req = request(
      target,
      { method: method.toUpperCase(), headers: { ...headers, ...length }, agent: false },
      (res) => {
        const chunks: Buffer[] = []
        res.on('data', (c: Buffer) => chunks.push(c))
        res.on('end', () => {
          const text = Buffer.concat(chunks).toString('utf8')
          resolve({ status: res.statusCode ?? 0, text: async () => text })
        })
        res.on('error', reject)
      },
    )
    // the answer may come before the whole body was sent: that is not a failure
    req.on('error', (error) => reject(new Error(`${method} ${target}: ${String(error)}`)))
    req.end(body)
  })

const IMPORT_BODIES = ['bad JSON', 'a huge string', 'random bytes']

const PATH_VALUES = ['1.000001', `%00${'a'.repeat(300)}`, "'%20OR%201=1--"]

const bomb = (bytes: number) => {
  const entry = '/ByteRange [0 10 20 30]\n'
  return Buffer.from(`%PDF-1.7\n${entry.repeat(Math.ceil(bytes / entry.length))}%%EOF\n`, 'latin1')
}

/** The platforms the server's channels talk to, before the server starts and until it has stopped. */
let telegram: FakeTelegramServer, connector: FakeBotConnector
beforeAll(async () => {
  telegram = await startFakeTelegramServer()
  connector = await startFakeBotConnector()
})
afterAll(async () => {
  await telegram?.close()
  await connector?.close()
})

describe('abuse of the running server', () => {
  let db: Db, clerk: string, sysadmin: string
  const server = useServer({
    name: 'abuse',
    env: () => ({
      ADMIN_TOKEN,
      KB_REFRESH_SECONDS: '0',
      PUBLIC_URL: 'https://trolyso.example.vn',
      TELEGRAM_BOT_TOKEN: telegram.token,
      TELEGRAM_API_ROOT: telegram.apiRoot,
      TELEGRAM_WEBHOOK_SECRET: TELEGRAM_SECRET,
      ZALO_APP_ID,
      ZALO_OA_SECRET_KEY: ZALO_OA_SECRET,
      ZALO_API_BASE: 'http://127.0.0.1:9',
      ZALO_OAUTH_BASE: 'http://127.0.0.1:9',
      MICROSOFT_APP_ID: connector.appId,
      MICROSOFT_APP_PASSWORD: connector.appPassword,
      BOTFRAMEWORK_OPENID_URL: connector.openIdUrl,
      MICROSOFT_LOGIN_URL: connector.loginUrl,
      DOCUMENTS_MAX_BYTES: String(4 * 1024 * 1024),
      // configured, so /remote is reachable; no fuzzed session exists, so nothing is sent to it
      REMOTE_SIGNING_URL: 'http://127.0.0.1:9/',
      REMOTE_SIGNING_TOKEN: 'remote-token',
    }),
  })
  const url = (path: string) => `${server.url}${path}`

  const stored = async () => ({
    interactions: (await db.select({ n: count() }).from(interactions).get())?.n ?? 0,
    processedEvents: (await db.select({ n: count() }).from(processedEvents).get())?.n ?? 0,
    unanswered: (await db.select({ n: count() }).from(unansweredQuestions).get())?.n ?? 0,
    chatSessions: (await db.select({ n: count() }).from(chatSessions).get())?.n ?? 0,
  })

  beforeAll(async () => {
    db = await createDb({ url: `file:${join(server.dir, 'trolyso.db')}` })
    await createAgency({ db, code: SENDER, name: 'UBND tỉnh Hà Nam', actor: 'test' })
    await createAgency({ db, code: TO, name: 'Sở Tài chính', parentCode: SENDER, actor: 'test' })
    clerk = (await createOfficial({ db, agencyCode: SENDER, name: 'Văn thư', role: 'clerk', actor: 'test' }))
      .token
    sysadmin = (
      await createOfficial({ db, agencyCode: SENDER, name: 'Quản trị', role: 'system_admin', actor: 'test' })
    ).token
  })
  afterAll(() => db?.$client.close())

  it('turns away forged webhooks with 401 and stores nothing', async () => {
    const before = await stored()
    const update = {
      update_id: 900001,
      message: {
        message_id: 1,
        date: Math.floor(Date.now() / 1000),
        chat: { id: 555001, type: 'private' },
        from: { id: 555001, is_bot: false, first_name: 'An' },
        text: 'làm lại cccd ở đâu',
      },
    }
    for (const secret of [undefined, 'wrong_secret', `${TELEGRAM_SECRET}x`]) {
      const res = await fetch(url('/webhooks/telegram'), {
        method: 'POST',
        headers: {
          'content-type': 'application/json',
          ...(secret ? { 'X-Telegram-Bot-Api-Secret-Token': secret } : {}),
        },
        body: JSON.stringify(update),
      })
      expect(res.status, `telegram secret ${secret}`).toBe(401)
    }

    const zaloEvent = JSON.stringify({
      app_id: ZALO_APP_ID,
      user_id_by_app: 'app-1',
      event_name: 'user_send_text',
      timestamp: String(Date.now()),
      sender: { id: '1990000000000000009' },
      recipient: { id: '1990000000000000001' },
      message: { msg_id: 'forged-1', text: 'phí cấp hộ chiếu' },
    })
    for (const signature of [undefined, `mac=${'0'.repeat(64)}`, 'sha256=abc', `mac=${'f'.repeat(10_000)}`]) {
      const res = await fetch(url('/webhooks/zalo'), {
        method: 'POST',
        headers: {
          'content-type': 'application/json',
          ...(signature ? { 'X-ZEvent-Signature': signature } : {}),
        },
        body: zaloEvent,
      })
      expect(res.status, `zalo signature ${signature?.slice(0, 20)}`).toBe(401)
    }

    const activity = {
      type: 'message',
      id: 'forged-activity-1',
      timestamp: new Date().toISOString(),
      channelId: 'msteams',
      serviceUrl: connector.serviceUrl,
      from: { id: '29:citizen-a', name: 'A' },
      recipient: { id: `28:${connector.appId}`, name: 'Trợ lý số' },
      conversation: { id: 'a:forged', conversationType: 'personal' },
      text: 'đổi GPLX hết bao nhiêu',
    }
    const tokens = [
      null,
      'not-a-jwt',
      await connector.signToken({ key: 'unpublished' }),
      await connector.signToken({ expiresIn: -3600 }),
      await connector.signToken({ audience: 'someone-else' }),
      await connector.signToken({ issuer: 'https://evil.example' }),
      await connector.signToken({ serviceUrl: 'https://evil.example/' }),
    ]
    for (const [i, token] of tokens.entries()) {
      const res = await fetch(url('/api/messages'), {
        method: 'POST',
        headers: {
          'content-type': 'application/json',
          ...(token ? { authorization: `Bearer ${token}` } : {}),
        },
        body: JSON.stringify({ ...activity, id: `forged-activity-${i}` }),
      })
      expect(res.status, `bot framework token #${i}`).toBe(401)
    }

    await new Promise((resolve) => setTimeout(resolve, 300))
    expect(await stored()).toEqual(before)
    expect(telegram.sent('sendMessage')).toHaveLength(0)
    expect(connector.sent).toHaveLength(0)
  })

  it('refuses a PDF of 4 MB of byte ranges with a small 422 while /healthz keeps answering', async () => {
    const form = pdfForm(bomb(4 * 1024 * 1024 - 100_000), {
      header: header([TO], { notation: '1/QĐ-UBND', place: 'Hà Nam', subject: 'Bom' }),
    })
    const submitting = fetch(url('/v1/documents'), {
      method: 'POST',
      headers: { authorization: `Bearer ${clerk}` },
      body: form,
    })
    const health = await Promise.all([1, 2, 3].map(() => fetch(url('/healthz'))))
    for (const h of health) expect(h.status).toBe(200)
    const res = await submitting
    const body = await res.text()
    expect(res.status).toBe(422)
    expect(body.length).toBeLessThan(4096)

    const signing = new FormData()
    signing.set('file', new File([new Uint8Array(bomb(1024 * 1024))], 'bom.pdf', { type: 'application/pdf' }))
    signing.set('role', 'approver')
    const approver = (
      await createOfficial({ db, agencyCode: SENDER, name: 'Lãnh đạo', role: 'approver', actor: 'test' })
    ).token
    const prepared = await fetch(url('/v1/signing/sessions'), {
      method: 'POST',
      headers: { authorization: `Bearer ${approver}` },
      body: signing,
    })
    expect(prepared.status).toBe(422)
    expect((await prepared.text()).length).toBeLessThan(4096)
  })

  it('answers fuzzed bodies on every documented operation without a 5xx and with small error bodies', async () => {
    const doc = (await (await fetch(url('/openapi.json'))).json()) as {
      paths: Record<string, Record<string, { responses?: Record<string, { content?: object }> }>>
    }
    const operations = new Set<string>(DOCUMENTS_ROUTES)
    for (const [path, item] of Object.entries(doc.paths))
      for (const [method, op] of Object.entries(item)) {
        // an event stream never ends: it has nothing to answer a fuzzed request with but events
        const streams = 'text/event-stream' in (op.responses?.['200']?.content ?? {})
        if (['get', 'post', 'put', 'patch', 'delete'].includes(method) && !streams)
          operations.add(`${method} ${path}`)
      }
    expect(operations.size).toBeGreaterThan(30)

    const failures: string[] = []
    const check = async (label: string, res: { status: number; text: () => Promise<string> }) => {
      const text = await res.text()
      if (res.status >= 500) failures.push(`${label} → ${res.status} ${text.slice(0, 200)}`)
      else if (res.status >= 400 && text.length > MAX_ERROR_BYTES)
        failures.push(`${label} → ${res.status} with ${text.length} bytes`)
    }
    const cases: (() => Promise<void>)[] = []
    for (const operation of operations) {
      const [method, template] = operation.split(' ') as [string, string]
      const auth = template.startsWith('/v1/admin')
        ? ADMIN_TOKEN
        : template.startsWith('/v1/officials') || template.startsWith('/v1/agencies')
          ? sysadmin
          : clerk
      const paths = template.includes('{')
        ? PATH_VALUES.map((v) => template.replace(/\{[^}]+\}/g, v))
        : [template]
      for (const path of paths) {
        const headers = { authorization: `Bearer ${auth}` }
        if (method === 'get') {
          for (const query of [
            '',
            '?q=%FF%FE&limit=-1&from=x&to=%00&box=x&status=999',
            `?q=${'a'.repeat(4000)}&limit=1e309`,
          ]) {
            cases.push(async () =>
              check(
                `${operation} ${query.slice(0, 30)}`,
                await send(url(`${path}${query}`), 'get', headers, ''),
              ),
            )
          }
          continue
        }
        // an import starts a worker thread each time: a few bodies are enough there
        // other path values get one body: the path is what they test
        const bodies =
          template === '/v1/admin/import'
            ? BODIES.filter((b) => IMPORT_BODIES.includes(b.name))
            : path === paths[0]
              ? BODIES
              : BODIES.slice(0, 1)
        for (const { name, type, body } of bodies) {
          for (const authorised of [true, false]) {
            const label = `${operation} (${path.slice(0, 40)}) with ${name}${authorised ? '' : ', no token'}`
            const sent = { 'content-type': type, ...(authorised ? headers : {}) }
            cases.push(async () => check(label, await send(url(path), method, sent, body())))
          }
        }
      }
    }
    // a few at a time, as several clients would
    const queue = [...cases]
    await Promise.all(
      [1, 2, 3, 4].map(async () => {
        for (let next = queue.shift(); next; next = queue.shift()) await next()
      }),
    )
    expect(cases.length).toBeGreaterThan(400)
    expect(failures).toEqual([])
    // the server is still there and healthy
    expect((await fetch(url('/healthz'))).status).toBe(200)
  }, 120_000)
})
