import { Hono } from 'hono'
import { describe, expect, it } from 'vitest'
import { createOpenApiDocument } from '../../../api/openapi/create-openapi-document.ts'
import { ZAnswer } from '../../../contracts/answer.ts'
import type { AnswerContext } from '../../../knowledge/answer/answer.types.ts'
import { answerQuestion } from '../../../knowledge/answer/answer-question.ts'
import { structureAnswer } from '../../../knowledge/answer/structure-answer.ts'
import type { PlaceNotes } from '../../../knowledge/places/create-place-notes.ts'
import { describeOperation, json } from '../../../platform/openapi/describe-operation.ts'
import { usePortalKnowledgeBase } from '../../helpers/portal-knowledge-base.ts'
import { eachAnswer } from '../../helpers/portal-question-tables.ts'
import { readQuestions } from '../../helpers/read-cases.ts'

/** Answers as if no place were ever found: the baseline the place note must not change. */
const noPlaces: PlaceNotes = { find: () => [], note: () => null }
const askWithout = async (question: string, context: AnswerContext = {}) =>
  structureAnswer(
    await answerQuestion({
      question,
      context,
      search: portal.kb.search,
      getProcedure: portal.kb.getProcedure,
      places: noPlaces,
    }),
  )

const SOURCE = '(theo danh mục đơn vị hành chính sau sắp xếp 2025)'

const portal = usePortalKnowledgeBase()

