import { describe, expect, it } from 'vitest'
import { createProcedureActions } from '../../../knowledge/answer/procedure-actions.ts'
import { inCompound } from '../../../knowledge/search/in-compound.ts'
import { analyzeText } from '../../../knowledge/search/normalize-vietnamese.ts'

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
