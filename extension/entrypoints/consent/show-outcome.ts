/**
 * How the consent window reports what happened after the official confirmed.
 * @module
 */
import type { RouteOutcome } from '../../utils/messages.ts'

export const showOutcome = ({
  outcome,
  result,
  cancel,
}: {
  outcome: RouteOutcome
  result: HTMLElement
  cancel: HTMLElement
}) => {
  if (outcome.ok && outcome.kind === 'drafted') {
    result.className = 'ok'
    result.textContent =
      'Đã ký số và chuyển văn thư: văn bản nằm trong hàng “chờ phát hành” của cơ quan trong Trợ lý số. Văn thư ký số của cơ quan và gửi qua trục liên thông; không cần tải tệp hay gửi thư.'
    cancel.textContent = 'Đóng'
  } else if (outcome.ok && outcome.kind === 'routed') {
    result.className = 'ok'
    result.textContent = `Đã gửi ${outcome.notation} tới ${outcome.recipients.map((r) => r.agencyCode).join(', ')}. Chữ ký: ${
      outcome.signatureStatus === 'signed_valid' ? 'hợp lệ' : outcome.signatureStatus
    }.`
    cancel.textContent = 'Đóng'
  } else {
    result.className = 'error'
    result.textContent = outcome.message
  }
}
