import { describe, expect, it } from 'vitest'
import { createProcedureActions } from '../../../knowledge/answer/procedure-actions.ts'
import { inCompound } from '../../../knowledge/search/in-compound.ts'
import { analyzeText } from '../../../knowledge/search/normalize-vietnamese.ts'
import { describeOnPortal, kindAndCode } from '../../helpers/portal-knowledge-base.ts'

const actions = createProcedureActions()

describe('a syllable that ends the word before it', () => {
  it('is "nhận" after "công", "xác", "tiếp", not after an action word', () => {
    const words = analyzeText('công nhận hộ nghèo')
    expect(inCompound(words, 1)).toBe(true)
    expect(inCompound(analyzeText('xác nhận thay đổi'), 1)).toBe(true)
    expect(inCompound(analyzeText('lĩnh lương hưu, nhận hộ mẹ'), 4)).toBe(false)
    expect(inCompound(words, 0)).toBe(false)
  })

  it('starts no phrase of the fit model: "công nhận hộ nghèo" asks no proxy, "nhận hộ lương hưu" does', () => {
    expect(actions.ofQuestion(analyzeText('công nhận hộ nghèo')).qualifiers.has('proxy')).toBe(false)
    expect(actions.ofQuestion(analyzeText('xin xác nhận thay đổi')).qualifiers.has('proxy')).toBe(false)
    expect(actions.ofQuestion(analyzeText('nhận hộ lương hưu cho mẹ')).qualifiers.get('proxy')).toEqual(
      new Set(['proxy']),
    )
  })
})

describe('a syllable typed without marks that belongs to a two-syllable word', () => {
  const asked = (text: string) => [...actions.ofQuestion(analyzeText(text)).actions]

  it('is no closing down in "hoat dong cua", "hop dong lao dong cua"; "dong cua" alone still is', () => {
    expect(asked('cap giay phep hoat dong cua san giao dich bat dong san')).toEqual([])
    expect(asked('hop dong lao dong cua cong ty')).toEqual([])
    expect(asked('quan dong cua roi')).toEqual(['terminate'])
    expect(asked('cong ty dong cua')).toEqual(['terminate'])
  })

  it('is no exchange in "doi tuong", "doi voi"; "doi bang lai", "doi ngoai te" still are', () => {
    expect(asked('xac nhan doi tuong cu tru cua viet nam')).toEqual([])
    expect(asked('doi voi nguoi nuoc ngoai thi sao')).toEqual([])
    expect(asked('doi bang lai xe')).toEqual(['exchange'])
    expect(asked('doi ngoai te')).toEqual(['exchange'])
  })

  it('keeps the words typed with marks as typed', () => {
    expect(inCompound(analyzeText('hoạt động của'), 1)).toBe(false)
    expect(inCompound(analyzeText('hoat dong cua'), 1)).toBe(true)
    expect(inCompound(analyzeText('đổi với hàng xóm'), 0)).toBe(false)
  })
})

describeOnPortal('an official name typed without marks', (portal) => {
  it('is answered with its procedure, not read as closing down or an exchange', async () => {
    for (const [q, code] of [
      ['cap giay phep hoat dong cua san giao dich bat dong san', '1.012900'],
      ['dang ki hoat dong cua to chuc hanh nghe luat su', '1.002010'],
      ['xac nhan doi tuong cu tru cua viet nam', '1.008544'],
    ] as const)
      expect(kindAndCode(await portal.kb.answer(q, {})), q).toEqual({ kind: 'answer', code })
  })
})
