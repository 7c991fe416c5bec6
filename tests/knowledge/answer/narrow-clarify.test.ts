import { describe, expect, it } from 'vitest'
import { narrowClarify } from '../../../knowledge/answer/narrow-clarify.ts'
import { builtInProcedureActions } from '../../../knowledge/answer/procedure-actions.ts'
import { analyzeText } from '../../../knowledge/search/normalize-vietnamese.ts'
import { offeredCodes } from '../../helpers/offered-codes.ts'
import { describeOnPortal } from '../../helpers/portal-knowledge-base.ts'

const actions = builtInProcedureActions()
// Real names from the shipped export: the identity card's four procedures.
const CARD = [
  { code: '1.014064', name: 'Cấp lại thẻ căn cước' },
  { code: '1.014062', name: 'Cấp thẻ căn cước cho người dưới 14 tuổi' },
  { code: '1.014061', name: 'Cấp thẻ căn cước cho người từ đủ 14 tuổi trở lên' },
  { code: '1.014063', name: 'Cấp đổi thẻ căn cước' },
]
const left = (reply: string) =>
  narrowClarify({ options: CARD, traits: actions.ofQuestion(analyzeText(reply)), actions })?.map(
    (o) => o.code,
  ) ?? null

describe('narrowClarify', () => {
  it('keeps the options a reply’s facts leave: an age, a loss, an expiry', () => {
    // an age told alone picks the option whose label is an age, not the re-issue or exchange of any age
    expect(left('con tôi 10 tuổi')).toEqual(['1.014062'])
    expect(left('cháu 15 tuổi rồi')).toEqual(['1.014061'])
    // an age with an action: the action decides
    expect(left('con tôi 10 tuổi bị mất thẻ')).toEqual(['1.014064'])
    expect(left('thẻ bị hỏng')).toEqual(['1.014064', '1.014063'])
    expect(left('bị mất')).toEqual(['1.014064'])
    expect(left('thẻ hết hạn')).toEqual(['1.014063'])
  })

  it('decides nothing when every option fits the reply', () => {
    expect(left('cần giấy tờ gì')).toBeNull()
    expect(left('ok')).toBeNull()
  })
})

