/**
 * Whether a name holds a rare word pair of a message as the citizen typed it. Folded, different words
 * meet: "nạp tiền điện thoại" holds the pair "tien dien", as does "phương tiện điện tử". A pair typed with
 * marks counts only when the name has the same marks ("giám hộ" in "Thủ tục đăng ký giám hộ"); one typed
 * without marks counts as the folded pair.
 * - A short message has too few words to tell such pairs apart: the pair is enough (`holdsTypedTopic`).
 * - A long message's other words (a remark, the day's story, who asks for whom) outweigh its request, so
 *   even the right name holds a small share of them: "Xưởng bị cháy hết hàng, tiền đâu mà nộp thuế đúng
 *   hạn, mệt thật sự. Xin lùi thời hạn nộp thuế thì cần giấy tờ gì?" holds "hạn nộp thuế" of "Gia hạn nộp
 *   thuế". There the pair must come with the word before or after it, as the name has them: three words
 *   say more than a pair folded alike ("đăng ký giao bình ga" meets "đăng ký giao dịch" only in two)
 *   (`holdsTypedRun`). Either way the name is then offered ("có phải bạn hỏi …"), never given as if sure
 *   on this ground alone.
 * @module
 */
import type { AnalyzedToken } from '../search/normalize-vietnamese.ts'
import { analyzeText } from '../search/normalize-vietnamese.ts'

const lower = (text: string) => text.normalize('NFC').toLocaleLowerCase('vi')

/** The same word, with the marks the citizen typed (none typed: any). */
const same = (typed: AnalyzedToken | undefined, held: AnalyzedToken | undefined) =>
  !!typed &&
  !!held &&
  typed.folded === held.folded &&
  (!typed.accented || lower(typed.text) === lower(held.text))

/**
 * Whether the name holds one of the pairs where the message has it (at i) and the name too (at k), as
 * typed, and `fits` says yes there.
 */
const holdsPair = (
  name: string,
  tokens: readonly AnalyzedToken[],
  topics: readonly string[],
  fits: (i: number, k: number, words: readonly AnalyzedToken[]) => boolean,
): boolean => {
  if (!topics.length) return false
  const words = analyzeText(name)
  for (const topic of topics) {
    const [a, b] = topic.split('_')
    for (let i = 0; i + 1 < tokens.length; i++) {
      if (tokens[i]?.folded !== a || tokens[i + 1]?.folded !== b) continue
      for (let k = 0; k + 1 < words.length; k++)
        if (same(tokens[i], words[k]) && same(tokens[i + 1], words[k + 1]) && fits(i, k, words)) return true
    }
  }
  return false
}

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
): boolean => holdsPair(name, tokens, topics, () => true)

/**
 * @param tokens the message's tokens as typed
 * @param topics its rare pairs, folded ("han_nop")
 * @returns whether the name holds one of them with the word before or after it, side by side, as typed
 * @example holdsTypedRun('Gia hạn nộp thuế', analyzeText('xin lùi thời hạn nộp thuế'), ['han_nop']) // true
 */
export const holdsTypedRun = (
  name: string,
  tokens: readonly AnalyzedToken[],
  topics: readonly string[],
): boolean =>
  holdsPair(
    name,
    tokens,
    topics,
    (i, k, words) => (k > 0 && same(tokens[i - 1], words[k - 1])) || same(tokens[i + 2], words[k + 2]),
  )
