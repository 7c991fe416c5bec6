/**
 * Turns one record of the dichvucong.gov.vn export (flat strings with flattened tables)
 * into trolyso's procedure structure, with warnings for parts it could not read.
 * @module
 */
import { z } from 'zod'
import { isOfficialUrl, OFFICIAL_URL_RULE } from './official-url.ts'
import { parseAudience } from './parse-audience.ts'
import { parseChannels } from './parse-channels.ts'
import { parseDocuments } from './parse-documents.ts'
import { parseLegalBasis } from './parse-legal-basis.ts'
import { parseLevels } from './parse-levels.ts'
import { parseName } from './parse-name.ts'
import { parseResults } from './parse-results.ts'
import { parseSteps } from './parse-steps.ts'
import { cleanLines, cleanText, isPlaceholder, type ParseWarning, parseOptionalText } from './parse-text.ts'
import type { ProcedureInput } from './procedure.types.ts'

export const PORTAL_SOURCE = 'dichvucong.gov.vn'

const optional = z.string().nullish()

/** The export's fields; only the code and the name are required. */
export const ZPortalRecord = z.object({
  ma_thu_tuc: z.string({ error: 'thiếu ma_thu_tuc' }).refine((v) => cleanText(v) !== '', 'ma_thu_tuc rỗng'),
  ten_thu_tuc: z
    .string({ error: 'thiếu ten_thu_tuc' })
    .refine((v) => cleanText(v) !== '', 'ten_thu_tuc rỗng'),
  detail_url: optional,
  so_quyet_dinh: optional,
  cap_thuc_hien: optional,
  loai_thu_tuc: optional,
  linh_vuc: optional,
  doi_tuong_thuc_hien: optional,
  co_quan_co_tham_quyen: optional,
  co_quan_thuc_hien: optional,
  dia_chi_tiep_nhan: optional,
  trinh_tu_thuc_hien: optional,
  cach_thuc_thuc_hien: optional,
  thanh_phan_ho_so: optional,
  can_cu_phap_ly: optional,
  yeu_cau_dieu_kien: optional,
  ket_qua_xu_ly: optional,
  _bo: optional,
})

export type PortalRecord = z.infer<typeof ZPortalRecord>

export type MapPortalRecordOptions = { record: PortalRecord; asOf: string }

const multiline = (text: string | null | undefined): string | null =>
  isPlaceholder(text) ? null : cleanLines(text).join('\n')

/**
 * @returns the procedure (not yet validated against ZProcedure) and the parsers' warnings
 * @example mapPortalRecord({ record, asOf: '2026-07-15' }).value.channels
 */
export const mapPortalRecord = ({
  record,
  asOf,
}: MapPortalRecordOptions): { value: ProcedureInput; warnings: ParseWarning[] } => {
  const channels = parseChannels(record.cach_thuc_thuc_hien)
  const documents = parseDocuments(record.thanh_phan_ho_so)
  const legalBasis = parseLegalBasis(record.can_cu_phap_ly)
  const warnings = [...channels.warnings, ...documents.warnings, ...legalBasis.warnings]
  const given = parseOptionalText(record.detail_url)
  const url = given !== null && isOfficialUrl(given) ? given : null
  if (url === null && !isPlaceholder(record.detail_url)) {
    const parsed = given !== null && URL.canParse(given)
    // the record is kept; only the link is dropped, so no dangerous or broken link reaches an answer
    warnings.push({
      code: parsed ? 'URL_NOT_ALLOWED' : 'URL_INVALID',
      message: parsed
        ? `detail_url bị bỏ (${OFFICIAL_URL_RULE}): "${cleanText(record.detail_url).slice(0, 200)}"`
        : `detail_url không hợp lệ: "${cleanText(record.detail_url).slice(0, 200)}"`,
    })
  }
  const value: ProcedureInput = {
    code: cleanText(record.ma_thu_tuc),
    name: parseName(record.ten_thu_tuc, record.ma_thu_tuc),
    levels: parseLevels(record.cap_thuc_hien),
    field: parseOptionalText(record.linh_vuc) ?? '',
    audience: parseAudience(record.doi_tuong_thuc_hien),
    procedureType: parseOptionalText(record.loai_thu_tuc),
    decisionNumber: parseOptionalText(record.so_quyet_dinh),
    competentAgency: parseOptionalText(record.co_quan_co_tham_quyen),
    executingAgency: parseOptionalText(record.co_quan_thuc_hien),
    address: parseOptionalText(record.dia_chi_tiep_nhan),
    channels: channels.value,
    documents: documents.value,
    steps: parseSteps(record.trinh_tu_thuc_hien),
    requirements: multiline(record.yeu_cau_dieu_kien),
    results: parseResults(record.ket_qua_xu_ly),
    legalBasis: legalBasis.value,
    url,
    source: PORTAL_SOURCE,
    sourceAgency: parseOptionalText(record._bo),
    asOf,
  }
  return { value, warnings }
}