describeOnPortal('a reply to a clarify question (the shipped export)', (portal) => {
  const context = { candidateCodes: CARD.map((c) => c.code) }

  it('answers the one option a fact leaves, for the part asked', async () => {
    const answer = await portal.kb.answer('bị mất rồi, cần giấy tờ gì', context)
    const short = await portal.kb.answer('mất rồi', context)
    expect(short).toMatchObject({ kind: 'answer', procedure: { code: '1.014064' } })
    expect(answer).toMatchObject({ kind: 'answer', facet: 'documents', procedure: { code: '1.014064' } })
  })

  it('answers the option whose label an age answers', async () => {
    expect(await portal.kb.answer('con tôi 10 tuổi', context)).toMatchObject({
      kind: 'answer',
      procedure: { code: '1.014062' },
    })
    // whoever the age is told of ("bé", "bà"): before, small talk and "nothing found"
    for (const [question, code] of [
      ['bé 6 tuổi', '1.014062'],
      ['cho bé nhà em 6 tuổi', '1.014062'],
      ['bà tôi 80 tuổi', '1.014061'],
      ['bé mới sinh', '1.014062'],
    ]) {
      expect(await portal.kb.answer(question as string, context), question).toMatchObject({
        kind: 'answer',
        procedure: { code },
      })
    }
  })

  it('shows what ends a long name in its label and answers the option whose name holds the reply as typed', async () => {
    const permit = await portal.kb.answer('xin giấy phép xây dựng', {})
    expect(permit.kind).toBe('clarify')
    const house = permit.candidates?.find((c) => c.code === '1.013225')
    // the bracketed list of works gives way to the house the name ends with
    expect(house?.label).toBe('Mới đối với công trình cấp III, cấp IV và nhà ở riêng lẻ')
    // so for the permit's extension and re-issue
    const extension = await portal.kb.answer('gia hạn giấy phép xây dựng', {})
    expect(extension.candidates?.find((c) => c.code === '1.013227')?.label).toBe(
      'Công trình cấp III, cấp IV và nhà ở riêng lẻ',
    )
    const reissue = await portal.kb.answer('cấp lại giấy phép xây dựng', {})
    expect(reissue.candidates?.find((c) => c.code === '1.013228')?.label).toBe(
      'Cấp III, cấp IV và nhà ở riêng lẻ',
    )
    // "nhà ở" (before: small talk) is that option
    expect(await portal.kb.answer('nhà ở', { candidateCodes: offeredCodes(permit) })).toMatchObject({
      kind: 'answer',
      procedure: { code: '1.013225' },
    })
  })

  it('asks again among the options a fact leaves, instead of saying it cannot answer', async () => {
    const answer = await portal.kb.answer('thẻ bị hỏng', context)
    expect(answer.kind).toBe('clarify')
    expect(offeredCodes(answer)).toEqual(['1.014064', '1.014063'])
  })

  it('asks which option a part is about, instead of asking for the procedure’s name', async () => {
    const answer = await portal.kb.answer('cần giấy tờ gì', context)
    expect(answer).toMatchObject({ kind: 'clarify', facet: 'documents' })
    expect(offeredCodes(answer)).toEqual(CARD.map((c) => c.code))
  })

  it('asks an action none of the options does of the object they share', async () => {
    // "sổ đỏ": the certificate's exchange and the land registration offered; "bị mất" is its re-issue
    const land = { candidateCodes: ['1.012783', '1.012753'] }
    expect(await portal.kb.answer('bị mất', land)).toMatchObject({
      kind: 'answer',
      procedure: { code: '1.012786' },
    })
    // four health-insurance procedures offered: a lost card is the card's re-issue, not an identity card's
    const health = { candidateCodes: ['1.001798', '1.001939', '1.002051', '1.001909'] }
    const card = await portal.kb.answer('mất thẻ', health)
    expect(card).toMatchObject({ kind: 'answer', procedure: { code: '1.002759' } })
    // the part asked is the reply's own
    expect(await portal.kb.answer('bị mất thì làm ở đâu', land)).toMatchObject({
      kind: 'answer',
      facet: 'where',
    })
  })

  it('answers the one option whose label the reply names, and asks which option a bare part is about', async () => {
    // the vehicle registrations offered for "đăng ký xe": temporary, first of an imported one, first of one made here
    const vehicles = { candidateCodes: ['1.013083', '1.013066', '1.012575'] }
    expect(await portal.kb.answer('ô tô nhập khẩu', vehicles)).toMatchObject({
      kind: 'answer',
      procedure: { code: '1.013066' },
    })
    const papers = await portal.kb.answer('hồ sơ', vehicles)
    expect(papers).toMatchObject({ kind: 'clarify', facet: 'documents' })
    expect(offeredCodes(papers)).toEqual(vehicles.candidateCodes)
  })

  it('says there is nothing to pick from when a number comes with no list before it', async () => {
    // after the marriage registration (1.000894), whose record numbers nothing
    const answer = await portal.kb.answer('số 2', { procedureCode: '1.000894' })
    expect(answer.kind).toBe('not_found')
    expect(answer.text).toMatch(/^Hiện không có danh sách nào để chọn\./)
    expect(answer.candidates).toBeUndefined()
    expect((await portal.kb.answer('2', {})).text).toMatch(/^Hiện không có danh sách nào để chọn\./)
  })

  it('reads a number with no list as the kind the procedure just answered numbers so', async () => {
    // the criminal record extract (3.000333), whose record speaks of "Phiếu Lý lịch tư pháp số 1, số 2"
    const answer = await portal.kb.answer('số 2', { procedureCode: '3.000333' })
    expect(answer).toMatchObject({ kind: 'answer', procedure: { code: '3.000333' } })
  })

  it('still answers a new question on its own', async () => {
    const answer = await portal.kb.answer('đăng ký khai sinh cần giấy tờ gì', context)
    expect(answer).toMatchObject({ kind: 'answer', procedure: { code: '1.001193' } })
  })
})
