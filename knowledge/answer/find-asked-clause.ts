/**
 * In a long message the citizen tells a story first and asks last ("Bố tôi mất hôm qua sau thời
 * gian dài bệnh nặng, …, giờ đi báo tử thì cần mang giấy tờ gì?"). Words of the story ("thời gian
 * dài", "bán hàng online", "công ty yêu cầu", "miễn phí") are no question about a procedure's part:
 * the part asked is the one the last clause asks about, or none when it asks how to go about it
 * ("… thì đăng ký thế nào?").
 * @module
 */
import { LONG_MESSAGE_WORDS, splitClauses } from '../search/find-request-clause.ts'
import { analyzeText } from '../search/normalize-vietnamese.ts'

/** "… thủ tục thế nào", "làm sao", "phải làm gì", "thu tuc j": how to go about it, as a whole. */
const HOW_TO_GO_ABOUT =
  /(?:^| )(?:(?:nhu )?the nao|ra sao|lam sao|sao|lam gi|phai lam gi|thu tuc (?:gi|j))(?: (?:a|ah|vay|nhi|day|ha|nhe|ban|ad|ak))*$/u

/** A clause that asks something: a question word in it. */
const ASKS =
  /(?:^| )(?:o dau|dau|gi|j|bao nhieu|bao lau|nao|khong|ko|k|hong|hok|chua|duoc khong|dc ko|dc k)(?: |$)/u

export type AskedClause =
  /** the last clause, which asks about a part of the procedure or is the ask before a tag-on "thủ tục thế nào" */
  | { kind: 'clause'; text: string }
  /** the message ends by asking how to go about it, and nothing before that tag-on asks about a part */
  | { kind: 'how-to' }

/**
 * @param message the citizen's message
 * @param asksAboutPart whether a clause names a part of a procedure (a facet cue)
 * @returns where the long message asks, or null for a short message or one whose last clause
 *   neither names a part nor asks how to go about it (then the whole message is read as before)
 */
export const findAskedClause = (
  message: string,
  asksAboutPart: (clause: string) => boolean,
): AskedClause | null => {
  const clauses = splitClauses(message)
    .map((text) => ({ text: text.trim(), words: analyzeText(text).map((t) => t.folded) }))
    .filter((c) => c.words.length > 0)
  const words = clauses.reduce((n, c) => n + c.words.length, 0)
  // as short as the search reads whole (find-request-clause.ts): one ask, read whole as before
  if (clauses.length < 2 || words <= LONG_MESSAGE_WORDS) return null
  const last = clauses[clauses.length - 1] as (typeof clauses)[number]
  if (asksAboutPart(last.text)) return { kind: 'clause', text: last.text }
  if (!HOW_TO_GO_ABOUT.test(last.words.join(' '))) return null
  // "…, làm đơn ở đâu, thủ tục thế nào?": a bare tag-on after an ask about a part
  const before = clauses[clauses.length - 2] as (typeof clauses)[number]
  const bare = last.words.length <= 4
  if (bare && ASKS.test(before.words.join(' ')) && asksAboutPart(before.text))
    return { kind: 'clause', text: before.text }
  return { kind: 'how-to' }
}
