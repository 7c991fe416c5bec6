/**
 * Ranking between sibling procedures by the fit model (`procedure-actions.ts`): a name that
 * carries a variant the question does not mention ("kết hợp nhận cha, mẹ, con", "có yếu tố nước
 * ngoài", "lưu động", "khu vực biên giới" …) moves below its plain sibling; a name whose variant
 * or deciding qualifier (ô tô, người nước ngoài …) the question names moves up. The search's own
 * order is kept otherwise; only the scores of the candidates already found change.
 * @module
 */
import type { SearchResult } from '../search/search.types.ts'
import type { ProcedureActions, Traits } from './procedure-actions.ts'

/** Per variant in the name the question does not mention. */
export const UNASKED_VARIANT_PENALTY = 0.15
/** Per variant or deciding qualifier in the name the question names. */
export const ASKED_MATCH_BONUS = 0.1
/**
 * The bonus goes only to names that cover the question's rare words about as well as the best
 * candidate does: it decides between siblings, it does not lift a name about something else.
 */
const SIBLING_COVERAGE = 0.05

export type RankByFitOptions = {
  results: readonly SearchResult[]
  /** What the question asks for (`actions.ofQuestion`). */
  question: Traits
  actions: ProcedureActions
}

/** How much the name's variants and qualifiers agree with the question (0 when it names none). */
export const fitAdjustment = (
  question: Traits,
  name: string,
  actions: ProcedureActions,
  sibling = true,
): number => {
  const p = actions.ofName(name)
  let adjust = 0
  const bonus = sibling ? ASKED_MATCH_BONUS : 0
  for (const v of p.variants) adjust += question.variants.has(v) ? bonus : -UNASKED_VARIANT_PENALTY
  for (const [group, values] of p.qualifiers) {
    const asked = question.qualifiers.get(group)
    if (asked && [...asked].some((v) => values.has(v))) adjust += bonus
  }
  return adjust
}

/**
 * @returns the results re-scored by their fit to the question, best first (ties keep the search's order);
 *   code lookups (score 1000) stay first
 */
export const rankByFit = ({ results, question, actions }: RankByFitOptions): SearchResult[] => {
  const bestCoverage = Math.max(0, ...results.filter((r) => r.score < 1000).map((r) => r.idfCoverage))
  const scored = results.map((r, i) => {
    if (r.score >= 1000) return { r, i }
    const sibling = r.idfCoverage >= bestCoverage - SIBLING_COVERAGE
    const score = r.score + fitAdjustment(question, r.name, actions, sibling)
    return { r: { ...r, score: Math.round(score * 1000) / 1000 }, i }
  })
  scored.sort((a, b) => b.r.score - a.r.score || a.i - b.i)
  return scored.map((s) => s.r)
}
