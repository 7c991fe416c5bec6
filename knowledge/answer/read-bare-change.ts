/**
 * "đổi kê khai thuế từ tháng sang quý": a bare "đổi" reads as an exchange of a paper ("đổi bằng lái" is
 * "Đổi giấy phép lái xe"), but said of something no record exchanges it asks for a change. Where none of
 * the best matches exchanges anything and the best one changes ("Thay đổi kỳ tính thuế giá trị gia tăng
 * từ tháng sang quý"), the question asks for that change.
 * @module
 */

import type { AnalyzedToken } from '../search/normalize-vietnamese.ts'
import type { ProcedureActions, Traits } from './procedure-actions.ts'

/** How many of the best matches are looked at for a record that exchanges. */
const LOOKED_AT = 5
/** Words that make "đổi" the name of an exchange of their own ("cấp đổi", "chuyển đổi"). */
const BOUND_BEFORE = new Set(['cap', 'chuyen'])

export type ReadBareChangeOptions = {
  /** The question's tokens (after chat-speak rewriting). */
  tokens: readonly AnalyzedToken[]
  /** What the question asks for (`actions.ofQuestion`). */
  traits: Traits
  /** The search's best matches, best first. */
  names: readonly string[]
  actions: Pick<ProcedureActions, 'ofName' | 'ofQuestion'>
}

/**
 * @returns the traits asking for a change when the question's only action is an exchange said by a bare
 *   "đổi", none of the best matches exchanges and the best one changes; else `traits`
 * @example readBareChange({ tokens, traits, names: ['Thay đổi kỳ tính thuế giá trị gia tăng từ tháng sang quý'], actions }) // actions: change
 */
export const readBareChange = ({ tokens, traits, names, actions }: ReadBareChangeOptions): Traits => {
  if (traits.actions.size !== 1 || !traits.actions.has('exchange')) return traits
  const bare = tokens.filter(
    (t, k) =>
      t.folded === 'doi' &&
      (!t.accented || t.text === 'đổi') &&
      !BOUND_BEFORE.has(tokens[k - 1]?.folded ?? ''),
  )
  if (!bare.length) return traits
  // The exchange must come from the bare "đổi" alone, not from "hết hạn" or "bị rách" beside it.
  if (actions.ofQuestion(tokens.filter((t) => !bare.includes(t))).actions.has('exchange')) return traits
  const [first] = names
  if (!first || !actions.ofName(first).actions.has('change')) return traits
  for (const name of names.slice(0, LOOKED_AT))
    if (actions.ofName(name).actions.has('exchange')) return traits
  return { ...traits, actions: new Set(['change']) }
}
