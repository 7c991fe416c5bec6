/**
 * An area told between the words of a request ("cho thuê 2 ha đất bãi bồi", "mua 500m2 đất", "3 sào
 * ruộng"): a number with its unit, a fact of the situation that no name holds, which split the words it
 * stood between ("thuê … đất" read as no pair "thuê đất"). A length, floors, money, an age and a grade
 * stay: they may decide the procedure ("tàu cá 15 mét", "nhà 3 tầng", "hàng dưới 5 triệu", "14 tuổi").
 * @module
 */
import { dropTokens } from './drop-tokens.ts'
import type { AnalyzedToken } from './normalize-vietnamese.ts'

/** A number with a unit of area glued on ("500m2", "1,5ha"). */
const GLUED = /^\d+(?:[.,]\d+)?(?:m2|ha)$/
/** A number alone, the unit after it. */
const NUMBER = /^\d+(?:[.,]\d+)?$/
/** Units of area said after a number, as typed ("sào", "mẫu" only with their marks: "3 sao" is a hotel's stars). */
const UNITS = new Set(['ha', 'm2', 'sào', 'mẫu'])

/**
 * @returns the tokens without such measures, or the same array when none is
 * @example dropMeasures(analyzeMessage('cho thuê 2 ha đất')) // cho thuê đất
 */
export const dropMeasures = (tokens: AnalyzedToken[]): AnalyzedToken[] =>
  dropTokens(tokens, (i) => {
    const t = tokens[i] as AnalyzedToken
    const unit = tokens[i + 1]
    const length = GLUED.test(t.folded)
      ? 1
      : NUMBER.test(t.folded) && unit && !unit.clause && UNITS.has(unit.text)
        ? 2
        : 0
    // between words: something before it, and after it in the same clause
    const next = tokens[i + length]
    return length && i > 0 && next && !next.clause ? length : 0
  })
