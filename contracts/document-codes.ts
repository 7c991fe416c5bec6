/**
 * The documents API's codes without any library: the QCVN 102:2016 status codes with their one
 * label table, signature statuses, signing roles and nudge counters. The browser extension
 * imports these values; the zod schemas that use them are in `documents.ts`.
 * @module
 */

/** QCVN 102:2016 status codes of a recipient's copy, with their labels (one table for every surface). */
export const STATUS_LABELS = {
  '01': 'Đã đến',
  '02': 'Từ chối tiếp nhận',
  '03': 'Đã tiếp nhận',
  '04': 'Phân công',
  '05': 'Đang xử lý',
  '06': 'Hoàn thành',
  '13': 'Bên gửi lấy lại',
  '15': 'Đồng ý lấy lại',
  '16': 'Từ chối lấy lại',
} as const satisfies Record<string, string>

export type StatusCode = keyof typeof STATUS_LABELS
export const STATUS_CODES = Object.keys(STATUS_LABELS) as StatusCode[]
/** The codes a recipient (or the sender's recall, 13) may set; 01 is set on arrival. */
export const SETTABLE_STATUS_CODES = ['02', '03', '04', '05', '06', '13', '15', '16'] as const

/** A status code's label, or the code itself for one this table does not know. */
export const statusLabel = (code: string): string => (STATUS_LABELS as Record<string, string>)[code] ?? code

export const SIGNATURE_STATUSES = ['signed_valid', 'signed_invalid', 'unsigned'] as const
export const NUDGE_KINDS = ['unsigned_attachment', 'scanned_paper', 'print'] as const
export const NUDGE_ACTIONS = ['shown', 'accepted', 'overridden'] as const
export const SIGNING_ROLES = ['approver', 'organisation'] as const
export type NudgeKind = (typeof NUDGE_KINDS)[number]
export type NudgeAction = (typeof NUDGE_ACTIONS)[number]
export type SigningRole = (typeof SIGNING_ROLES)[number]
