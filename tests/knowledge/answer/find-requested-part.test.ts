import { describe, expect, it } from 'vitest'
import { findRequestedPart } from '../../../knowledge/answer/find-requested-part.ts'
import { analyzeText } from '../../../knowledge/search/normalize-vietnamese.ts'

/** Whether the words hold one of a few action words (a stand-in for the fit model's phrases). */
const namesAction = (words: readonly { folded: string }[]) =>
  words.some((w) => ['lai', 'doi', 'khoa'].includes(w.folded))
const requested = (text: string) =>
  findRequestedPart(analyzeText(text), namesAction)
    ?.map((t) => t.text)
    .join(' ') ?? null

describe('findRequestedPart', () => {
  it('takes the words after the last "muốn" that name an action', () => {
    expect(requested('đã thôi quốc tịch giờ muốn trở lại quốc tịch')).toBe('trở lại quốc tịch')
    expect(requested('bi mat dien thoai muon khoa tai khoan')).toBe('khoa tai khoan')
    expect(requested('muốn hỏi: thẻ hết hạn, muốn đổi ở đâu')).toBe('đổi ở đâu')
  })

  it('finds nothing without a "muốn" followed by an action', () => {
    expect(requested('làm lại căn cước bị mất')).toBeNull()
    expect(requested('bị mất căn cước, muốn biết phí')).toBeNull()
    // "muốn" opening the question: every action is asked anyway
    expect(requested('muốn làm lại căn cước')).toBeNull()
    // typed with other marks it is another word
    expect(requested('mượn xe đổi biển')).toBeNull()
  })
})
