/**
 * What a long message's story says was not done. "Chồng người Đài Loan nhưng chưa đăng ký kết hôn,
 * giờ muốn làm khai sinh cho con", "bên đó chưa làm khai sinh cho bé", "hồi đó gia đình không làm
 * giấy chứng tử": the words after a negation ("chưa", "không", "chưa từng", "không có"; "ko" and "k"
 * are read as "không" before) up to the clause's end are a fact of the situation, not the procedure
 * asked for, and must not pull the procedure they name above the one the request asks for. Only
 * clauses that ask nothing, before the request's last clause, are read (find-request-clause.ts): in
 * the request itself "không" closes a question ("… được không") or goes with it.
 * @module
 */
import type { AnalyzedToken } from './normalize-vietnamese.ts'

/** Words that negate what follows, folded → the marked form they must have when typed with marks. */
const NEGATION = new Map([
  ['chua', 'chưa'],
  ['khong', 'không'],
  ['chang', 'chẳng'],
])
/**
 * Words after a negation that make it the speaker's doubt or memory ("không biết", "chưa rõ",
 * "không nhớ"), or a question's close ("hay không"), not a fact of the situation.
 */
const NOT_A_FACT_AFTER = new Set(['biet', 'ro', 'hieu', 'nho', 'chac', 'sao', 'van', 'the'])
/** A clause that ends in "được" says what cannot be done ("không đi lĩnh lương hưu được"), the reason for the request. */
const ABLE = 'duoc'
/**
 * "chưa có", "không có": what the citizen lacks is often what they ask for ("chưa có thẻ căn cước, giờ đi
 * làm lần đầu"), not a fact beside it.
 */
const LACK = new Set(['co'])
/** Typed without marks, "chua" before these is "chữa" (chữa cháy, chữa bệnh), not "chưa". */
const MENDING_BEFORE = new Set(['chay', 'benh', 'tri', 'lanh', 'xe', 'nha'])
/** Words before a negation that make it a question's close ("có … hay không", "đã … chưa"). */
const QUESTION_BEFORE = new Set(['hay', 'hoac'])

const typedAs = (t: AnalyzedToken, marked: string): boolean => !t.accented || t.text === marked

/**
 * Where the clause tokens[from, to) starts saying what was not done: the first negation followed by a
 * word that is not the speaker's doubt; -1 when none, or when the clause says what cannot be done.
 */
export const negationAt = (tokens: readonly AnalyzedToken[], from: number, to: number): number => {
  if (tokens[to - 1]?.folded === ABLE) return -1
  for (let i = from; i < to - 1; i++) {
    const t = tokens[i] as AnalyzedToken
    const marked = NEGATION.get(t.folded)
    if (marked === undefined || !typedAs(t, marked)) continue
    if (QUESTION_BEFORE.has(tokens[i - 1]?.folded ?? '')) continue
    const next = tokens[i + 1]?.folded ?? ''
    if (
      NOT_A_FACT_AFTER.has(next) ||
      LACK.has(next) ||
      (t.folded === 'chua' && !t.accented && MENDING_BEFORE.has(next))
    )
      continue
    return i
  }
  return -1
}

/** A long message's clauses: where each starts and ends, and whether it asks something. */
export type Clauses = { starts: readonly number[]; ends: readonly number[]; asking: readonly boolean[] }

/**
 * @returns per token, whether the story says it was not done (from a negation to its clause's end, in a
 *   clause that asks nothing before the last one that asks); null when nothing is negated
 * @example findNegatedFacts(tokens of 'hồi đó không làm giấy chứng tử, giờ làm sổ đỏ thì sao', clauses)
 *   // true for "không làm giấy chứng tử"
 */
export const findNegatedFacts = (tokens: readonly AnalyzedToken[], clauses: Clauses): boolean[] | null => {
  const { starts, ends, asking } = clauses
  const last = asking.lastIndexOf(true)
  let negated: boolean[] | null = null
  for (let k = 0; k < last; k++) {
    if (asking[k]) continue
    const at = negationAt(tokens, starts[k] as number, ends[k] as number)
    if (at < 0) continue
    negated ??= new Array<boolean>(tokens.length).fill(false)
    negated.fill(true, at, ends[k])
  }
  return negated
}

