/**
 * How the consent window reports what happened after the official confirmed.
 * @module
 */
import { showStatus } from '../../components/dom.ts'
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
    showStatus(
      result,
      'ok',
      'Đã ký số và chuyển văn thư: văn bản nằm trong hàng “chờ phát hành” của cơ quan trong Trợ lý số. Văn thư ký số của cơ quan và gửi qua trục liên thông; không cần tải tệp hay gửi thư.',
    )
    cancel.textContent = 'Đóng'
  } else if (outcome.ok && outcome.kind === 'routed') {
    const signature = outcome.signatureStatus === 'signed_valid' ? 'hợp lệ' : outcome.signatureStatus
    const recipients = outcome.recipients.map((r) => r.agencyCode).join(', ')
    showStatus(result, 'ok', `Đã gửi ${outcome.notation} tới ${recipients}. Chữ ký: ${signature}.`)
    cancel.textContent = 'Đóng'
  } else {
    showStatus(result, 'error', outcome.message)
  }
}
