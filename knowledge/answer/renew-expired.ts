/**
 * "hộ chiếu hết hạn": an expired paper is renewed by whatever the records offer for it. "hết hạn" asks
 * for an exchange or an extension ("bằng lái hết hạn" is "Đổi giấy phép lái xe"); where none of the
 * best matches exchanges or extends anything, the paper is renewed by issuing it anew ("Cấp hộ chiếu
 * phổ thông"), and the question asks for that.
 * @module
 */

import type { AnalyzedToken } from '../search/normalize-vietnamese.ts'
import type { ProcedureActions, Traits } from './procedure-actions.ts'

/** How many of the best matches are looked at for a record that exchanges or extends. */
const LOOKED_AT = 5
const RENEWALS = new Set(['exchange', 'extend'])

export type RenewExpiredOptions = {
  /** The question's tokens (after chat-speak rewriting). */
  tokens: readonly AnalyzedToken[]
  /** What the question asks for (`actions.ofQuestion`). */
  traits: Traits
  /** The search's best matches, best first. */
  names: readonly string[]
  actions: Pick<ProcedureActions, 'ofName' | 'ofQuestion'>
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
  if (!traits.actions.size || ![...traits.actions].every((a) => RENEWALS.has(a))) return traits
  const at = expiredAt(tokens)
  if (at < 0) return traits
  // "gia hạn hộ chiếu hết hạn" asks for an extension in words of its own: that stays asked.
  if (actions.ofQuestion([...tokens.slice(0, at), ...tokens.slice(at + 2)]).actions.size) return traits
  for (const name of names.slice(0, LOOKED_AT))
    for (const a of actions.ofName(name).actions) if (RENEWALS.has(a)) return traits
  return { ...traits, actions: new Set(['new']) }
}