describe('answers that name a place', () => {
  it('adds the new province after where to submit, and the structured field', async () => {
    const answer = await portal.kb.answer('làm khai sinh ở Hà Nam')
    expect(answer).toMatchObject({
      kind: 'answer',
      procedure: { code: '1.001193' },
      places: [
        {
          mentioned: 'Hà Nam',
          kind: 'province',
          former: { name: 'Tỉnh Hà Nam' },
          current: { code: '37', name: 'Tỉnh Ninh Bình', level: 'tỉnh' },
          changed: true,
        },
      ],
    })
    const lines = answer.text.split('\n')
    const note = `Lưu ý địa bàn: từ 01/07/2025 tỉnh Hà Nam thuộc tỉnh Ninh Bình ${SOURCE}.`
    expect(lines.filter((l) => l.includes('Lưu ý địa bàn'))).toEqual([`- ${note}`])
    // After where to submit (the lead of an overview names it), before anything else.
    expect(lines[0]).toMatch(/^Nộp tại /)
    expect(lines[lines.indexOf(`- ${note}`) - 1]).toBe('Thông tin thêm:')
    expect(answer.reply?.sections.find((s) => s.items.includes(note))?.footer).toBeUndefined()
    expect(answer.text).toBe(answer.text.normalize('NFC'))
  })

  it('puts the ward note right under the agency when the question is where to submit', async () => {
    const answer = await portal.kb.answer('đăng ký kết hôn ở phường Trúc Bạch nộp ở đâu')
    expect(answer).toMatchObject({ kind: 'answer', facet: 'where', procedure: { code: '1.000894' } })
    expect(answer.places?.[0]).toMatchObject({
      current: { name: 'Phường Ba Đình', province: 'Thành phố Hà Nội' },
    })
    const lines = answer.text.split('\n')
    const at = lines.indexOf(
      `- Lưu ý địa bàn: từ 01/07/2025 phường Trúc Bạch thuộc phường Ba Đình, thành phố Hà Nội ${SOURCE}.`,
    )
    expect(at).toBeGreaterThan(0)
    expect(lines[0]).toMatch(/^Nộp hồ sơ tại /)
    // In the where-to-submit list, with nothing else in between.
    expect(lines.slice(lines.indexOf('Nơi nộp:'), at)).not.toContain('')
  })

  it('says the district level is gone and points to the agency the answer names', async () => {
    const answer = await portal.kb.answer('nhập hộ khẩu giờ còn phải lên công an huyện ko hay làm ở xã')
    expect(answer).toMatchObject({
      kind: 'answer',
      procedure: { code: '1.004222' },
      places: [{ mentioned: 'công an huyện', kind: 'district', current: null, changed: true }],
    })
    expect(answer.text).toMatch(/^Nộp tại Công an cấp Xã;/)
    expect(answer.text).toContain(
      'Thông tin thêm:\n' +
        '- Lưu ý địa bàn: từ 01/07/2025 không còn cấp huyện, thủ tục nộp tại cơ quan nêu ở trên (cấp xã).',
    )
  })

  it('adds the note to a clarify question too', async () => {
    const answer = await portal.kb.answer('làm căn cước ở xã Tân Hòa, Hậu Giang')
    expect(answer.kind).toBe('clarify')
    expect(answer.places?.map((p) => p.mentioned)).toEqual(['xã Tân Hòa', 'Hậu Giang'])
    expect(answer.text.split('\n').at(-1)).toBe(
      `Lưu ý địa bàn: từ 01/07/2025 xã Tân Hoà (tỉnh Hậu Giang) thuộc xã Tân Hoà, thành phố Cần Thơ ${SOURCE}.`,
    )
  })

  it('adds no note and no field when the place did not change or none is named', async () => {
    const current = await portal.kb.answer('đăng ký kết hôn ở Hà Nội')
    expect(current.places).toEqual([expect.objectContaining({ mentioned: 'Hà Nội', changed: false })])
    expect(current.text).not.toContain('Lưu ý địa bàn')
    const none = await portal.kb.answer('đăng ký kết hôn')
    expect(none.places).toBeUndefined()
    expect(none.text).not.toContain('Lưu ý địa bàn')
  })

  it('keeps places out of small talk and not-found answers', async () => {
    expect((await portal.kb.answer('xin chào từ Hà Nam')).places).toBeUndefined()
    expect((await portal.kb.answer('giá vàng ở Hà Nam hôm nay')).places).toBeUndefined()
  })

  it('asks as surely with a place named as without it: its name does not thin the match', async () => {
    const placed = await portal.kb.answer('xin giấy phép xây dựng nhà ở xã Tân Hòa, Hậu Giang')
    const plain = await portal.kb.answer('xin giấy phép xây dựng nhà')
    expect(placed.places?.length).toBeGreaterThan(0)
    expect(placed.kind).toBe(plain.kind)
    expect(placed.candidates?.map((c) => c.code)).toEqual(plain.candidates?.map((c) => c.code))
    expect(placed.text).not.toMatch(/^Tôi chưa chắc/)
    // a long question whose place names outnumber its request's words
    const told = await portal.kb.answer(
      'đất ở Bình Dương cũ giờ thuộc TP.HCM, muốn tách thửa chia cho 2 đứa con',
    )
    expect([told.procedure?.code, ...(told.candidates ?? []).map((c) => c.code)]).toContain('1.012784')
  })

  it('answers as without it where the citizen says where they live, old names and unit words included', async () => {
    const plain: [string, string][] = [
      ['cấp lại sổ đỏ ở đâu', '1.012786'],
      ['cải chính hộ tịch sai ngày sinh', '1.004859'],
      ['khai thuế cho người làm đại lý xổ số', '1.007690'],
      ['khôi phục mã số thuế', '1.008510'],
    ]
    const where = [
      (q: string) => `tôi ở tỉnh Hà Tây cũ, ${q}`,
      (q: string) => `${q} ở quận Hoàn Kiếm cũ`,
      (q: string) => `${q} tại phường Hoàn Kiếm`,
      (q: string) => `${q} ở tỉnh Bắc Ninh`,
      (q: string) => `nha em o tinh ha tay cu, ${q}`,
    ]
    for (const [question, code] of plain) {
      for (const wrap of where) {
        const asked = wrap(question)
        expect(await portal.kb.answer(asked), asked).toMatchObject({ kind: 'answer', procedure: { code } })
      }
    }
  })

  it('reads where the citizen lives as no evidence of what they ask', async () => {
    for (const message of [
      'tôi ở tỉnh Hà Nam cũ, rằm tháng 7 cúng gì',
      'tôi ở tỉnh Hà Tây cũ, giá bạc hôm nay',
    ])
      expect((await portal.kb.answer(message)).kind, message).toBe('not_found')
    expect(['answer', 'clarify']).toContain((await portal.kb.answer('khiếu nại công an tỉnh Hà Nam')).kind)
  })

  eachAnswer(portal, readQuestions('place-note-same-answer'))(
    'chooses the same answer with or without the place note ("%s")',
    async (withPlaces, question) => {
      const without = await askWithout(question)
      expect(withPlaces.places?.length).toBeGreaterThan(0)
      const { places: _places, text, reply, ...chosen } = withPlaces
      const { text: baseline, reply: baselineReply, ...chosenWithout } = without
      expect(chosen).toEqual(chosenWithout)
      const withoutNote = text
        .split('\n')
        .filter((l) => !l.replace(/^- /, '').startsWith('Lưu ý địa bàn:'))
        .join('\n')
      expect(withoutNote).toBe(baseline)
      const noteless = reply?.sections
        .map(({ footer: _f, ...s }) => ({
          ...s,
          items: s.items.filter((i) => !i.startsWith('Lưu ý địa bàn:')),
        }))
        .filter((s) => s.items.length > 0)
      expect(noteless).toEqual(baselineReply?.sections.map(({ footer: _f, ...s }) => s))
    },
  )
})

describe('GET /openapi.json', () => {
  it('documents the optional places field of an answer', async () => {
    const app = new Hono().post(
      '/v1/ask',
      describeOperation({
        summary: 'ask',
        tag: 'ask',
        responses: { 200: { description: 'ok', content: json(ZAnswer) } },
      }),
      (c) => c.json({}),
    )
    type Schema = { properties: Record<string, { items?: unknown; enum?: string[] }>; required: string[] }
    const { schemas } = (await createOpenApiDocument(app)).components as unknown as {
      schemas: Record<'Answer' | 'Place', Schema>
    }
    expect(schemas.Answer.properties['places']?.items).toEqual({ $ref: '#/components/schemas/Place' })
    expect(schemas.Answer.required).toEqual(['kind', 'text'])
    expect(schemas.Place.properties['kind']?.enum).toEqual(['province', 'commune', 'district'])
    expect(schemas.Place.required).toEqual(['mentioned', 'kind', 'current', 'changed'])
  })
})
