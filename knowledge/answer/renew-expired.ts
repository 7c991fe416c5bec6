/**
 * "hộ chiếu hết hạn": an expired paper is renewed by whatever the records offer for it. "hết hạn" asks
 * for an exchange or an extension ("bằng lái hết hạn" is "Đổi giấy phép lái xe"); where none of the
 * best matches exchanges or extends anything, the paper is renewed by issuing it anew ("Cấp hộ chiếu
 * phổ thông"), and the question asks for that. So is a paper asked for again after it expired ("giấy xác
 * nhận tình trạng hôn nhân hết hạn, phải xin lại không") where none of them issues it again either.
 * @module
 */

import type { AnalyzedToken } from '../search/normalize-vietnamese.ts'
import type { ProcedureActions, Traits } from './procedure-actions.ts'
import { shareObject } from './share-object.ts'

/** How many of the best matches are looked at for a record that exchanges or extends. */
const LOOKED_AT = 5
const RENEWALS = new Set(['exchange', 'extend'])
/** Asking for the paper again ("xin lại", "làm lại"). */
const AGAIN = 'reissue'

export type RenewExpiredOptions = {
  /** The question's tokens (after chat-speak rewriting). */
  tokens: readonly AnalyzedToken[]
  /** What the question asks for (`actions.ofQuestion`). */
  traits: Traits
  /** The search's best matches, best first. */
  names: readonly string[]
  actions: ProcedureActions
}

/** Where "hết hạn" starts in the tokens, or -1. */
const expiredAt = (tokens: readonly AnalyzedToken[]): number =>
  tokens.findIndex((t, k) => t.folded === 'het' && tokens[k + 1]?.folded === 'han')

/**
 * @returns the traits asking for a first issue when the question asks for a renewal only by saying the
 *   paper expired ("hết hạn", no "đổi" or "gia hạn" of its own) and none of the best matches exchanges or extends; else `traits`
 * @example renewExpired({ tokens, traits, names: ['Cấp hộ chiếu phổ thông ở trong nước', …], actions }) // actions: new
 */
export const renewExpired = ({ tokens, traits, names, actions }: RenewExpiredOptions): Traits => {
  const asked = [...traits.actions]
  if (!asked.some((a) => RENEWALS.has(a)) || !asked.every((a) => RENEWALS.has(a) || a === AGAIN))
    return traits
  const at = expiredAt(tokens)
  if (at < 0) return traits
  // "gia hạn hộ chiếu hết hạn" asks for an extension in words of its own: that stays asked; "xin lại"
  // asks for the paper again, which a record issuing it again (or anew) answers.
  const own = actions.ofQuestion([...tokens.slice(0, at), ...tokens.slice(at + 2)]).actions
  if ([...own].some((a) => a !== AGAIN)) return traits
  const [first] = names
  for (const name of names.slice(0, LOOKED_AT)) {
    const done = actions.ofName(name).actions
    if ([...done].some((a) => RENEWALS.has(a))) return traits
    // (issued again only as the best match's paper: "Cấp, cấp lại Giấy xác nhận nuôi trồng thủy sản" is another one)
    if (own.size && done.has(AGAIN) && first && shareObject({ a: first, b: name, actions })) return traits
  }
  return { ...traits, actions: new Set(['new']) }
}
