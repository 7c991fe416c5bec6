/**
 * Builds `knowledge/data/starter-procedures.json`, the knowledge base seeded into an empty
 * database: the procedures citizens ask about most, taken from the dichvucong.gov.vn
 * export through the importer's own parsers, with the long official step text replaced
 * by short steps written from the record's own facts (channels, documents, fees, results).
 *
 * `node knowledge/scripts/build-starter.ts [EXPORT.jsonl[.gz]]` (default: the shipped national export).
 * @module
 */
import { readFileSync, writeFileSync } from 'node:fs'
import { fileURLToPath } from 'node:url'
import { mapPortalRecord, ZPortalRecord } from '../procedures/map-portal-record.ts'
import { contradictoryFee } from '../procedures/parse-channels.ts'
import type { ProcedureInput } from '../procedures/procedure.types.ts'
import { ZProcedure } from '../procedures/procedure.types.ts'
import { decodeExport, NATIONAL_EXPORT_AS_OF, NATIONAL_EXPORT_FILE } from '../procedures/read-export.ts'

const AS_OF = NATIONAL_EXPORT_AS_OF
const DEFAULT_EXPORT = NATIONAL_EXPORT_FILE
const OUTPUT = fileURLToPath(new URL('../data/starter-procedures.json', import.meta.url))

/** Citizen-facing records (Cấp xã or Cấp tỉnh where the export has them), by topic. */
export const STARTER_CODES = [
  // Hộ tịch
  '1.001193',
  '1.000894',
  '1.000656',
  '1.004884',
  '1.004746',
  '1.005461',
  '1.004873',
  '2.000635',
  '1.001022',
  '1.000689',
  '1.004837',
  '1.004845',
  '1.004859',
  '2.000986',
  '2.001023',
  '2.000528',
  '2.000806',
  // Chứng thực
  '2.000815',
  '2.000884',
  '2.001035',
  '2.001019',
  '2.001406',
  '2.000942',
  // Căn cước, dân cư
  '1.014061',
  '1.014062',
  '1.014063',
  '1.014064',
  '1.014060',
  '1.012564',
  '1.012566',
  // Cư trú
  '1.004222',
  '1.004194',
  '1.002755',
  '1.003197',
  '1.010028',
  '1.010038',
  '1.010041',
  '1.010039',
  '1.010040',
  // Hộ chiếu
  '1.001456',
  '1.010386',
  '1.010384',
  // Giấy phép lái xe
  '3.000347',
  '3.000348',
  '3.000353',
  // Đăng ký xe
  '1.013076',
  '1.013080',
  '1.013079',
  '1.012575',
  '1.013067',
  // Lý lịch tư pháp
  '3.000333',
  // Kinh doanh, thuế
  '1.001612',
  '2.000720',
  '1.001570',
  '1.001266',
  '2.001583',
  '2.001199',
  '2.002043',
  '2.001610',
  '1.008498',
  // Đất đai
  '1.013978',
  '1.012783',
  '1.012787',
  '1.012784',
  '1.013980',
  // Xây dựng
  '1.013225',
  '1.013228',
  // Bảo hiểm xã hội, bảo hiểm y tế
  '1.001613',
  '2.000693',
  '1.001667',
  '2.000821',
  '1.001939',
  '1.002759',
  '1.001601',
  '1.001656',
] as const

const CHANNEL_WORDS = { direct: 'trực tiếp', online: 'trực tuyến', postal: 'qua bưu chính' } as const

const trimEnd = (text: string): string =>
  text.replace(/[\s;.:,)]+$/, (tail) => (tail.includes(')') ? ')' : ''))

/** Short steps from the record's facts only; nothing here is not in the record. */
export const shortSteps = (procedure: ProcedureInput): string[] => {
  const steps: string[] = []
  const required = procedure.documents.filter((d) => d.copies === null || !/^0 bản/.test(d.copies))
  if (required.length > 0) {
    const form = required.find(
      (d) => /^(Tờ khai|Đơn|Phiếu|Văn bản đề nghị)/i.test(d.name) && d.name.length <= 140,
    )
    const named = form ? ` (trong đó có ${trimEnd(form.name)})` : ''
    steps.push(`Chuẩn bị ${required.length} giấy tờ trong thành phần hồ sơ${named}.`)
  }
  const kinds = [...new Set(procedure.channels.map((c) => CHANNEL_WORDS[c.kind]))]
  // Some records carry prose in the agency fields; a step names only a short agency.
  const agency = [procedure.executingAgency, procedure.competentAgency].find(
    (a) => a !== null && a.length <= 120,
  )
  const where = trimEnd(agency ?? procedure.levels.join(', '))
  if (kinds.length > 0) steps.push(`Nộp hồ sơ ${kinds.join(', ')}${where ? ` tại/qua ${where}` : ''}.`)
  const paid = procedure.channels.find((c) => c.feeVnd !== null && c.feeVnd > 0)
  if (paid) {
    const amount = paid.feeVnd?.toLocaleString('vi-VN')
    steps.push(`Nộp phí, lệ phí: ${amount} đồng (cách nộp ${paid.label.toLowerCase()}).`)
  } else if (procedure.channels.some((c) => c.feeText !== null && contradictoryFee(c.feeText))) {
    steps.push(
      'Nộp phí, lệ phí theo mức thu nêu trong mô tả phí của từng cách nộp (cột phí trên Cổng ghi khác).',
    )
  } else if (procedure.channels.some((c) => c.feeVnd === 0)) {
    steps.push('Phí, lệ phí: cổng dịch vụ công ghi "Miễn phí"; xem ghi chú phí của từng cách nộp.')
  }
  const time = procedure.channels.find((c) => c.workingDays !== null)?.durationText
  const deadline = time ? ` (thời hạn ${time.toLowerCase()})` : ''
  // The portal also lists refusal notices as results; the step names what the citizen asked for.
  const result = procedure.results.find((r) => !/từ chối/i.test(r)) ?? procedure.results[0]
  const shortResult = result?.replace(/^[-+]\s*/, '').split(';')[0]
  if (shortResult && shortResult.length <= 150)
    steps.push(`Nhận kết quả: ${trimEnd(shortResult)}${deadline}.`)
  else if (result) steps.push(`Nhận kết quả giải quyết${deadline}.`)
  return steps
}

const main = (): void => {
  const file = process.argv[2] ?? DEFAULT_EXPORT
  const wanted = new Set<string>(STARTER_CODES)
  const found = new Map<string, ProcedureInput>()
  for (const line of decodeExport(readFileSync(file), file).split('\n')) {
    if (line.trim() === '') continue
    const record = ZPortalRecord.parse(JSON.parse(line))
    if (!wanted.has(record.ma_thu_tuc) || found.has(record.ma_thu_tuc)) continue
    const { value } = mapPortalRecord({ record, asOf: AS_OF })
    found.set(value.code, ZProcedure.parse({ ...value, steps: shortSteps(value) }))
  }
  const missing = STARTER_CODES.filter((code) => !found.has(code))
  if (missing.length > 0) throw new Error(`Không có trong tệp: ${missing.join(', ')}`)
  const procedures = STARTER_CODES.map((code) => found.get(code))
  writeFileSync(OUTPUT, `${JSON.stringify(procedures, null, 1)}\n`)
  process.stdout.write(`Đã ghi ${procedures.length} thủ tục vào ${OUTPUT}\n`)
}

if (import.meta.main) main()
