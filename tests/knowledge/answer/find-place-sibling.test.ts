import { describe, expect, it } from 'vitest'
import { askedPlace, findPlaceSibling } from '../../../knowledge/answer/find-place-sibling.ts'
import { clarifyLabels } from '../../../knowledge/answer/label-candidates.ts'
import type { SearchResult } from '../../../knowledge/search/search.types.ts'
import { exportNames, folded } from '../../helpers/export-names.ts'
import { describeOnPortal } from '../../helpers/portal-knowledge-base.ts'

const result = (code: string) =>
  ({ code, name: exportNames.get(code) ?? '', levels: [] }) as unknown as SearchResult
const ABROAD = '2.002797' // Nhập quốc tịch Việt Nam ở nước ngoài
const DOMESTIC = '2.002039' // Nhập quốc tịch Việt Nam ở trong nước

/** What findPlaceSibling makes of the question when `first` is ranked above its sibling `second`. */
const placed = (question: string, first: string, second: string) => {
  const found = findPlaceSibling({
    top: result(first),
    fitting: [result(first), result(second)],
    folded: folded(question),
  })
  return found && 'answer' in found
    ? { answer: found.answer.code }
    : found
      ? { ask: found.ask.map((r) => r.code) }
      : null
}

describe('procedures split by where the applicant is', () => {
  it('reads where the question says the applicant is; a foreigner is who, not where', () => {
    expect(askedPlace(folded('người nước ngoài sống ở Việt Nam lâu năm'))).toBe('domestic')
    expect(askedPlace(folded('định cư ở nước ngoài muốn trở lại quốc tịch'))).toBe('abroad')
    expect(askedPlace(folded('chồng em người Trung Quốc muốn nhập quốc tịch Việt Nam'))).toBeNull()
  })

  it.each([
    ['người nước ngoài sống ở Việt Nam lâu năm muốn nhập quốc tịch Việt Nam', { answer: DOMESTIC }],
    ['chồng em người Trung Quốc muốn nhập quốc tịch Việt Nam cần hồ sơ gì', { ask: [ABROAD, DOMESTIC] }],
    ['việt kiều định cư ở nước ngoài muốn nhập quốc tịch', { answer: ABROAD }],
  ])('"%s" with the abroad variant ranked first: %j', (question, expected) => {
    expect(placed(question, ABROAD, DOMESTIC)).toEqual(expected)
  })

  it.each([
    ['người nước ngoài sống ở Việt Nam lâu năm muốn nhập quốc tịch Việt Nam', { answer: DOMESTIC }],
    ['việt kiều định cư ở nước ngoài muốn nhập quốc tịch', { answer: ABROAD }],
    ['chồng em người Trung Quốc muốn nhập quốc tịch Việt Nam cần hồ sơ gì', { ask: [DOMESTIC, ABROAD] }],
  ])('"%s" with the in-country variant ranked first: %j', (question, expected) => {
    expect(placed(question, DOMESTIC, ABROAD)).toEqual(expected)
  })

  it('leaves a name not split by place alone', () => {
    const khaiSinh = result('1.001193')
    expect(
      findPlaceSibling({ top: khaiSinh, fitting: [khaiSinh], folded: folded('làm khai sinh') }),
    ).toBeNull()
  })

  it('labels the two by their place', () => {
    expect(clarifyLabels([exportNames.get(ABROAD) ?? '', exportNames.get(DOMESTIC) ?? '']).labels).toEqual([
      'Ở nước ngoài',
      'Ở trong nước',
    ])
  })
})

describeOnPortal('nationality questions over the shipped export', (portal) => {
  it('answers the in-country naturalisation for a foreigner living in Vietnam', async () => {
    const answer = await portal.kb.answer(
      'người nước ngoài sống ở Việt Nam lâu năm muốn nhập quốc tịch Việt Nam thì cần gì',
    )
    expect(answer).toMatchObject({ kind: 'answer', procedure: { code: DOMESTIC } })
  })

  it('asks in the country or abroad when a foreign spouse does not say', async () => {
    const answer = await portal.kb.answer(
      'chồng em người Trung Quốc muốn nhập quốc tịch Việt Nam cần hồ sơ gì',
    )
    expect(answer.kind).toBe('clarify')
    expect(answer.candidates?.map((c) => c.code).sort()).toEqual([DOMESTIC, ABROAD].sort())
    expect(answer.candidates?.map((c) => c.label).sort()).toEqual(['Ở nước ngoài', 'Ở trong nước'])
  })
})
