import { describe, expect, it } from 'vitest'
import { saysHowToApplyOnline } from '#knowledge/answer/says-how-online.ts'
import { readCases } from '../../helpers/read-cases.ts'

/** Sentences of online channels' descriptions in the national export, after the record each is from. */
describe('saysHowToApplyOnline', () => {
  it.each(readCases('apply-online'))('%s: %s for "%s"', (_code, keeps, sentence) => {
    expect(String(saysHowToApplyOnline(sentence))).toBe(keeps)
  })
})
