/**
 * A question that names no action ("xin mã số thuế cá nhân", "đăng ký mst cá nhân") is not answered
 * as if sure with a name that opens with a second issue ("Cấp lại Giấy chứng nhận đăng ký thuế,
 * Thông báo mã số thuế"): the citizen did not say the paper was issued before. An everyday name's
 * expansion may hold the re-issue's words and rank it first, while the first registration names the
 * object otherwise ("Đăng ký thuế lần đầu … cá nhân"). The reply asks whether the re-issue is meant,
 * with the best fitting names that name no later step (re-issue, restore, exchange, termination …).
 * @module
 */

import { isNamedOutright } from '../search/named-outright.ts'
import type { SearchResult } from '../search/search.types.ts'
import type { FindPlainActionOptions } from './find-plain-action.ts'

/** "Cấp lại …", "Thủ tục đăng ký lại …", "Làm lại …": the name's own action is a second issue. */
const OPENS_WITH_REISSUE = /^(?:thủ tục\s+)?(?:cấp lại|đăng ký lại|làm lại)(?=\s|$)/iu
/** First-issue names offered beside the re-issue. */
export const MAX_FIRST_ISSUES = 2

/** The same inputs as the plain-action finder: the answer about to be given, the fitting results, the question's traits. */
export type FindFirstIssueOptions = FindPlainActionOptions

/**
 * @returns null when the question names an action or `top` does not open with a second issue; else
 *   the best fitting names whose only action is a first one or none (at most {@link MAX_FIRST_ISSUES}, possibly none)
 * @example findFirstIssue({ top: reissueOfTaxCode, groups, question, actions }) // [Đăng ký thuế lần đầu …]
 */
export const findFirstIssue = ({
  top,
  groups,
  question,
  actions,
}: FindFirstIssueOptions): SearchResult[] | null => {
  if (question.actions.size || isNamedOutright(top)) return null
  if (!OPENS_WITH_REISSUE.test(top.name.normalize('NFC').trim())) return null
  return groups
    .filter(
      (g) =>
        g.group !== top.group &&
        !isNamedOutright(g) &&
        [...actions.ofName(g.name).actions].every((a) => actions.fitsMain(a)),
    )
    .slice(0, MAX_FIRST_ISSUES)
}
