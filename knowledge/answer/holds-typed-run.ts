/**
 * Whether a long message holds three words of a name side by side, a rare pair of the names among
 * them, as the citizen typed them. A long message's other words (a remark, the day's story, who asks
 * for whom) outweigh its request, so even the right name holds a small share of them: "Xưởng bị cháy
 * hết hàng, tiền đâu mà nộp thuế đúng hạn, mệt thật sự. Xin lùi thời hạn nộp thuế thì cần giấy tờ
 * gì?" holds "hạn nộp thuế" of "Gia hạn nộp thuế". Three words typed as the name has them say more
 * than a pair folded alike ("đăng ký giao bình ga" meets "đăng ký giao dịch" only in two); the name is
 * then offered ("có phải bạn hỏi …"), never given as if sure on this ground alone.
 * @module
 */
import type { AnalyzedToken } from '../search/normalize-vietnamese.ts'
import { analyzeText } from '../search/normalize-vietnamese.ts'

const lower = (text: string) => text.normalize('NFC').toLocaleLowerCase('vi')
const same = (typed: AnalyzedToken | undefined, held: AnalyzedToken | undefined) =>
  !!typed &&
  !!held &&
  typed.folded === held.folded &&
  (!typed.accented || lower(typed.text) === lower(held.text))

/**
 * @param name the procedure's name
 * @param tokens the message's tokens as typed
 * @param topics its rare pairs, folded ("han_nop")
 * @returns whether the name holds one of them with the word before or after it, side by side, as typed
 * @example holdsTypedRun('Gia hạn nộp thuế', analyzeText('xin lùi thời hạn nộp thuế'), ['han_nop']) // true
 */
export const holdsTypedRun = (
  name: string,
  tokens: readonly AnalyzedToken[],
  topics: readonly string[],
): boolean => {
  if (!topics.length) return false
  const words = analyzeText(name)
  for (const topic of topics) {
    const [a, b] = topic.split('_')
    for (let i = 0; i + 1 < tokens.length; i++) {
      if (tokens[i]?.folded !== a || tokens[i + 1]?.folded !== b) continue
      for (let k = 0; k + 1 < words.length; k++) {
        if (!same(tokens[i], words[k]) || !same(tokens[i + 1], words[k + 1])) continue
        if (k > 0 && same(tokens[i - 1], words[k - 1])) return true
        if (same(tokens[i + 2], words[k + 2])) return true
      }
    }
  }
  return false
}
