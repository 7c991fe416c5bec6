/**
 * The procedure record in trolyso's own structure, validated with zod wherever records
 * enter the system (import, seed, admin edits).
 * @module
 */
import { z } from 'zod'
import { ZOfficialUrl } from './official-url.ts'

export const ZChannelKind = z.enum(['direct', 'online', 'postal'])

export const ZProcedureChannel = z.object({
  kind: ZChannelKind,
  /** The portal's label, e.g. "Trực tiếp", "Trực tuyến", "Dịch vụ bưu chính". */
  label: z.string(),
  /** Processing time as the record states it; null when the record has no information. */
  durationText: z.string().nullable(),
  /** Working days, when the record states a number of working days. */
  workingDays: z.number().nullable(),
  /** Fee as the record states it; null when the record has no information. */
  feeText: z.string().nullable(),
  /** Fee in VND when the record states an amount (0 for "Miễn phí"/"Không"). */
  feeVnd: z.number().nullable(),
  note: z.string().nullable(),
})

export const ZProcedureDocument = z.object({
  name: z.string(),
  /** Form or template name (mẫu đơn, tờ khai), when stated. */
  template: z.string().nullable(),
  /** Number of copies as stated, e.g. "1 bản chính". */
  copies: z.string().nullable(),
  /** Sub-heading the document is listed under, e.g. "Giấy tờ phải xuất trình". */
  group: z.string().nullable(),
})

export const ZProcedureLegalBasis = z.object({
  title: z.string(),
  number: z.string().nullable(),
})

export const ZProcedure = z.object({
  code: z.string().regex(/^\d\.\d{6}$/, 'mã thủ tục phải có dạng 1.001193'),
  name: z.string().min(3),
  levels: z.array(z.string()),
  field: z.string(),
  audience: z.array(z.string()),
  procedureType: z.string().nullable(),
  decisionNumber: z.string().nullable(),
  competentAgency: z.string().nullable(),
  executingAgency: z.string().nullable(),
  address: z.string().nullable(),
  channels: z.array(ZProcedureChannel),
  documents: z.array(ZProcedureDocument),
  steps: z.array(z.string()),
  requirements: z.string().nullable(),
  results: z.array(z.string()),
  legalBasis: z.array(ZProcedureLegalBasis),
  /** https, or http on a gov.vn host (official-url.ts) */
  url: ZOfficialUrl.nullable(),
  /** Where the facts come from, e.g. "dichvucong.gov.vn" or "trolyso-starter". */
  source: z.string(),
  sourceAgency: z.string().nullable(),
  /** Date (YYYY-MM-DD, or YYYY-MM when the export names only the month) the facts were taken from the source. */
  asOf: z.string().regex(/^\d{4}-\d{2}(?:-\d{2})?$/),
})

export type ProcedureChannel = z.infer<typeof ZProcedureChannel>
export type ProcedureDocument = z.infer<typeof ZProcedureDocument>
export type ProcedureLegalBasis = z.infer<typeof ZProcedureLegalBasis>
export type ProcedureInput = z.infer<typeof ZProcedure>
/** A stored procedure: the input plus bookkeeping. */
export type Procedure = ProcedureInput & { revision: number; contentHash: string; updatedAt: string }
