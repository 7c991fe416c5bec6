/**
 * Every sentence the content script shows the official, in Vietnamese (NFC). Legal
 * references follow Nghị định 30/2020/NĐ-CP on công tác văn thư.
 * @module
 */

import type { RouteOutcome } from './messages.ts'
import type { ScanImage } from './pdf-detect.ts'

const quote = (name: string) => `“${name}”`

/** Why a signing request ended without the official's answer. */
export const CANCEL_MESSAGES = {
  attachmentChanged:
    'Tệp đính kèm đã thay đổi sau khi bạn bấm ký; yêu cầu ký đã bị hủy. Hãy bấm gửi lại để ký tệp hiện có trên trang.',
  windowClosed: 'Cửa sổ xác nhận đã đóng; yêu cầu ký đã bị hủy.',
  tabLeft: 'Trang yêu cầu ký đã đóng hoặc chuyển sang trang khác; yêu cầu ký đã bị hủy.',
  hashMismatch: 'Tệp cần ký không khớp với tệp đã hiển thị; chưa ký. Hãy bắt đầu lại.',
  notPrepared: 'Chưa có bản sẽ ký để xem; chưa ký. Hãy chờ bản sẽ ký hiện ra rồi xác nhận.',
  preparedMismatch:
    'Bản sẽ ký đã thay đổi sau khi hiển thị (số, ngày, cách ký hoặc nội dung); chưa ký. Hãy bắt đầu lại.',
  handoffFailed:
    'Tiện ích không nhận được tệp PDF từ trang này; chưa ký. Hãy tải lại trang, đính kèm lại tệp và bấm gửi.',
} as const

/** `leaderSigned`: the competent person signed, the organisation's signature is missing */
export type UnsignedFile = { name: string; leaderSigned: boolean }

export const texts = {
  signAndRoute: 'Ký số & gửi qua trục liên thông',
  sendAnyway: 'Vẫn gửi',
  muteThread: 'Không nhắc lại cho thư này',
  unsignedTitle: (files: UnsignedFile[]): string =>
    files.every((f) => f.leaderSigned)
      ? 'Tệp PDF chưa có chữ ký số của cơ quan'
      : 'Tệp PDF chưa có chữ ký số',
  unsignedLines: (files: UnsignedFile[], notation: string | null): string[] => {
    const number = notation ? ` (số, ký hiệu ${notation})` : ''
    const names = files.map((f) => quote(f.name)).join(', ')
    const state = files.every((f) => f.leaderSigned)
      ? 'đã có chữ ký của người có thẩm quyền nhưng chưa có chữ ký số của cơ quan'
      : 'chưa được ký số'
    return [
      files.length === 1
        ? `Bạn đang gửi ${names}${number}; tệp ${state}.`
        : `Bạn đang gửi ${files.length} tệp PDF${number}: ${names}; các tệp ${state}.`,
      'Văn bản điện tử có giá trị pháp lý khi có chữ ký số của người có thẩm quyền và chữ ký số của cơ quan, tổ chức (Nghị định 30/2020/NĐ-CP, Điều 5). Hãy ký số và gửi qua trục liên thông thay cho thư điện tử.',
    ]
  },
  scannedTitle: 'Tệp này là bản quét từ giấy',
  scannedLines: (name: string, images: ScanImage[], meetsMinimum: boolean): string[] => {
    const first = images[0]
    const details = first?.dpi
      ? `, khoảng ${first.dpi} dpi, ${first.colour ? 'ảnh màu' : 'ảnh đen trắng'}`
      : ''
    return [
      `${quote(name)} chỉ chứa hình ảnh quét, không có nội dung điện tử${details}.`,
      'Nếu văn bản gốc là văn bản điện tử, hãy đề nghị nơi ban hành gửi bản điện tử gốc đã ký số thay cho bản quét.',
      'Theo Nghị định 30/2020/NĐ-CP (Phụ lục I), bản sao điện tử từ bản giấy phải ở định dạng PDF (phiên bản 1.4 trở lên), hình ảnh màu, độ phân giải tối thiểu 200 dpi, và được ký số của cơ quan, tổ chức.',
      ...(meetsMinimum ? [] : ['Tệp này chưa đạt mức tối thiểu đó.']),
    ]
  },
  scannedAccept: 'Đã hiểu, tôi sẽ xin bản điện tử gốc',
  scannedOverride: 'Vẫn dùng bản quét',
  printTitle: 'Gửi bản điện tử thay vì in?',
  printLines: [
    'Văn bản đã ký số có thể chuyển qua trục liên thông ngay, không cần in, đóng dấu rồi quét lại.',
    'In và đóng dấu một văn bản điện tử đã ký số là tạo ra một bản giấy mới (Nghị định 30/2020/NĐ-CP, Điều 18).',
  ],
  printAccept: 'Ký số & chuyển liên thông',
  printAnyway: 'Vẫn in',
  mutePage: 'Không nhắc lại cho trang này',
  waitingTitle: 'Đang chờ xác nhận',
  waitingLines: ['Hãy kiểm tra và xác nhận trong cửa sổ “Trợ lý số — Ký số & gửi”.'],
  outcomeTitle: (outcome: RouteOutcome): string =>
    !outcome.ok
      ? outcome.cancelled
        ? 'Đã hủy ký số'
        : 'Chưa gửi được'
      : outcome.kind === 'drafted'
        ? 'Đã ký số và chuyển văn thư'
        : 'Đã ký số và gửi qua trục liên thông',
  outcomeLines: (outcome: RouteOutcome): string[] => {
    if (!outcome.ok) return [outcome.message]
    if (outcome.kind === 'drafted') {
      return [
        `Đã ký ${quote(outcome.fileName)} và chuyển vào hàng “chờ phát hành” của văn thư trong Trợ lý số. Văn thư ký số của cơ quan và gửi qua trục liên thông (Nghị định 30/2020/NĐ-CP, Điều 32).`,
        'Không cần tải tệp hay gửi thư này cho văn thư.',
      ]
    }
    return [
      `Văn bản ${outcome.notation} đã đến: ${outcome.recipients.map((r) => r.agencyCode).join(', ')}.`,
      outcome.signatureStatus === 'signed_valid'
        ? 'Chữ ký số đã được máy chủ kiểm tra: hợp lệ.'
        : `Trạng thái chữ ký: ${outcome.signatureStatus}.`,
      'Thư điện tử chưa được gửi; bạn có thể đóng hoặc xóa bản nháp.',
    ]
  },
}
