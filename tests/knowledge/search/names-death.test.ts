import { describe, expect, it } from 'vitest'
import { createProcedureActions } from '../../../knowledge/answer/procedure-actions.ts'
import { namesDeath } from '../../../knowledge/search/names-death.ts'
import { analyzeText } from '../../../knowledge/search/normalize-vietnamese.ts'
import { searchedWords } from '../../helpers/analyse-message.ts'

const deathIn = (question: string): boolean => {
  const tokens = analyzeText(question)
  return tokens.some((_, k) => namesDeath(tokens, k))
}

describe('namesDeath', () => {
  it.each([
    ['mẹ em mất, nhận tiền tử tuất bhxh cần gì', true],
    ['me em mat, nhan tien tu tuat bhxh can gi', true],
    ['ông nội tôi vừa mất hôm qua, làm khai tử ở đâu', true],
    ['chồng tôi mất tuần trước', true],
    ['me toi mat o nha, lam giay chung tu can gi', true],
    ['mẹ tôi đang hưởng lương hưu thì mất, gia đình nhận trợ cấp tử tuất thế nào', true],
    ['bo toi dang huong luong huu thi mat, lam che do tu tuat co mat phi gi khong', true],
    ['bà ngoại em mất tại nhà', true],
    ['mẹ em mất căn cước, làm lại ở đâu', false],
    ['me toi mat can cuoc lam lai o dau', false],
    ['bố tôi mất sổ hộ khẩu', false],
    ['bị mất hộ chiếu', false],
    ['em mất bằng lái xe', false],
    ['làm mất thẻ bhyt thì mất bao lâu để cấp lại', false],
    ['đổi bằng lái thì mất phí bao nhiêu', false],
    ['hộ chiếu gắn chíp làm mất bao nhiêu tiền', false],
    ['ba mất bao nhiêu ngày', false],
  ])('reads in "%s" a death: %s', (question, death) => {
    expect(deathIn(question)).toBe(death)
  })
})

describe('a death in the fit check and the search', () => {
  const actions = createProcedureActions()

  it('names no re-issue for a relative who died, and keeps it for a relative who lost a paper', () => {
    expect([...actions.ofQuestion(analyzeText('mẹ em mất, làm giấy chứng tử ở đâu')).actions]).not.toContain(
      'reissue',
    )
    expect([...actions.ofQuestion(analyzeText('bố tôi đang hưởng lương hưu thì mất')).actions]).not.toContain(
      'reissue',
    )
    expect([...actions.ofQuestion(analyzeText('mẹ em mất căn cước, làm lại ở đâu')).actions]).toContain(
      'reissue',
    )
  })

  it('expands a death as "chết" is expanded, never as a lost paper', () => {
    const death = searchedWords('mẹ em mất, nhận tiền tuất bhxh cần gì')
    expect(death).toContain('tuat')
    expect(death).not.toContain('lai')
    expect(searchedWords('mẹ em mất căn cước')).toContain('lai')
  })
})
