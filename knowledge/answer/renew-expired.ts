/**
 * "hộ chiếu hết hạn": an expired paper is renewed by whatever the records offer for it. "hết hạn" asks
 * for an exchange or an extension ("bằng lái hết hạn" is "Đổi giấy phép lái xe"); where none of the
 * best matches exchanges or extends anything, the paper is renewed by issuing it anew ("Cấp hộ chiếu
 * phổ thông"), and the question asks for that. So is a paper asked for again after it expired ("giấy xác
 * nhận tình trạng hôn nhân hết hạn, phải xin lại không") where none of them issues it again either; where
 * one exchanges or extends that paper, "làm lại" asks for that, not for its re-issue ("căn cước hết hạn,
 * làm lại ở đâu" is "Cấp đổi thẻ căn cước").
 * @module
 */

import { type AnalyzedToken, analyzeText } from '../search/normalize-vietnamese.ts'
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

/** Whether a name speaks of a loss ("Trình báo mất hộ chiếu", "… do bị mất, hư hỏng"): read with its marks. */
const tellsLoss = (name: string): boolean => analyzeText(name).some((t) => t.text === 'mất')

/** Whether the question names the re-issue by its official words ("cấp lại"), not only "làm lại", "xin lại". */
const namesReissue = (tokens: readonly AnalyzedToken[]): boolean =>
  tokens.some((t, k) => t.folded === 'cap' && tokens[k + 1]?.folded === 'lai')

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
  const looked = names.slice(0, LOOKED_AT)
  const samePaper = (name: string) => !!first && shareObject({ a: first, b: name, actions })
  const renewal = looked.find((name) => [...actions.ofName(name).actions].some((a) => RENEWALS.has(a)))
  if (renewal) {
    // "căn cước hết hạn, làm lại ở đâu": the paper's exchange or extension renews it, not its re-issue
    // after a loss; "làm lại" says only that a new one is wanted ("cấp lại" names the re-issue itself).
    if (own.size && !namesReissue(tokens) && samePaper(renewal))
      return { ...traits, actions: new Set([...traits.actions].filter((a) => a !== AGAIN)) }
    return traits
  }
  // (issued again only as the best match's paper: "Cấp, cấp lại Giấy xác nhận nuôi trồng thủy sản" is another
  // one; and not for a loss: "Trình báo mất hộ chiếu phổ thông" renews no expired passport)
  if (
    own.size &&
    looked.some((name) => actions.ofName(name).actions.has(AGAIN) && !tellsLoss(name) && samePaper(name))
  )
    return traits
  return { ...traits, actions: new Set(['new']) }
}
