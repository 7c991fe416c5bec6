import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { Answer } from '../../../knowledge/answer/answer.types.ts'
import { createTestApp, type TestApp } from '../../helpers/create-test-app.ts'

const ask = (
  t: TestApp,
  body: unknown,
  headers: Record<string, string> = { 'content-type': 'application/json' },
) =>
  t.app.request('/v1/ask', {
    method: 'POST',
    headers,
    body: typeof body === 'string' ? body : JSON.stringify(body),
  })

describe('POST /v1/ask', () => {
  let t: TestApp
  beforeAll(async () => {
    t = await createTestApp()
  })
  afterAll(() => t.close())

  it('answers a fee question with the procedure, its code and the official link', async () => {
    const res = await ask(t, { text: 'đăng ký khai sinh có mất lệ phí không' })
    expect(res.status).toBe(200)
    const answer = (await res.json()) as Answer
    expect(['answer', 'clarify']).toContain(answer.kind)
    if (answer.kind === 'answer') {
      expect(answer.facet).toBe('fees')
      expect(answer.text).toContain(answer.procedure!.code)
      expect(answer.text).toBe(answer.text.normalize('NFC'))
    }
  })

  it('returns the reply as structure beside the text: lead first, short list sections, the source line', async () => {
    const answer = (await (
      await ask(t, { text: 'làm lại thẻ căn cước bị mất cần giấy tờ gì' })
    ).json()) as Answer
    expect(answer).toMatchObject({ kind: 'answer', facet: 'documents', procedure: { code: '1.014064' } })
    const reply = answer.reply!
    expect(answer.text.split('\n')[0]).toBe(reply.lead)
    expect(reply.lead.length).toBeLessThanOrEqual(300)
    expect(reply.sections.length).toBeGreaterThan(0)
    for (const section of reply.sections) expect(section.items.length).toBeGreaterThan(0)
    expect(reply.source?.text).toMatch(
      /^Nguồn: dichvucong\.gov\.vn, số liệu ngày \d{2}\/\d{2}\/\d{4} \(mã 1\.014064\)\.$/,
    )
    // The name and the link once each in the text.
    expect(answer.text.split(`${answer.procedure!.name} (mã 1.014064)`)).toHaveLength(2)
    expect(answer.text.split(answer.procedure!.url!)).toHaveLength(2)
    const clarify = (await (await ask(t, { text: 'căn cước' })).json()) as Answer
    if (clarify.kind === 'clarify') {
      expect(clarify.reply?.choices?.map((c) => c.code)).toEqual(clarify.candidates?.map((c) => c.code))
      expect(clarify.reply?.lead).toBe(clarify.text.split('\n')[0])
    }
  })

  it('greets back on small talk and declines questions outside public procedures', async () => {
    const hello = (await (await ask(t, { text: 'xin chào' })).json()) as Answer
    expect(hello.kind).toBe('smalltalk')
    const weather = (await (await ask(t, { text: 'thời tiết hà nội ngày mai thế nào' })).json()) as Answer
    expect(weather.kind).toBe('not_found')
  })

  it.each([
    ['an empty question', { text: '   ' }, 400, /trống/],
    ['a question over 2,000 characters', { text: 'a'.repeat(2001) }, 400, /2000/],
    ['a missing text field', { question: 'hộ chiếu' }, 400, /Thiếu trường text/],
    ['a text that is not a string', { text: 12 }, 400, /text phải là một chuỗi/],
    ['a malformed sessionId', { text: 'hộ chiếu', sessionId: '../../etc' }, 400, /sessionId/],
  ])('rejects %s', async (_name, body, status, message) => {
    const res = await ask(t, body)
    expect(res.status).toBe(status)
    expect(((await res.json()) as { error: { message: string } }).error.message).toMatch(message)
  })

  it('rejects malformed JSON, a wrong content type and an oversized body with clear errors', async () => {
    const bad = await ask(t, '{"text": "hộ chiếu"')
    expect(bad.status).toBe(400)
    expect(((await bad.json()) as { error: { message: string } }).error.message).toMatch(/JSON/)
    const wrongType = await ask(t, 'text=ho chieu', { 'content-type': 'application/x-www-form-urlencoded' })
    expect(wrongType.status).toBe(415)
    const huge = await ask(t, JSON.stringify({ text: 'x'.repeat(40_000) }))
    expect(huge.status).toBe(413)
    expect(((await huge.json()) as { error: { message: string } }).error.message).toMatch(/quá lớn/)
  })
})

describe('POST /v1/ask with a sessionId', () => {
  let t: TestApp
  beforeAll(async () => {
    t = await createTestApp()
  })
  afterAll(() => t.close())

  it('keeps a follow-up question on the procedure of the previous answer', async () => {
    const sessionId = 'test-session-follow-up'
    const first = (await (
      await ask(t, { text: 'thủ tục cấp hộ chiếu phổ thông', sessionId })
    ).json()) as Answer
    const code = first.kind === 'answer' ? first.procedure!.code : first.candidates![0]!.code
    const chosen =
      first.kind === 'answer' ? first : ((await (await ask(t, { text: '1', sessionId })).json()) as Answer)
    expect(chosen.kind).toBe('answer')
    const followUp = (await (await ask(t, { text: 'lệ phí bao nhiêu?', sessionId })).json()) as Answer
    expect(followUp.kind).toBe('answer')
    expect(followUp.facet).toBe('fees')
    expect(followUp.procedure!.code).toBe(chosen.procedure!.code ?? code)
    const other = (await (
      await ask(t, { text: 'lệ phí bao nhiêu?', sessionId: 'another-session-xyz' })
    ).json()) as Answer
    expect(other.procedure?.code === chosen.procedure!.code && other.kind === 'answer').toBe(false)
  })
})
