import { describe, expect, it } from 'vitest'
import { findPurposeClause } from '../../../knowledge/search/find-purpose-clause.ts'
import { analyzeText } from '../../../knowledge/search/normalize-vietnamese.ts'

const clause = (text: string) => {
  const tokens = analyzeText(text)
  const found = findPurposeClause(tokens)
  return found
    ? tokens
        .slice(found.start, found.end)
        .map((t) => t.folded)
        .join(' ')
    : null
}

describe('findPurposeClause', () => {
  it('reads from "để" to the end of the question', () => {
    expect(clause('xin xác nhận kết quả thi hành án để xóa án tích')).toBe('de xoa an tich')
    expect(clause('chuyen dat vuon sang dat o de xay nha')).toBe('de xay nha')
  })

  it('ends where a new clause starts', () => {
    expect(clause('khai sinh để trống phần cha, giờ bố muốn nhận con')).toBe('de trong phan cha')
    expect(clause('đề nghị giám định để đổi nhưng không biết nộp đâu')).toBe('de doi')
  })

  it('finds none at the start of a message or with other marks', () => {
    expect(clause('để làm lại căn cước cần gì')).toBeNull()
    expect(clause('làm lại căn cước cần gì')).toBeNull()
    // "đề" (as in "đề nghị") is another word
    expect(clause('xin cấp đề nghị')).toBeNull()
  })
})