/** "không phải", typed with marks or without: what follows is not what is wanted. */
const NOT_THIS = ['khong', 'phai']
/** Most words before "không phải" that only say who ("tôi", "con tôi", "bố mẹ tôi"). */
const SUBJECT_WORDS = 3
/** Fewest words outside the negation for a short message to ask something of its own. */
const ASKED_WORDS = 2

/** Per token of a message of `length` tokens, whether it lies in [from, to). */
const marked = (length: number, from: number, to: number): boolean[] =>
  new Array<boolean>(length).fill(false).fill(true, from, to)

/**
 * "không phải đăng ký thường trú, tôi chỉ ở tạm vài tháng", "không phải sang tên, chỉ muốn đổi biển số":
 * a message opening with "không phải" (after at most its subject: "con tôi không phải làm lại, …") and a
 * clause says what it does not want; the clause break ends it and what follows is the request. Without
 * a break ("không phải nộp phí à") it is a question.
 * @returns per token, whether it is in the clause denied; null when the message does not open so
 */
const findDeniedOpening = (tokens: readonly AnalyzedToken[]): boolean[] | null => {
  const at = tokens
    .slice(0, SUBJECT_WORDS + 1)
    .findIndex((_, k) =>
      NOT_THIS.every((w, j) => tokens[k + j]?.folded === w && (j === 0 || !tokens[k + j]?.clause)),
    )
  if (at < 0 || tokens.slice(0, at).some((t) => t.clause)) return null
  const first = tokens[at] as AnalyzedToken
  if (first.accented && first.text.toLowerCase() !== 'không') return null
  const end = tokens.findIndex((t, k) => k > at + NOT_THIS.length && t.clause)
  if (end < 0 || tokens.length - end < ASKED_WORDS + 1) return null
  return marked(tokens.length, at, end)
}

/** Words that open the request after what a short message says was not done ("… chưa đăng ký kết hôn làm khai sinh …"). */
const OPENS_REQUEST = new Map([
  ['lam', 'làm'],
  ['muon', 'muốn'],
  ['xin', 'xin'],
  ['thi', 'thì'],
  ['de', 'để'],
  ['nhung', 'nhưng'],
  ['gio', 'giờ'],
])
/** After "chưa" in a short message, what one lacks or never had: the request, not a fact beside it. */
const SHORT_LACK = new Set(['co', 'tung', 'duoc', 'biet', 'ro'])
/**
 * A short message (no story told before a request) may still say what was not done: "bố mẹ chưa đăng
 * ký kết hôn làm giấy khai sinh cho con", "làm khai sinh cho con khi chưa đăng ký kết hôn". The words
 * from the negation up to the word that opens the request ("làm", "muốn", "xin", "thì", "để"), a clause
 * break, or the end are a fact of the situation.
 * @returns per token, whether it is under that negation; null when the message negates nothing of the kind
 */
export const findShortNegation = (tokens: readonly AnalyzedToken[]): boolean[] | null => {
  const denied = findDeniedOpening(tokens)
  if (denied) return denied
  const at = negationAt(tokens, 0, tokens.length)
  // Only "chưa" + what was not done ("chưa đăng ký kết hôn"): a short message's "không" is as often what
  // is asked ("giấy chứng nhận không tiền án"), and what one never had ("chưa từng có") is the request.
  if (at < 0 || tokens[at]?.folded !== 'chua' || SHORT_LACK.has(tokens[at + 1]?.folded ?? '')) return null
  let end = tokens.length
  for (let j = at + 2; j < tokens.length; j++) {
    const t = tokens[j] as AnalyzedToken
    const marked = OPENS_REQUEST.get(t.folded)
    if (t.clause || (marked !== undefined && typedAs(t, marked))) {
      end = j
      break
    }
  }
  if (tokens.length - (end - at) < ASKED_WORDS + 1) return null
  return marked(tokens.length, at, end)
}
