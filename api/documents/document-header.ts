/**
 * The edXML-like header a sender attaches to a document (QCVN 102:2016 MessageHeader,
 * flattened), and the QCVN 102 status codes of a recipient's copy.
 * @module
 */
import { z } from 'zod'

const isoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'cần dạng YYYY-MM-DD')

export const ZDocumentHeader = z.object({
  to: z.array(z.string().min(1)).min(1, 'cần ít nhất một cơ quan nhận').max(500),
  notation: z.string().trim().min(1).max(100),
  codeNumber: z.string().trim().max(20).optional(),
  place: z.string().trim().min(1).max(200),
  promulgatedAt: isoDate,
  type: z.string().trim().min(1).max(100),
  subject: z.string().trim().min(1).max(500),
  signerName: z.string().trim().max(200).optional(),
  /** the signing authority as printed above the signature, e.g. `KT. GIÁM ĐỐC` (edXML SignerInfo/Competence) */
  signerCompetence: z.string().trim().max(200).optional(),
  /** the signer's position, e.g. `PHÓ GIÁM ĐỐC` (edXML SignerInfo/Position) */
  signerPosition: z.string().trim().max(200).optional(),
  dueDate: isoDate.optional(),
  priority: z.enum(['normal', 'urgent', 'very_urgent', 'flash']).default('normal'),
  steeringType: z.string().trim().max(50).optional(),
  pages: z.number().int().min(1).max(100_000).optional(),
  paperCopy: z.boolean().default(false),
  allowUnsigned: z.boolean().default(false),
})

export type DocumentHeader = z.infer<typeof ZDocumentHeader>

export const STATUS_LABELS: Record<string, string> = {
  '01': 'Đã đến',
  '02': 'Từ chối tiếp nhận',
  '03': 'Đã tiếp nhận',
  '04': 'Phân công',
  '05': 'Đang xử lý',
  '06': 'Hoàn thành',
  '13': 'Bên gửi lấy lại',
  '15': 'Đồng ý lấy lại',
  '16': 'Từ chối lấy lại',
}

/** Recipient transitions: from → allowed next codes (the sender's recall 13 is separate). */
export const RECIPIENT_TRANSITIONS: Record<string, readonly string[]> = {
  '01': ['02', '03'],
  '03': ['04', '05', '06'],
  '04': ['05', '06'],
  '05': ['06'],
  '13': ['15', '16'],
}

/** States a sender may recall from (13). */
export const RECALLABLE = ['01', '03', '04', '05'] as const
