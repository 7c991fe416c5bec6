import { fileURLToPath } from 'node:url'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { Facet } from '../../../knowledge/answer/answer.types.ts'
import { composeAnswer, composeReply } from '../../../knowledge/answer/compose-answer.ts'
import { currentBody, DISTRICT_NOTE } from '../../../knowledge/answer/describe-where.ts'
import { renderReplyText } from '../../../knowledge/answer/render-reply-text.ts'
import { getProcedure } from '../../../knowledge/procedures/get-procedure.ts'
import { importProcedures } from '../../../knowledge/procedures/import-procedures.ts'
import type { Procedure } from '../../../knowledge/procedures/procedure.types.ts'
import { createTestDb, type TestDb } from '../../helpers/create-test-db.ts'

/** Real records, lines copied unchanged from the official export dichvucong-2026-07.jsonl. */
const SLICE = fileURLToPath(
  new URL('../../fixtures/procedures/dichvucong-2026-07-slice.jsonl', import.meta.url),
)
const TODAY = '2026-07-20'

let t: TestDb
const records = new Map<string, Procedure>()

beforeAll(async () => {
  t = await createTestDb()
  await importProcedures({ db: t.db, filePath: SLICE })
  for (const code of ['2.000884', '1.014063', '1.003358', '1.001471', '1.003777', '1.012537', '1.001193'])
    records.set(code, (await getProcedure({ db: t.db, code })) as Procedure)
  for (const code of ['1.004222', '3.000347', '1.004089', '1.014064', '1.000811', '1.003677'])
    records.set(code, (await getProcedure({ db: t.db, code })) as Procedure)
})
afterAll(() => t?.close())

const record = (code: string): Procedure => {
  const p = records.get(code)
  if (!p) throw new Error(`missing fixture ${code}`)
  return p
}
const answer = (code: string, facet: Facet, today = TODAY) =>
  composeAnswer({ procedure: record(code), facet, today })
const reply = (code: string, facet: Facet, today = TODAY) =>
  composeReply({ procedure: record(code), facet, today })

describe('where to submit', () => {
  it('takes the body from the steps when the agency fields are empty (1.012537)', () => {
    const p = record('1.012537')
    expect([p.executingAgency, p.competentAgency, p.address]).toEqual([null, null, null])
    const r = reply('1.012537', 'where')
    expect(r.lead).toBe('Nộp hồ sơ tại Ủy ban nhân dân cấp xã.')
    expect(answer('1.012537', 'fees')).toContain('- Nơi nộp: Ủy ban nhân dân cấp xã')
    expect(answer('1.012537', 'where')).not.toMatch(/không ghi (?:nơi nộp|cơ quan tiếp nhận)/)
  })

  it('takes the receiving desk from the steps of khai sinh, with the record level (1.001193)', () => {
    expect(reply('1.001193', 'where').lead).toBe('Nộp hồ sơ tại Trung tâm Phục vụ hành chính công (cấp xã).')
  })

  it('shows a district-level body as the commune level, with the note, never as the place to go (1.003777)', () => {
    const p = record('1.003777')
    expect(`${p.executingAgency} ${p.address}`).toMatch(/cấp huyện/)
    for (const facet of ['where', 'fees', 'overview', 'steps'] as const) {
      const text = answer('1.003777', facet)
      expect(text.split(DISTRICT_NOTE)).toHaveLength(2)
      expect(text.replace(DISTRICT_NOTE, '')).not.toMatch(/cấp huyện|UBND huyện/)
    }
    expect(reply('1.003777', 'where').lead).toBe('Nộp hồ sơ tại Công an cấp Tỉnh, Công an cấp xã.')
  })

  it('adds the note, once, wherever the record still names a district body (a paper "của Công an cấp huyện")', () => {
    const text = answer('1.003777', 'documents')
    expect(text).toMatch(/Biên bản thẩm tra, xác minh \(Mẫu số 08\) của Công an cấp huyện/)
    expect(text.split(DISTRICT_NOTE)).toHaveLength(2)
    const followUp = renderReplyText(reply('1.003777', 'documents'), { followUp: true })
    expect(followUp).toContain(DISTRICT_NOTE)
  })
})

