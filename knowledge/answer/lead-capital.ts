/**
 * A question about the capital a business needs ("mở hộ kinh doanh cần vốn bao nhiêu", "vốn điều lệ tối
 * thiểu bao nhiêu"): the procedure records state a capital only for trades the law sets one for, and a
 * fee is no answer to it. The lead quotes the record where its conditions or steps speak of capital, and
 * says plainly that they do not otherwise, so no amount is made up or read from the fee.
 * @module
 */
import type { Procedure } from '../procedures/procedure.types.ts'
import { HOTLINE } from './help-channels.ts'
import { quoteRecordClause } from './quote-record-clause.ts'

/** Folded: capital asked about ("vốn bao nhiêu", "cần bao nhiêu vốn", "vốn tối thiểu", "vốn pháp định"). */
const CAPITAL_ASKED =
  / von(?: \S+){0,2} (?:bao nhieu|toi thieu|it nhat|bn)\b| bao nhieu (?:tien )?von | von (?:phap dinh|toi thieu)\b/

/** Whether the folded question asks how much capital is needed. */
export const asksCapital = (folded: readonly string[]): boolean => CAPITAL_ASKED.test(` ${folded.join(' ')} `)

/** A record's clause that states a capital ("vốn điều lệ tối thiểu …", "vốn pháp định"). */
const STATES_CAPITAL = /vốn (?:điều lệ|pháp định|tối thiểu|đầu tư tối thiểu)|mức vốn/iu

/** The lead when the record states no capital. */
export const NO_CAPITAL = `Hồ sơ thủ tục không nêu mức vốn cần có, nên tôi không nêu con số nào; lệ phí ở dưới là tiền nộp cho thủ tục, không phải vốn. Bạn có thể hỏi cơ quan đăng ký kinh doanh hoặc tổng đài ${HOTLINE}.`

/** What the record says of the capital needed, or that it says nothing; null when none is asked about. */
export const leadCapital = ({
  procedure,
  folded,
}: {
  procedure: Procedure
  folded: readonly string[]
}): string | null => {
  if (!asksCapital(folded)) return null
  const quoted = quoteRecordClause(procedure, STATES_CAPITAL)
  return quoted ? `Về vốn, hồ sơ thủ tục ghi: "${quoted}".` : NO_CAPITAL
}
