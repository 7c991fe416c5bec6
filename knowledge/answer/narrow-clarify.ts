/**
 * A reply to a clarify question that names no procedure of its own but a fact that decides between
 * the options ("con tôi 10 tuổi" after "Cấp thẻ căn cước: dưới 14 tuổi / từ đủ 14 tuổi", "bị mất"
 * after the card's issue, re-issue and exchange): the options that fact leaves. Read with the same
 * action and qualifier vocabulary as every question (`procedure-actions.ts`).
 * @module
 */
import type { ProcedureActions, Traits } from './procedure-actions.ts'

/**
 * @returns the options the reply's facts leave, in the order offered, or null when its facts decide
 *   nothing (every option fits, or none does)
 * @example narrowClarify({ options, traits: actions.ofQuestion(analyzeText('con tôi 10 tuổi')), actions })
 *   // ["Cấp thẻ căn cước cho người dưới 14 tuổi"]: the one option whose label is an age the reply fits
 */
export const narrowClarify = <T extends { name: string }>({
  options,
  traits,
  actions,
}: {
  options: readonly T[]
  traits: Traits
  actions: Pick<ProcedureActions, 'misfit' | 'ofName'>
}): T[] | null => {
  const left = options.filter((o) => !actions.misfit(traits, o.name))
  // An age told alone answers the option whose label is an age ("con tôi 10 tuổi" after "Dưới 14 tuổi /
  // Từ đủ 14 tuổi / Cấp lại / Cấp đổi"): the re-issue and exchange, for any age, were not what it chose.
  if (traits.age !== null && !traits.actions.size) {
    const aged = left.filter((o) => {
      const n = actions.ofName(o.name)
      return n.ageMin !== null || n.ageMax !== null
    })
    if (aged.length === 1) return aged
  }
  return left.length && left.length < options.length ? left : null
}
