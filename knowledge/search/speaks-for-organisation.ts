/**
 * Whether a question is asked for a company, cooperative or other organisation: it opens with one
 * ("công ty tôi …", "doanh nghiệp muốn …", "cty chuyển trụ sở …", "HTX muốn đổi tên"). Then the
 * search does not favour procedures open to citizens: the organisation files, and a name that also
 * lists citizens among those who may file it is no closer to the question.
 * @module
 */
import type { AnalyzedToken } from './normalize-vietnamese.ts'

/** Folded openings naming an organisation, checked on the question's first words ("y" folds to "i"). */
const OPENINGS = [
  ['cong', 'ti'],
  ['cti'],
  ['doanh', 'nghiep'],
  ['dn'],
  ['hop', 'tac', 'xa'],
  ['htx'],
  ['to', 'chuc'],
]

/** Words a question may open with before the organisation ("bên", "phía", "cho"). */
const LEAD = new Set(['ben', 'phia', 'cho', 'neu', 'khi'])

/** @returns whether the question's first words (after a lead word) name an organisation */
export const speaksForOrganisation = (tokens: readonly AnalyzedToken[]): boolean => {
  const start = LEAD.has(tokens[0]?.folded ?? '') ? 1 : 0
  return OPENINGS.some((words) => words.every((w, k) => tokens[start + k]?.folded === w))
}
