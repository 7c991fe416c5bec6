import { describe, expect, it } from 'vitest'
import { saysHowToApplyOnline } from '#knowledge/answer/says-how-online.ts'
import { readCases } from '../../helpers/read-cases.ts'

/**
 * Sentences of online channels' descriptions in the national export (tests/fixtures/cases/apply-online.tsv):
 * the record each is from, whether it says how to apply online, the sentence.
 */
describe('saysHowToApplyOnline', () => {
  it.each(readCases('apply-online'))('%s: %s for "%s"', (_code, keeps, sentence) => {
    expect(String(saysHowToApplyOnline(sentence))).toBe(keeps)
  })
})
