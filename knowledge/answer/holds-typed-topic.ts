/**
 * Whether a name holds a rare word pair of a short message as the citizen typed it. Folded, different
 * words meet: "nạp tiền điện thoại" holds the pair "tien dien", as does "phương tiện điện tử", and a short
 * message has too few words to tell them apart. A pair typed with marks counts only when the name has the
 * same marks ("giám hộ" in "Thủ tục đăng ký giám hộ"); one typed without marks counts as the folded pair.
 * @module
 */
import type { AnalyzedToken } from '../search/normalize-vietnamese.ts'
import { analyzeText } from '../search/normalize-vietnamese.ts'

const lower = (text: string) => text.normalize('NFC').toLocaleLowerCase('vi')

/**
 * @param tokens the message's tokens as typed
 * @param topics its rare pairs, folded ("giam_ho")
 * @returns whether the name holds one of them side by side, with the marks the citizen typed
 * @example holdsTypedTopic('Thủ tục đăng ký giám hộ', analyzeText('giám hộ cho cháu'), ['giam_ho']) // true
 */
export const holdsTypedTopic = (
  name: string,
  tokens: readonly AnalyzedToken[],
  topics: readonly string[],
): boolean => {
  if (!topics.length) return false
  const words = analyzeText(name)
  const same = (typed: AnalyzedToken, held: AnalyzedToken) =>
    typed.folded === held.folded && (!typed.accented || lower(typed.text) === lower(held.text))
  for (const topic of topics) {
    const [a, b] = topic.split('_')
    for (let i = 0; i + 1 < tokens.length; i++) {
      const [x, y] = [tokens[i] as AnalyzedToken, tokens[i + 1] as AnalyzedToken]
      if (x.folded !== a || y.folded !== b) continue
      for (let k = 0; k + 1 < words.length; k++)
        if (same(x, words[k] as AnalyzedToken) && same(y, words[k + 1] as AnalyzedToken)) return true
    }
  }
  return false
}
