/**
 * A yes/no lead for a yes/no question ("có mất phí không", "làm online được không", "có phải
 * báo lưu trú không"), only when the record decides it: the fee amounts it states, whether it
 * lists an online channel, and whether the procedure itself is what the question asks about
 * (with "tùy trường hợp" when the record names exemptions).
 * @module
 */
import type { Procedure } from '../procedures/procedure.types.ts'
import type { Facet } from './answer.types.ts'

/** Folded tokens of a yes/no question: "có … không", "… được không", "… không ạ", "… chưa". */
export const isYesNoQuestion = (folded: readonly string[]): boolean => {
  const words = folded.filter((w) => !['a', 'nhe', 'vay', 'the', 'ha', 'nhi', 'ad'].includes(w))
  const last = words.at(-1)
  return (
    last === 'khong' &&
    words.slice(0, -1).some((w) => w === 'co' || w === 'duoc' || w === 'phai' || w === 'can')
  )
}

const EXEMPTION = /miễn (?:giấy phép|cấp giấy phép|thủ tục)|được miễn|không phải (?:xin|cấp|làm|đăng ký)/iu

/**
 * @returns one sentence that answers yes or no, or null when the record does not decide it
 */
export const leadYesNo = ({
  procedure,
  facet,
  folded,
}: {
  procedure: Procedure
  facet: Facet
  folded: readonly string[]
}): string | null => {
  if (!isYesNoQuestion(folded)) return null
  if (facet === 'fees') {
    const known = procedure.channels.map((c) => c.feeVnd).filter((v): v is number => v !== null)
    if (!known.length || known.length < procedure.channels.length) return null
    if (known.every((v) => v === 0)) return 'Không mất phí: hồ sơ thủ tục ghi miễn phí.'
    if (known.every((v) => v > 0)) return 'Có mất phí, mức phí theo hồ sơ thủ tục ở dưới.'
    return 'Tùy cách nộp: có cách nộp miễn phí, có cách mất phí (chi tiết ở dưới).'
  }
  if (facet === 'online') {
    // A yes is the online facet's own lead ("Có, thủ tục này nộp trực tuyến được trên Cổng …"):
    // saying it twice reads badly on a phone. Only a no needs its own line.
    if (!procedure.channels.length || procedure.channels.some((c) => c.kind === 'online')) return null
    return 'Không, hồ sơ thủ tục không có cách nộp trực tuyến; bạn nộp trực tiếp hoặc theo cách ghi ở dưới.'
  }
  const whole = ` ${folded.join(' ')} `
  if (facet === 'overview' && / co (?:can|phai) /.test(whole)) {
    const text = `${procedure.name} ${procedure.requirements ?? ''}`
    return EXEMPTION.test(text)
      ? `Tùy trường hợp: hồ sơ thủ tục "${procedure.name}" nêu các trường hợp được miễn; ngoài các trường hợp đó thì cần làm thủ tục này.`
      : `Có, cần làm thủ tục "${procedure.name}".`
  }
  return null
}
