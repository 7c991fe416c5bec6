import { count, eq } from 'drizzle-orm'
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest'
import { messages } from '../../../bot/core/messages.ts'
import { interactions } from '../../../knowledge/db/schema/index.ts'
import { loadStarterProcedures } from '../../../knowledge/procedures/seed-starter-procedures.ts'
import { upsertProcedures } from '../../../knowledge/procedures/upsert-procedures.ts'
import { createTestApp, type TestApp } from '../../helpers/create-test-app.ts'
import { expectHandledOnce } from '../../helpers/fake-channels.ts'
import { type FakeTelegramServer, startFakeTelegramServer } from '../../helpers/fake-telegram-server.ts'
import { callbackUpdate, stickerUpdate, textUpdate } from './telegram-updates.ts'

const SECRET = 'webhook_secret-0123456789'
type Keyboard = { inline_keyboard: { text: string; callback_data?: string; url?: string }[][] }

let fake: FakeTelegramServer
let t: TestApp

beforeAll(async () => {
  fake = await startFakeTelegramServer()
  t = await createTestApp({
    TELEGRAM_BOT_TOKEN: fake.token,
    TELEGRAM_WEBHOOK_SECRET: SECRET,
    TELEGRAM_API_ROOT: fake.apiRoot,
    PUBLIC_URL: 'https://trolyso.example.vn',
  })
})
afterAll(async () => {
  t.close()
  await fake.close()
})
afterEach(() => {
  fake.calls.length = 0
})

const post = (update: unknown, secret: string | null = SECRET, raw?: string) =>
  t.app.request('/webhooks/telegram', {
    method: 'POST',
    headers: {
      'content-type': 'application/json',
      ...(secret === null ? {} : { 'X-Telegram-Bot-Api-Secret-Token': secret }),
    },
    body: raw ?? JSON.stringify(update),
  })

const sentTexts = () => fake.sent('sendMessage').map((c) => String(c.payload['text']))
const keyboards = () =>
  fake
    .sent('sendMessage')
    .flatMap((c) => (c.payload['reply_markup'] ? [c.payload['reply_markup'] as Keyboard] : []))
const interactionCount = async () => (await t.deps.db.select({ n: count() }).from(interactions))[0]!.n

