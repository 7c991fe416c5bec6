import { describe, expect, it } from 'vitest'
import type { Answer } from '../../../knowledge/answer/answer.types.ts'
import { createTestApp, type TestApp, useTestApp } from '../../helpers/create-test-app.ts'
import { offeredCodes } from '../../helpers/offered-codes.ts'
import { readCaseGroup } from '../../helpers/read-cases.ts'
import { postJson, requestFrom, statusesInTurn } from '../../helpers/requests-from.ts'

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
  const t = useTestApp()

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

  it('answers every part asked in one message: the main one leads, the other under its heading', async () => {
    const answer = (await (
      await ask(t, { text: 'làm lại thẻ căn cước bị mất cần giấy tờ gì, lệ phí bao nhiêu' })
    ).json()) as Answer
    expect(answer).toMatchObject({ kind: 'answer', procedure: { code: '1.014064' } })
    expect(['documents', 'fees']).toContain(answer.facet)
    const other = answer.facet === 'fees' ? 'Giấy tờ cần nộp' : 'Lệ phí'
    expect(answer.reply!.sections.map((s) => s.title)).toContain(other)
    expect(answer.text).toContain(`\n${other}:\n- `)
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

describe('POST /v1/ask: intents that are not procedures', () => {
  const t = useTestApp()
  const asked = async (text: string) =>
    (await (await ask(t, { text })).json()) as Answer & { personalData?: string[] }
  /** Not a procedure's answer: none is named, and the text points to the national portal. */
  const expectNoProcedure = (answer: Answer) => {
    expect(answer.procedure).toBeUndefined()
    expect(answer.text).toContain('https://dichvucong.gov.vn')
  }

  it.each(readCaseGroup('questions', 'ask-contact'))(
    'gives the hotline and the help channels, never a procedure, to "%s"',
    async (text) => {
      const answer = await asked(text)
      expect(answer).toMatchObject({ kind: 'contact', handoff: true })
      expect(answer.text).toContain('1800 1096')
      expectNoProcedure(answer)
    },
  )

  it.each(readCaseGroup('questions', 'ask-status'))(
    'explains where to look an application up for "%s"',
    async (text) => {
      const answer = await asked(text)
      expect(answer.kind).toBe('status')
      expect(answer.text).toMatch(/Tra cứu hồ sơ/)
      expectNoProcedure(answer)
    },
  )

  it.each(['chúc ad một ngày vui vẻ', 'hi bot', 'ok cảm ơn bạn đã hỗ trợ', 'alo co ai khong'])(
    'takes the wish or thanks "%s" as small talk',
    async (text) => {
      const answer = await asked(text)
      expect(answer.kind).toBe('smalltalk')
      expect(answer.candidates).toBeUndefined()
    },
  )

  it.each([
    'tối nay Việt Nam đá với Thái Lan mấy giờ',
    'cach chua dau dau nhanh nhat',
    'gia lua o Dong Thap tuan nay bao nhieu 1 ky',
  ])('declines "%s" as outside public procedures, without procedures to choose from', async (text) => {
    const answer = await asked(text)
    expect(answer.kind).toBe('not_found')
    expect(answer.candidates).toBeUndefined()
    expect(answer.text).toContain('thủ tục hành chính')
  })

  it.each(['haha', '👍', 'bái bai nhé'])('takes "%s" as small talk', async (text) => {
    const answer = await asked(text)
    expect(answer.kind).toBe('smalltalk')
    expect(answer.candidates).toBeUndefined()
  })

  it('declines an everyday question but answers one that names a paper beside the same words', async () => {
    const health = await asked('huyết áp cao nên ăn gì')
    expect(health.kind).toBe('not_found')
    expect(health.candidates).toBeUndefined()
    expect(health.text).toContain('thủ tục hành chính')
    const marriage = await asked('em với người yêu muốn đăng ký kết hôn cần giấy tờ gì')
    expect(marriage.kind).toBe('answer')
    expect(marriage.procedure?.code).toBe('1.000894')
  })

  it('declines a message whose word pairs no procedure name holds with the out-of-scope reply, over HTTP', async () => {
    const answer = await asked('hôm nay thứ mấy vậy')
    expect(answer.kind).toBe('not_found')
    expect(answer.candidates).toBeUndefined()
    expect(answer.text).toContain('chưa trả lời được câu hỏi này')
    expectNoProcedure(answer)
  })

  it("takes a title inside a paper's name as a question about the paper, not a request for a person", async () => {
    const answer = await asked('the tu van vien phap luat bi hong can cap lai')
    expect(answer.kind).not.toBe('contact')
    expect(answer.handoff).toBeUndefined()
  })

  it('takes a receipt code as a progress question and repeats the code', async () => {
    const answer = await asked('000.00.12.H56-260101-0001')
    expect(answer).toMatchObject({ kind: 'status', receiptCode: '000.00.12.H56-260101-0001' })
    expect(answer.text).toContain('000.00.12.H56-260101-0001')
  })

  it('masks personal data in the question and answers the rest', async () => {
    const answer = await asked('mất cccd số 001099012345 làm lại cần gì, sđt 0912345678')
    expect(answer.personalData?.sort()).toEqual(['id_number', 'phone'])
    expect(['answer', 'clarify']).toContain(answer.kind)
    const codes = offeredCodes(answer)
    expect(codes).toContain('1.014064')
    expect(JSON.stringify(answer)).not.toMatch(/001099012345|0912345678/)
  })

  it('describes the contact and status kinds in the OpenAPI document', async () => {
    const doc = (await (await t.app.request('/openapi.json')).json()) as {
      components: { schemas: { Answer: { properties: Record<string, { enum?: string[] }> } } }
    }
    const answer = doc.components.schemas.Answer.properties
    expect(answer.kind?.enum).toEqual(['answer', 'clarify', 'not_found', 'smalltalk', 'contact', 'status'])
    expect(Object.keys(answer)).toEqual(expect.arrayContaining(['handoff', 'receiptCode', 'personalData']))
  })

  it('adds the feedback channel to a complaint', async () => {
    const answer = await asked('tôi muốn phản ánh cán bộ xã hách dịch')
    expect(['answer', 'clarify', 'contact']).toContain(answer.kind)
    expect(answer.text).toContain('Phản ánh, kiến nghị')
    expect(answer.text).toContain('1800 1096')
  })
})

describe('POST /v1/ask with a sessionId', () => {
  const t = useTestApp()

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

  it('reads a reply to a clarify question by its facts: "mất rồi" after the identity card’s four procedures', async () => {
    const sessionId = 'test-session-clarify-reply'
    const first = (await (await ask(t, { text: 'cấp căn cước cho con', sessionId })).json()) as Answer
    expect(first.kind).toBe('clarify')
    expect(offeredCodes(first)).toContain('1.014064')
    const reply = (await (await ask(t, { text: 'mất rồi', sessionId })).json()) as Answer
    expect(reply).toMatchObject({ kind: 'answer', procedure: { code: '1.014064' } })
  })
})

describe('POST /v1/ask rate limit', () => {
  const from = (t: TestApp, address: string, body: unknown, headers: Record<string, string> = {}) =>
    requestFrom(t.app, address, '/v1/ask', postJson(body, headers))

  it('limits each client address, whatever sessionId it sends, with 429, Retry-After and a Vietnamese message', async () => {
    const t = await createTestApp({ RATE_LIMIT_ASK_PER_MINUTE: '3' })
    try {
      const statuses = await statusesInTurn(3, (i) =>
        from(t, '198.51.100.7', { text: 'hộ chiếu', sessionId: `rotating-session-${i}` }),
      )
      expect(statuses).toEqual([200, 200, 200])
      const refused = await from(t, '198.51.100.7', { text: 'hộ chiếu' })
      expect(refused.status).toBe(429)
      const wait = Number(refused.headers.get('Retry-After'))
      expect(wait).toBeGreaterThanOrEqual(1)
      expect(wait).toBeLessThanOrEqual(20)
      const body = (await refused.json()) as { error: { code: string; message: string } }
      expect(body.error.code).toBe('RATE_LIMITED')
      expect(body.error.message).toMatch(
        /^Bạn gửi quá nhiều yêu cầu trong một phút\. Vui lòng thử lại sau \d+ giây\./,
      )
      // Another address is not affected.
      expect((await from(t, '198.51.100.8', { text: 'hộ chiếu' })).status).toBe(200)
    } finally {
      t.close()
    }
  })

  it('limits one sessionId used from many addresses', async () => {
    const t = await createTestApp({ RATE_LIMIT_ASK_PER_MINUTE: '2' })
    try {
      const statuses = await statusesInTurn(3, (i) =>
        from(t, `203.0.113.${i + 1}`, { text: 'hộ chiếu', sessionId: 'shared-session-1' }),
      )
      expect(statuses).toEqual([200, 200, 429])
    } finally {
      t.close()
    }
  })

  it('ignores X-Forwarded-For without trusted proxies, and reads the trusted hop behind them', async () => {
    const direct = await createTestApp({ RATE_LIMIT_ASK_PER_MINUTE: '2' })
    const proxied = await createTestApp({ RATE_LIMIT_ASK_PER_MINUTE: '2', TRUST_PROXY_HOPS: '1' })
    try {
      // Without a trusted proxy a client cannot dodge the limit by writing X-Forwarded-For.
      const spoofed = await statusesInTurn(3, (i) =>
        from(direct, '198.51.100.9', { text: 'hộ chiếu' }, { 'X-Forwarded-For': `10.9.9.${i}` }),
      )
      expect(spoofed).toEqual([200, 200, 429])
      // Behind one proxy (10.0.0.2) the client is the entry the proxy appended; what the client
      // wrote to the left is not trusted, and other clients behind the same proxy still pass.
      const behind = await statusesInTurn(3, (i) =>
        from(proxied, '10.0.0.2', { text: 'hộ chiếu' }, { 'X-Forwarded-For': `10.9.9.${i}, 203.0.113.50` }),
      )
      expect(behind).toEqual([200, 200, 429])
      expect(
        (await from(proxied, '10.0.0.2', { text: 'hộ chiếu' }, { 'X-Forwarded-For': '203.0.113.51' })).status,
      ).toBe(200)
    } finally {
      direct.close()
      proxied.close()
    }
  })

  it('is off with RATE_LIMIT_ASK_PER_MINUTE=0 (load tests, evaluations)', async () => {
    const t = await createTestApp({ RATE_LIMIT_ASK_PER_MINUTE: '0' })
    try {
      const statuses = await statusesInTurn(40, () => from(t, '198.51.100.10', { text: 'hộ chiếu' }))
      expect(new Set(statuses)).toEqual(new Set([200]))
    } finally {
      t.close()
    }
  })
})

describe('POST /v1/ask: asides beside the question', () => {
  const t = useTestApp()

  it('answers as without them when a phone, an identity number or the citizen’s name only sits beside the question', async () => {
    const asked = async (text: string) => (await (await ask(t, { text })).json()) as Answer
    const plain = await asked('làm hộ chiếu ở đâu')
    expect(plain.kind).toBe('answer')
    for (const text of [
      'làm hộ chiếu ở đâu, sđt em 0912345678',
      'làm hộ chiếu ở đâu? Số điện thoại của tôi là 0912 345 678',
      'cccd của tôi là 001099012345, làm hộ chiếu ở đâu',
      'em tên Lan, làm hộ chiếu ở đâu, liên hệ em qua 0912345678',
      'làm hộ chiếu ở đâu\n--\nNguyễn Văn An',
      'Chào anh chị\nlàm hộ chiếu ở đâu\nCảm ơn',
    ]) {
      const answer = await asked(text)
      expect({ kind: answer.kind, code: answer.procedure?.code }, text).toEqual({
        kind: 'answer',
        code: plain.procedure?.code,
      })
      expect(JSON.stringify(answer)).not.toMatch(/001099012345|0912 ?345 ?678/)
    }
  })
})
