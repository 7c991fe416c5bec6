import { describe, expect, it } from 'vitest'
import { escapeRegExp } from '../../../knowledge/text/escape-regexp.ts'

describe('escapeRegExp', () => {
  it('matches the text literally, marks and all', () => {
    for (const text of ['TP.HCM', '1.010727', 'a+b (c)', '[x]*?^$|\\', 'Bà Rịa - Vũng Tàu'])
      expect(new RegExp(`^${escapeRegExp(text)}$`, 'u').test(text)).toBe(true)
    expect(new RegExp(escapeRegExp('TP.HCM')).test('TPxHCM')).toBe(false)
  })
})
