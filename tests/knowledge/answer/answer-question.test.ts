import { describe, expect, it } from 'vitest'
import type { Answer, AnswerContext } from '../../../knowledge/answer/answer.types.ts'
import { answerQuestion } from '../../../knowledge/answer/answer-question.ts'
import { listProcedures } from '../../../knowledge/procedures/list-procedures.ts'
import type { Procedure } from '../../../knowledge/procedures/procedure.types.ts'
import { kindAndCode, usePortalKnowledgeBase } from '../../helpers/portal-knowledge-base.ts'
import { readCaseGroup } from '../../helpers/read-cases.ts'

let all: Procedure[]

const ask = (question: string, context: AnswerContext = {}) =>
  answerQuestion({ question, context, search: portal.kb.search, getProcedure: portal.kb.getProcedure })

/** Every digit run in the answer must come from the record (or a named alternative). */
const expectOnlyRecordNumbers = async (answer: Answer) => {
  const record = await portal.kb.getProcedure(answer.procedure?.code ?? '')
  expect(record).not.toBeNull()
  const source = [
    JSON.stringify(record),
    ...(answer.candidates ?? []).map((c) => `${c.code} ${c.name}`),
  ].join(' ')
  const digits = source.replace(/[.,]/g, ' ')
  for (const n of answer.text.match(/\d+/g) ?? [])
    expect(digits, `number ${n}`).toMatch(new RegExp(`(^|\\D)${n}(\\D|$)`))
}

const portal = usePortalKnowledgeBase({
  prepare: async ({ testDb: { db } }) => {
    all = await listProcedures({ db })
  },
})

