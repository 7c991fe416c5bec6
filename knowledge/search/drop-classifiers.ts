/**
 * The classifier a citizen puts before a thing they describe ("cuốn sổ màu hồng", "tấm thẻ", "chiếc xe",
 * "tự đóng cái khoản bảo hiểm"): a word of the sentence, not of the thing, which kept the dictionary's
 * phrases from being read ("tự đóng … bảo hiểm", "sổ màu hồng"). "cái" is one only before what it counts
 * ("cái khoản"): before anything else it is too often part of what is said. Dropped only
 * where typed with marks (unmarked, "cai", "tam", "quyen" are "cải", "tạm", "quyền" too often), before
 * another word of the same clause, and where no phrase of the dictionary holds it beside a neighbour
 * ("cái này", "mấy tấm ảnh", "tấm lợp", "mua lại chiếc xe" keep theirs).
 * @module
 */
import { dropTokens } from './drop-tokens.ts'
import { dictionaryPairs, type Synonyms } from './load-synonyms.ts'
import type { AnalyzedToken } from './normalize-vietnamese.ts'

/** Classifiers, as typed with marks. */
const CLASSIFIERS = new Set(['cuốn', 'quyển', 'tấm', 'chiếc'])
/** "cái" and what it counts before the thing, dropped together ("cái khoản bảo hiểm"). */
const COUNTED_BY_CAI = new Set(['khoản'])

/**
 * @returns the tokens without such classifiers, or the same array when none is
 * @example dropClassifiers(analyzeMessage('tự đóng cái khoản bảo hiểm'), synonyms) // tự đóng bảo hiểm
 */
export const dropClassifiers = (tokens: AnalyzedToken[], synonyms: Synonyms): AnalyzedToken[] => {
  const phrases = dictionaryPairs(synonyms)
  const held = (a: AnalyzedToken | undefined, b: AnalyzedToken | undefined) =>
    !!a && !!b && !b.clause && phrases.has(`${a.folded}_${b.folded}`)
  return dropTokens(tokens, (i) => {
    const t = tokens[i] as AnalyzedToken
    const next = tokens[i + 1]
    const counted =
      (t.text === 'cái' && COUNTED_BY_CAI.has(next?.text ?? '')) ||
      (COUNTED_BY_CAI.has(t.text) && tokens[i - 1]?.text === 'cái' && !t.clause)
    const before = next !== undefined && !next.clause
    return (CLASSIFIERS.has(t.text) || counted) && before && !held(tokens[i - 1], t) && !held(t, next) ? 1 : 0
  })
}