describe('several parts asked at once', () => {
  it('answers each other part under its own heading after the main one, and drops it from the footer', () => {
    const both = composeReply({
      procedure: record('1.001471'),
      facet: 'duration',
      also: ['online', 'fees'],
      today: TODAY,
    })
    expect(both.lead).toBe(reply('1.001471', 'duration').lead)
    const titles = both.sections.map((s) => s.title)
    expect(titles.indexOf('Nộp trực tuyến')).toBeGreaterThan(-1)
    expect(titles.indexOf('Lệ phí')).toBeGreaterThan(titles.indexOf('Nộp trực tuyến'))
    expect(both.sections.find((s) => s.title === 'Lệ phí')?.items).toEqual([reply('1.001471', 'fees').lead])
    // said once: the online answer is no longer repeated under "Thông tin thêm"
    const footer = both.sections.find((s) => s.title === 'Thông tin thêm')
    expect(footer?.items.some((i) => i.includes('trực tuyến'))).toBe(false)
    // one part asked: unchanged
    expect(
      composeReply({ procedure: record('1.001471'), facet: 'duration', also: [], today: TODAY }),
    ).toEqual(reply('1.001471', 'duration'))
  })
})

describe('fees and times by channel and case', () => {
  it('keeps each case with its label (2.000884 chứng thực chữ ký)', () => {
    expect(reply('2.000884', 'fees').lead).toBe(
      'Lệ phí: Tại Ủy ban nhân dân cấp xã, Tổ chức hành nghề công chứng: 10.000 đồng/trường hợp; ' +
        'tại cơ quan đại diện: 10 USD/bản.',
    )
  })

  it('merges repeated rows: no channel is named twice (1.003358 thẻ tạm trú, 1.001471 hộ chiếu)', () => {
    for (const code of ['1.003358', '1.001471', '1.014063']) {
      for (const facet of ['fees', 'duration', 'overview'] as const) {
        const text = answer(code, facet)
        expect(text).not.toMatch(/(Trực tiếp|Trực tuyến|Dịch vụ bưu chính)[^\n]*\b\1\b/)
      }
    }
    expect(reply('1.003358', 'fees').lead).toBe(
      'Lệ phí: Thẻ tạm trú có thời hạn không quá 02 năm: 145 USD/thẻ; ' +
        'thẻ tạm trú có thời hạn từ trên 02 năm đến 05 năm: 155 USD/thẻ; ' +
        'thẻ tạm trú có thời hạn từ trên 05 năm đến 10 năm: 165 USD/thẻ.',
    )
  })

  it('explains which case a shorter time is for (1.001471 hộ chiếu)', () => {
    expect(reply('1.001471', 'duration').lead).toBe(
      'Thời hạn giải quyết: 5 ngày làm việc; trường hợp quy định tại khoản 4 Điều 15 Luật xuất cảnh, ' +
        'nhập cảnh của công dân Việt Nam: 3 ngày làm việc.',
    )
  })

  it('names the case of a longer time, and leaves out a time whose case the record does not explain', () => {
    expect(reply('1.003677', 'duration').lead).toBe(
      'Thời hạn giải quyết: 1 ngày làm việc; trường hợp phức tạp: 2 ngày làm việc.',
    )
    const abtc = reply('1.000811', 'duration')
    const times = new Set(record('1.000811').channels.map((c) => c.durationText))
    expect(times.size).toBeGreaterThan(1)
    expect(abtc.lead).toBe('Thời hạn giải quyết: 21 ngày (Trực tuyến, Trực tiếp).')
    expect(abtc.sections[0]?.items).toEqual([
      'Hồ sơ gốc còn ghi thời hạn khác cho một số trường hợp; xem trang chính thức.',
    ])
  })

  it('marks a reduced-fee period that has ended and keeps the running one whole (1.014063)', () => {
    const details = reply('1.014063', 'fees').sections.find((s) => s.title === 'Chi tiết lệ phí')?.items ?? []
    expect(details).toContain(
      'Kể từ ngày 01/01/2025 đến hết ngày 31/12/2025, mức thu lệ phí khi công dân nộp hồ sơ cấp đổi, cấp lại thẻ ' +
        'căn cước theo hình thức trực tuyển bằng 50% mức thu lệ phí quy định (đã hết áp dụng sau ngày 31/12/2025) ' +
        '(Trực tiếp, Trực tuyến).',
    )
    expect(details).toContain(
      'Kể từ ngày 01/7/2025 đến hết ngày 31/12/2026 mức thu lệ phí cấp đổi, cấp lại thẻ căn cước bằng 50% mức thu ' +
        'nêu trên theo quy định tại Thông tư số 64/2025/TT-BTC ngày 30/6/2025 của Bộ Tài chính (Trực tiếp, Trực tuyến).',
    )
    // the postal row's own note says which row it belongs to
    expect(details).toContain('Trả phí cho đơn vị cung cấp dịch vụ (Dịch vụ bưu chính).')
    // The same record read after the end of 2026: both periods have ended.
    const later = reply('1.014063', 'fees', '2027-01-05').sections.flatMap((s) => s.items)
    expect(later.filter((i) => i.includes('(đã hết áp dụng sau ngày'))).toHaveLength(2)
  })

  it('never cuts a sentence in the middle of its deciding clause', () => {
    for (const code of records.keys()) {
      for (const facet of ['fees', 'duration', 'documents', 'requirements', 'overview'] as const) {
        for (const line of answer(code, facet).split('\n')) {
          // A shortened line ends with a whole sentence and " …", never with a cut word.
          if (line.endsWith('…')) expect(line).toMatch(/[.;:)] …$/)
        }
      }
    }
    expect(answer('1.014063', 'documents')).toContain('người dưới 14 tuổi')
  })

  it('shows the detail before a "Miễn phí" column it contradicts, with the ended online discount (3.000347)', () => {
    const r = reply('3.000347', 'fees')
    expect(r.lead).toMatch(
      /^Lệ phí cấp giấy phép lái xe: 135\.000 đồng\/lần \(lưu ý: cột phí trên Cổng ghi “Miễn phí”/,
    )
    expect(r.sections[0]?.items[0]).toMatch(
      /115\.000 đồng\/lần cấp \(đã hết áp dụng sau ngày 31\/12\/2025\)\.$/,
    )
  })
})

