/**
 * A question about a penalty ("đăng ký khai sinh quá hạn có bị phạt không", "làm muộn thì phạt bao
 * nhiêu"): the procedure records say what to file, not what a late or missing filing costs in fines,
 * which the rules on administrative sanctions set. The lead says so plainly, or quotes the record where
 * it does speak of a sanction, so that the facts below are never read as the answer to it and no fine
 * is ever made up.
 * @module
 */
import type { Procedure } from '../procedures/procedure.types.ts'
import { HOTLINE } from './help-channels.ts'
import { quoteRecordClause } from './quote-record-clause.ts'

/** Folded phrases that ask about a fine ("bị phạt", "xử phạt", "mức phạt", "phạt bao nhiêu"). */
const PENALTY_ASKED = [
  'bi phat',
  'xu phat',
  'muc phat',
  'tien phat',
  'nop phat',
  'dong phat',
  'phat bao nhieu',
  'phat khong',
  'phat ko',
  'phat k',
  'phat hanh chinh',
  'bi xu ly',
]
/** Words after "phat" that make it "phát" ("bị phát hiện", "phát sinh", "phát hành"): no fine asked. */
const NOT_A_FINE = new Set([
  'hien',
  'sinh',
  'hanh',
  'trien',
  'thanh',
  'song',
  'dong',
  'ra',
  'tan',
  'minh',
  'luong',
])

/** Whether the folded question asks about a fine or sanction. */
export const asksPenalty = (folded: readonly string[]): boolean => {
  const whole = ` ${folded.join(' ')} `
  return PENALTY_ASKED.some((p) => {
    let at = whole.indexOf(` ${p} `)
    while (at >= 0) {
      const after = whole.slice(at + p.length + 2).split(' ')[0] ?? ''
      // ("phat hanh chinh" is itself the sanction, "bi phat hien" is being found out)
      if (p === 'phat hanh chinh' || !p.endsWith('phat') || !NOT_A_FINE.has(after)) return true
      at = whole.indexOf(` ${p} `, at + 1)
    }
    return false
  })
}

/** A record's sentence that speaks of a sanction ("… bị xử phạt vi phạm hành chính …"). */
const STATES_PENALTY = /xử phạt|bị phạt|phạt tiền|mức phạt/iu

/** The lead when the record says nothing of a sanction. */
export const NOT_RECORDED = `Hồ sơ thủ tục không nói về việc xử phạt: mức phạt (nếu có) do quy định về xử phạt vi phạm hành chính đặt ra, không có trong dữ liệu thủ tục ở đây, nên tôi không nêu con số nào. Bạn có thể hỏi cơ quan giải quyết hoặc tổng đài ${HOTLINE}.`

/** What the record says of a sanction, or that it says nothing; null when none is asked about. */
export const leadPenalty = ({
  procedure,
  folded,
}: {
  procedure: Procedure
  folded: readonly string[]
}): string | null => {
  if (!asksPenalty(folded)) return null
  const quoted = quoteRecordClause(procedure, STATES_PENALTY)
  if (quoted) return `Về xử phạt, hồ sơ thủ tục chỉ ghi: "${quoted}".`
  return NOT_RECORDED
}
