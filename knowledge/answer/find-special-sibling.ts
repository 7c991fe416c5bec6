/**
 * A question that names someone a procedure holds only for them (a foreigner, an officer, an
 * employer paying for its staff …) is answered by that special procedure, not by the general one
 * of the same object: "đăng ký tạm trú cho người nước ngoài" is the foreigner's declaration of
 * temporary residence ("Khai báo tạm trú cho người nước ngoài …"), not the citizen's "Đăng ký tạm
 * trú", though the citizen's name holds the question's own action word. Among the first results, a
 * name that says nothing of whom it is for ranks just below a found sibling holding all of its
 * object's words (`share-object.ts`) that names whom the question names, fits the question and
 * covers its rare words nearly as well. The names between them keep their places.
 * @module
 */

import { isNamedOutright } from '../search/named-outright.ts'
import type { SearchResult } from '../search/search.types.ts'
import { SIBLING_COVERAGE_GAP, SIBLING_PRECISION } from './find-fitting-sibling.ts'
import type { ProcedureActions, Traits } from './procedure-actions.ts'
import { nameObjectWords } from './share-object.ts'

/** Only the first results are looked at: the order further down decides no answer. */
const FIRST_RESULTS = 3
/** Siblings are looked for among this many results. */
const SIBLING_RESULTS = 10

export type RankSpecialSiblingOptions = {
  /** Results re-scored by the fit model, best first (`fit` set on each). */
  results: SearchResult[]
  question: Traits
  actions: ProcedureActions
}

/** The groups whose special values the question names (group → the values it names). */
const askedSpecial = (question: Traits, actions: ProcedureActions): Map<string, Set<string>> => {
  const asked = new Map<string, Set<string>>()
  for (const [group, values] of question.qualifiers) {
    const special = actions.onlyWhenAsked.get(group)
    if (!special) continue
    const named = new Set([...values].filter((v) => special.has(v)))
    if (named.size) asked.set(group, named)
  }
  return asked
}

/**
 * Whether `special` is the procedure for someone the question names (`asked`, from `askedSpecial`)
 * while `general` says nothing of whom it is for: it names no value of those groups, nor a variant
 * the question names ("… có yếu tố nước ngoài" says whom too).
 */
const answersBetter = (
  asked: ReadonlyMap<string, ReadonlySet<string>>,
  question: Traits,
  general: string,
  special: string,
  actions: ProcedureActions,
): boolean => {
  const own = actions.ofName(general)
  for (const group of own.qualifiers.keys()) if (asked.has(group)) return false
  for (const v of own.variants) if (question.variants.has(v)) return false
  const theirs = actions.ofName(special).qualifiers
  for (const [group, values] of asked) for (const v of values) if (theirs.get(group)?.has(v)) return true
  return false
}

/**
 * Whether `special` is the procedure for someone the question names ("người nước ngoài") while
 * `general` says nothing of whom it is for ("người nước ngoài thì sao" after "Đăng ký tạm trú").
 */
export const isSpecialSibling = (
  question: Traits,
  general: string,
  special: string,
  actions: ProcedureActions,
): boolean => answersBetter(askedSpecial(question, actions), question, general, special, actions)

/**
 * @returns the results with the special sibling lifted just above the first general name it
 *   answers better, best first (the sort is stable: ties keep their order)
 */
export const rankSpecialSiblings = ({
  results,
  question,
  actions,
}: RankSpecialSiblingOptions): SearchResult[] => {
  if (!question.qualifiers.size) return results
  const asked = askedSpecial(question, actions)
  if (!asked.size) return results
  // The special name holds the general one's object words in their order ("tạm trú"), not only
  // words of it scattered ("khai tử" is not in "khai báo tạm trú … trang thông tin điện tử").
  const holdsObjectOf = (general: string, special: string): boolean => {
    const own = nameObjectWords(general, actions).join(' ')
    return !!own && ` ${nameObjectWords(special, actions).join(' ')} `.includes(` ${own} `)
  }
  for (let i = 0; i < Math.min(FIRST_RESULTS, results.length); i++) {
    const r = results[i] as SearchResult
    // (a name already lifted for what the question names is not a general one)
    if (isNamedOutright(r) || (r.fit ?? 0) > 0) continue
    for (const s of results.slice(i + 1, SIBLING_RESULTS)) {
      if (isNamedOutright(s) || (s.fit ?? 0) < 0 || actions.misfit(question, s.name)) continue
      if (s.idfCoverage < r.idfCoverage - SIBLING_COVERAGE_GAP || s.precision < SIBLING_PRECISION) continue
      if (!answersBetter(asked, question, r.name, s.name, actions) || !holdsObjectOf(r.name, s.name)) continue
      results[results.indexOf(s)] = { ...s, score: Math.round((r.score + 0.001) * 1000) / 1000 }
      return results.sort((a, b) => b.score - a.score)
    }
  }
  return results
}