describe('overview', () => {
  it('says "miễn lệ phí", not "lệ phí miễn phí" (1.001193 khai sinh)', () => {
    const lead = reply('1.001193', 'overview').lead
    expect(lead).toMatch(/; miễn lệ phí\.$/)
    expect(lead).not.toContain('lệ phí miễn phí')
  })

  it('never turns a "Miễn phí" the record contradicts into "miễn lệ phí" (the fee column of 3.000346)', () => {
    const p = record('1.001193')
    const feeText =
      'Miễn phí (- Phí sát hạch lái xe: + Đối với thi sát hạch lái xe các hạng xe A1, A, B1: Sát hạch lý thuyết: 60.000 đồng/lần, Sát hạch thực hành: 60.000 đồng/lần. - Lệ phí cấp giấy phép lái xe: 135.000 đồng/lần.)'
    const channels = p.channels.map((c) => ({ ...c, feeText, feeVnd: null }))
    const lead = composeReply({ procedure: { ...p, channels }, facet: 'overview', today: TODAY }).lead
    expect(lead).toContain('(lưu ý: cột phí trên Cổng ghi “Miễn phí”')
    expect(lead).not.toMatch(/miễn lệ phí/)
  })
})

describe('documents', () => {
  it('puts the main form first and groups case papers under their case (1.001193 khai sinh)', () => {
    const r = reply('1.001193', 'documents')
    expect(r.lead).toMatch(/^Bạn cần tờ khai đăng ký khai sinh/)
    expect(r.sections[0]?.title).toBe('Mọi trường hợp')
    expect(r.sections[0]?.items[0]).toMatch(/^Tờ khai đăng ký khai sinh/)
    expect(r.sections[0]?.items.some((i) => i.startsWith('Giấy chứng sinh'))).toBe(true)
    expect(r.sections[0]?.items.some((i) => /bỏ rơi|mang thai hộ/.test(i))).toBe(false)
    const abandoned = r.sections.find((s) => s.title === 'Trường hợp trẻ em bị bỏ rơi')
    expect(abandoned?.items).toEqual([
      'Biên bản về việc trẻ bị bỏ rơi do cơ quan có thẩm quyền lập (1 bản chính)',
    ])
    expect(
      r.sections.find((s) => s.title === 'Trường hợp khai sinh cho trẻ em sinh ra do mang thai hộ'),
    ).toBeDefined()
  })

  it('names the form in the lead without where its template is published or what it must hold', () => {
    const p = record('1.001193')
    const [form, ...rest] = p.documents
    if (!form) throw new Error('1.001193 has no documents')
    // form names as other records of the export word them (1.006442, 1.000894)
    const named = (name: string) =>
      composeReply({
        procedure: { ...p, documents: [{ ...form, name }, ...rest] },
        facet: 'documents',
        today: TODAY,
      })
    expect(
      named(
        'Tờ khai hàng hóa nhập khẩu theo mẫu HQ/2015/NK Phụ lục IV ban hành kèm Thông tư số 38/2015/TT-BTC',
      ).lead,
    ).toBe('Bạn cần tờ khai hàng hóa nhập khẩu và các giấy tờ dưới đây.')
    expect(
      named(
        'Tờ khai đăng ký kết hôn theo mẫu, có đủ thông tin của hai bên nam, nữ. Hai bên nam, nữ có thể khai chung vào một Tờ khai đăng ký kết hôn',
      ).lead,
    ).toBe('Bạn cần tờ khai đăng ký kết hôn và các giấy tờ dưới đây.')
  })

  it('never drops the CT01 form, even when the record lists it last under a case (1.004222 thường trú)', () => {
    const r = reply('1.004222', 'documents')
    expect(r.sections[0]?.items.join('\n')).toContain('mẫu CT01')
    expect(r.lead).toContain('mẫu CT01')
  })

  it('groups the paper needed only for a child under 14 (1.014063)', () => {
    const r = reply('1.014063', 'documents')
    expect(r.sections[0]?.items[0]).toMatch(/^Phiếu đề nghị giải quyết thủ tục về căn cước \(Mẫu DC02/)
    expect(r.sections.find((s) => s.title === 'Làm cho người dưới 14 tuổi')?.items[0]).toMatch(
      /người đại diện hợp pháp của người dưới 14 tuổi/,
    )
  })
})

describe('legal basis', () => {
  it('quotes no title with a glued document number (1.004089)', () => {
    const text = answer('1.004089', 'legal')
    expect(text).toContain(
      'Sửa đổi, bổ sung một số điều của Pháp lệnh ưu đãi người có công với cách mạng (04/2012/UBTVQH13)',
    )
    expect(text).not.toMatch(/\p{Ll}\d{1,4}\/\d{4}\//u)
  })
})

describe('the reply as structure', () => {
  it('names the procedure once and the link once, and a follow-up leaves out the footer', () => {
    const p = record('1.014064')
    const r = composeReply({ procedure: p, facet: 'fees', today: TODAY })
    const text = renderReplyText(r, { procedure: p })
    expect(text.split(`${p.name} (mã ${p.code})`).length - 1).toBe(1)
    expect(text.split(p.url ?? 'x').length - 1).toBe(1)
    expect(text.split('\n')[0]).toBe(r.lead)
    expect(r.lead.length).toBeLessThan(400)
    const followUp = renderReplyText(r, { followUp: true })
    expect(followUp).not.toContain('Thông tin thêm')
    expect(followUp).not.toContain(`${p.name} (mã`)
    expect(followUp).toContain('Nguồn: dichvucong.gov.vn, số liệu tháng 07/2026 (mã 1.014064).')
    expect(r.sections.length).toBeLessThanOrEqual(4)
  })
})

describe('currentBody', () => {
  it.each([
    ['Ủy ban nhân dân cấp huyện', 'Ủy ban nhân dân cấp xã'],
    ['UBND huyện nơi cư trú', 'UBND cấp xã nơi cư trú'],
    ['UBND thị xã', 'UBND cấp xã'],
    ['Công an cấp huyện', 'Công an cấp xã'],
    ['Phòng Tư pháp cấp huyện', 'Phòng Tư pháp cấp xã'],
  ])('shows %s as %s', (from, to) => {
    expect(currentBody(from)).toEqual({ text: to, changed: true })
  })

  it('leaves today’s bodies alone', () => {
    expect(currentBody('Công an cấp xã, Công an tỉnh')).toEqual({
      text: 'Công an cấp xã, Công an tỉnh',
      changed: false,
    })
  })
})
