/**
 * "lỡ xây nhà rồi mà chưa có giấy phép, giờ xin bổ sung": a paper asked to be "bổ sung" (added to,
 * changed) by someone who says they do not hold it yet is asked for the first time ("cấp phép bổ sung",
 * a permit applied for after the fact), not the change of one already issued ("Cấp điều chỉnh giấy phép
 * xây dựng"). Read only where the change is the question's one action and comes from "bổ sung" alone.
 * @module
 */

import type { AnalyzedToken } from '../search/normalize-vietnamese.ts'
import type { ProcedureActions, Traits } from './procedure-actions.ts'

/** "chưa có" / "không có" / "chưa được cấp" before a paper (folded). */
const NOT_HELD = /\b(?:chua|khong) (?:co|duoc cap|xin|lam) (?:giay|so|the|bang|chung chi|ho chieu|can cuoc)\b/
/** The supplement asked (folded, with its marks where typed: "bổ sung"). */
const isSupplement = (t: AnalyzedToken | undefined, next: AnalyzedToken | undefined) =>
  !!t &&
  !!next &&
  t.folded === 'bo' &&
  next.folded === 'sung' &&
  (!t.accented || t.text === 'bổ') &&
  (!next.accented || next.text === 'sung')

export type ReadNotYetHeldOptions = {
  /** The question's tokens (after chat-speak rewriting). */
  tokens: readonly AnalyzedToken[]
  /** What the question asks for (`actions.ofQuestion`). */
  traits: Traits
  actions: Pick<ProcedureActions, 'ofQuestion'>
}

/**
 * @returns the traits asking for a first issue when the question's one action is a change said by "bổ
 *   sung" and the message says the paper is not held yet; else `traits`
 * @example readNotYetHeld({ tokens: analyzeMessage('chưa có giấy phép, xin bổ sung được không'), traits, actions }) // actions: new
 */
export const readNotYetHeld = ({ tokens, traits, actions }: ReadNotYetHeldOptions): Traits => {
  if (traits.actions.size !== 1 || !traits.actions.has('change')) return traits
  if (!NOT_HELD.test(tokens.map((t) => t.folded).join(' '))) return traits
  const supplement = tokens.flatMap((t, k) => (isSupplement(t, tokens[k + 1]) ? [k, k + 1] : []))
  if (!supplement.length) return traits
  // The change must come from "bổ sung" alone, not from "sửa", "ghi sai" beside it.
  const rest = tokens.filter((_, k) => !supplement.includes(k))
  if (actions.ofQuestion(rest).actions.has('change')) return traits
  return { ...traits, actions: new Set(['new']) }
}