describe('answerQuestion', () => {
  it('answers the fee first, from the record', async () => {
    const answer = await ask('đổi căn cước mất bao nhiêu tiền')
    expect(answer).toMatchObject({ kind: 'answer', facet: 'fees', procedure: { code: '1.014063' } })
    expect(answer.text.split('\n')[0]).toMatch(/^Lệ phí: .*50\.000 đồng\/thẻ căn cước/)
    expect(answer.text).toContain('Thủ tục: Cấp đổi thẻ căn cước (mã 1.014063)')
    expect(answer.text).toContain('Nguồn: dichvucong.gov.vn, số liệu ngày 15/07/2026 (mã 1.014063).')
    expect(answer.reply?.lead).toBe(answer.text.split('\n')[0])
    expect(answer.text).toContain('https://dichvucong.gov.vn/')
    expect(answer.text).toBe(answer.text.normalize('NFC'))
  })

  it.each(readCaseGroup('questions', 'no-invented-number'))(
    'never states a number the record does not have ("%s")',
    async (question) => {
      const answer = await ask(question)
      expect(['answer', 'clarify']).toContain(answer.kind)
      if (answer.kind === 'answer') await expectOnlyRecordNumbers(answer)
    },
  )

  it('says the record has no fee instead of inventing one', async () => {
    const silent = all.find((p) => p.channels.length > 0 && p.channels.every((c) => c.feeText === null))
    expect(silent).toBeDefined()
    const answer = await ask(`${silent?.code} lệ phí bao nhiêu`)
    expect(answer).toMatchObject({ kind: 'answer', facet: 'fees', procedure: { code: silent?.code } })
    expect(answer.text).toContain('Hồ sơ gốc không ghi lệ phí; xem trang chính thức.')
    await expectOnlyRecordNumbers(answer)
  })

  it('does not promise "free" when the record names an amount under a "Miễn phí" fee column', async () => {
    const answer = await ask('đổi GPLX hết bao nhiêu')
    expect(answer).toMatchObject({ kind: 'answer', facet: 'fees', procedure: { code: '3.000347' } })
    const fees = answer.text.split('\n\n')[0] ?? ''
    expect(fees).toContain('135.000 đồng/lần')
    expect(fees).not.toMatch(/: Miễn phí/)
    expect(fees).toContain('cột phí trên Cổng ghi “Miễn phí”, khác mức thu trong mô tả này')
    await expectOnlyRecordNumbers(answer)
  })

  it('lists what everyone brings before the papers needed only in some cases', async () => {
    const answer = await ask('1.001193 cần giấy tờ gì')
    expect(answer).toMatchObject({ kind: 'answer', facet: 'documents' })
    const birthCertificate = answer.text.indexOf('Giấy chứng sinh')
    const abandoned = answer.text.indexOf('Trường hợp trẻ em bị bỏ rơi')
    expect(birthCertificate).toBeGreaterThan(0)
    expect(abandoned).toBeGreaterThan(birthCertificate)
  })

  it('says the record has no processing time when it has none', async () => {
    const silent = all.find((p) => p.channels.length > 0 && p.channels.every((c) => c.durationText === null))
    if (!silent) return
    const answer = await ask(`${silent.code} mất bao lâu`)
    expect(answer.text).toContain('Hồ sơ gốc không ghi thời hạn giải quyết')
  })

  it('asks which procedure when several fit about equally, with at most five candidates', async () => {
    const answers = await Promise.all(
      ['xin giấy phép xây dựng nhà ở', 'thay đổi người đại diện theo pháp luật', 'lý lịch tư pháp số 2'].map(
        (q) => ask(q),
      ),
    )
    const clarify = answers.filter((a) => a.kind === 'clarify')
    expect(clarify.length).toBeGreaterThan(0)
    for (const a of clarify) {
      expect(a.candidates?.length).toBeGreaterThanOrEqual(2)
      expect(a.candidates?.length).toBeLessThanOrEqual(5)
      for (const c of a.candidates ?? []) expect(a.text).toContain(c.code)
    }
  })

  it('answers whether an application goes by post with the channels the record lists', async () => {
    const post = await ask('làm lý lịch tư pháp có gửi qua bưu điện được không')
    expect(post).toMatchObject({ kind: 'answer', facet: 'online', procedure: { code: '3.000333' } })
    expect(post.text.split('\n')[0]).toContain('qua dịch vụ bưu chính')
  })

  it('answers whether one must go in person with a no when the record lists an online channel', async () => {
    const reply = await ask('đổi bằng lái có phải lên tận sở không')
    expect(reply).toMatchObject({ kind: 'answer', facet: 'online', procedure: { code: '3.000347' } })
    expect(reply.text.split('\n')[0]).toMatch(
      /^Không bắt buộc đến nộp trực tiếp: thủ tục này nộp trực tuyến được/,
    )
    expect(reply.text).not.toContain('Có, thủ tục này nộp trực tuyến')
  })

  it('follows up on the conversation procedure when the message names no other', async () => {
    const fee = await ask('phí bao nhiêu?', { procedureCode: '1.014063' })
    expect(fee).toMatchObject({ kind: 'answer', facet: 'fees', procedure: { code: '1.014063' } })
    const online = await ask('làm online được không', { procedureCode: '1.014063' })
    expect(online).toMatchObject({ kind: 'answer', facet: 'online', procedure: { code: '1.014063' } })
    expect(online.text.match(/nộp trực tuyến được/g)).toHaveLength(1)
    const where = await ask('nộp ở đâu', { procedureCode: '1.000894' })
    expect(where).toMatchObject({ kind: 'answer', facet: 'where', procedure: { code: '1.000894' } })
  })

  it.each([
    ['còn lệ phí thì sao', 'fees'],
    ['cần mang theo những gì nữa', 'documents'],
    ['kết quả nhận được là gì', 'result'],
    ['mất mấy ngày vậy', 'duration'],
  ])('keeps to the conversation procedure for the chatty follow-up "%s"', async (question, facet) => {
    const answer = await ask(question, { procedureCode: '1.014064' })
    expect(answer).toMatchObject({ kind: 'answer', facet, procedure: { code: '1.014064' } })
  })

  it('switches when the follow-up names a new procedure', async () => {
    const answer = await ask('còn đăng ký kết hôn thì cần giấy tờ gì', { procedureCode: '1.014063' })
    expect(answer).toMatchObject({ kind: 'answer', facet: 'documents', procedure: { code: '1.000894' } })
    const other = await ask('thế còn đăng ký khai sinh', { procedureCode: '1.014064' })
    expect(other).toMatchObject({ kind: 'answer', procedure: { code: '1.001193' } })
  })

  it.each([
    ['2', 1],
    ['số 3', 2],
    ['chọn 1', 0],
    ['1.013229', 2],
  ])('picks "%s" from the last clarify list', async (reply, index) => {
    const candidateCodes = ['1.013225', '1.013226', '1.013229']
    const answer = await ask(reply, { candidateCodes })
    expect(answer).toMatchObject({ kind: 'answer', procedure: { code: candidateCodes[index] } })
  })

  it('asks for the procedure when a follow-up has no conversation to follow', async () => {
    const answer = await ask('phí bao nhiêu?')
    expect(answer.kind).toBe('not_found')
    expect(answer.text).toContain('lệ phí của thủ tục nào')
  })

  it('answers a chatty question whose few matching words name one procedure (exactly the matched-words bar)', async () => {
    // 3 of 9 content words match "Thông báo lưu trú": coverage 0.333, matched weight 3
    const answer = await ask('nhà có họ hàng lên chơi ngủ lại có phải báo lưu trú ko')
    expect(kindAndCode(answer)).toEqual({ kind: 'answer', code: '2.001159' })
  })

  it('answers a bare code', async () => {
    expect(await ask('1.004222')).toMatchObject({ kind: 'answer', procedure: { code: '1.004222' } })
  })

  it.each(['giá xăng hôm nay', 'dự báo thời tiết tuần này', 'qwerty asdf', 'kết quả xổ số hôm nay'])(
    'answers not_found with a pointer for "%s"',
    async (question) => {
      const answer = await ask(question)
      expect(answer.kind).toBe('not_found')
      expect(answer.text).toContain('dichvucong.gov.vn')
    },
  )

  it.each(['chào bạn', 'cam on'])('replies to small talk "%s"', async (question) => {
    const answer = await ask(question)
    expect(answer.kind).toBe('smalltalk')
    expect(answer.text.length).toBeGreaterThan(10)
  })

  it.each(['trả lời vớ vẩn', 'bot vô dụng', 'bạn chẳng giúp được gì cả'])(
    'apologises and points to the hotline for displeasure with the replies: "%s"',
    async (question) => {
      const answer = await ask(question)
      expect(answer.kind).toBe('smalltalk')
      expect(answer.text).toMatch(/^Xin lỗi/)
      expect(answer.text).toContain('1800 1096')
      // a greeting or thanks is not met with an apology
      expect((await ask('chào bạn')).text).not.toMatch(/Xin lỗi/)
      expect((await ask('cảm ơn nhiều')).text).not.toMatch(/Xin lỗi/)
    },
  )
})
