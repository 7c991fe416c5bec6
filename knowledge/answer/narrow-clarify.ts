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
 *   // every option but "… cho người từ đủ 14 tuổi trở lên"
 */
export const narrowClarify = <T extends { name: string }>({
  options,
  traits,
  actions,
}: {
  options: readonly T[]
  traits: Traits
  actions: Pick<ProcedureActions, 'misfit'>
}): T[] | null => {
  const left = options.filter((o) => !actions.misfit(traits, o.name))
  return left.length && left.length < options.length ? left : null
}