describe('Telegram webhook', () => {
  it('walks a citizen from an ambiguous question to a chosen procedure, its fee and feedback', async () => {
    const chatId = 501
    expect((await post(textUpdate(chatId, '/start'))).status).toBe(200)
    expect(sentTexts()[0]).toContain('Trợ lý số')

    fake.calls.length = 0
    expect((await post(textUpdate(chatId, 'can cuoc'))).status).toBe(200)
    const clarify = keyboards()[0]!
    const options = clarify.inline_keyboard.flat()
    expect(options.length).toBeGreaterThan(1)
    expect(options.length).toBeLessThanOrEqual(5)
    const reissue = options.find((b) => b.text === 'Cấp lại thẻ căn cước')!
    expect(reissue.callback_data).toBe('p:1.014064')

    fake.calls.length = 0
    expect((await post(callbackUpdate(chatId, reissue.callback_data!))).status).toBe(200)
    expect(fake.sent('answerCallbackQuery')).toHaveLength(1)
    expect(sentTexts()[0]).toMatch(/^<b>Cấp lại thẻ căn cước \(mã 1\.014064\)<\/b>\n\n/)
    const [links, feedback] = keyboards()[0]!.inline_keyboard
    expect(links![0]!.url).toMatch(/^https:\/\/dichvucong\.gov\.vn\//)
    expect(feedback!.map((b) => b.text)).toEqual([messages.feedbackUseful, messages.feedbackNotUseful])

    fake.calls.length = 0
    await post(textUpdate(chatId, 'phí bao nhiêu?'))
    expect(sentTexts()[0]).toContain('(mã 1.014064)')
    expect(sentTexts()[0]).toContain('Lệ phí')
    const useful = keyboards()[0]!.inline_keyboard[1]![0]!.callback_data!

    fake.calls.length = 0
    await post(callbackUpdate(chatId, useful))
    expect(sentTexts()).toEqual([messages.thanksUseful])
    const [row] = await t.deps.db
      .select()
      .from(interactions)
      .where(eq(interactions.id, useful.split(':')[2]!))
    expect(row).toMatchObject({
      feedback: 'useful',
      procedureCode: '1.014064',
      sessionId: `telegram:${chatId}`,
    })
  })

  it('splits an answer longer than 4,096 characters and keeps the heading on the first part', async () => {
    await post(textUpdate(502, '1.008498 cần giấy tờ gì'))
    const texts = sentTexts()
    expect(texts.length).toBeGreaterThanOrEqual(2)
    expect(texts[0]).toMatch(/^<b>.+\(mã 1\.008498\)<\/b>/)
    expect(texts.at(-1)).toContain(messages.feedbackQuestion)
    expect(fake.sent('sendMessage').at(-1)!.payload['reply_markup']).toBeDefined()
    // The fake rejects texts over 4,096 characters or with bad HTML like Telegram does.
    expect(fake.sent('sendMessage').every((c) => c.status === 200)).toBe(true)
  })

  it('escapes procedure text for Telegram HTML', async () => {
    const [base] = await loadStarterProcedures()
    await upsertProcedures({
      db: t.deps.db,
      actor: 'test',
      procedures: [{ ...base!, code: '9.999001', name: 'Thử nghiệm <b>đậm</b> & "ngoặc" > hết' }],
    })
    await t.deps.kb.refresh()
    await post(textUpdate(508, '9.999001'))
    const [first] = sentTexts()
    expect(first).toMatch(
      /^<b>Thử nghiệm &lt;b&gt;đậm&lt;\/b&gt; &amp; &quot;ngoặc&quot; &gt; hết \(mã 9\.999001\)<\/b>/,
    )
    // The fake parses HTML like Telegram and answers 400 to bad markup: every message was accepted.
    expect(fake.sent('sendMessage').map((c) => [c.payload['parse_mode'], c.status])).toEqual([['HTML', 200]])
  })

  it('answers stickers and other non-text messages politely', async () => {
    await post(stickerUpdate(503))
    expect(sentTexts()).toEqual([messages.nonText])
  })

  it('handles an update Telegram delivers twice only once', async () => {
    const event = textUpdate(507, 'đăng ký khai sinh')
    await expectHandledOnce({ post: (e) => post(e), event, sent: () => fake.sent('sendMessage').length })
  })

  it('retries a 429 after retry_after and still delivers', async () => {
    fake.throttle('sendMessage', 1)
    await post(textUpdate(504, 'đăng ký kết hôn'))
    expect(fake.calls[0]!.method).toBe('sendMessage:429')
    expect(sentTexts()[0]).toContain('(mã 1.000894)')
  })

  it.each([
    ['a wrong secret', 'wrong-secret', 401],
    ['no secret', null, 401],
  ])('rejects an update with %s and changes nothing', async (_name, secret, status) => {
    const before = await interactionCount()
    const response = await post(textUpdate(505, 'đăng ký khai sinh'), secret)
    expect(response.status).toBe(status)
    expect(fake.calls.filter((c) => c.method !== 'getMe')).toEqual([])
    expect(await interactionCount()).toBe(before)
  })

  it.each([
    ['malformed JSON', '{"update_id": 1, "message": '],
    ['a body that is not an update', '{"hello":"world"}'],
  ])('rejects %s with 400', async (_name, raw) => {
    const before = await interactionCount()
    expect((await post(null, SECRET, raw)).status).toBe(400)
    expect(fake.calls.filter((c) => c.method !== 'getMe')).toEqual([])
    expect(await interactionCount()).toBe(before)
  })
})

describe('Telegram error boundary', () => {
  it('apologises instead of going silent when answering fails', async () => {
    const broken = await createTestApp({
      TELEGRAM_BOT_TOKEN: fake.token,
      TELEGRAM_WEBHOOK_SECRET: SECRET,
      TELEGRAM_API_ROOT: fake.apiRoot,
      PUBLIC_URL: 'https://trolyso.example.vn',
    })
    try {
      await broken.deps.db.$client.execute('DROP TABLE interactions')
      const response = await broken.app.request('/webhooks/telegram', {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'X-Telegram-Bot-Api-Secret-Token': SECRET },
        body: JSON.stringify(textUpdate(506, 'đăng ký khai sinh')),
      })
      expect(response.status).toBe(200)
      expect(sentTexts()).toEqual([messages.error])
    } finally {
      broken.close()
    }
  })
})
