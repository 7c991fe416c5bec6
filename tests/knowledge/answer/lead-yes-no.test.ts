import { describe, expect, it } from 'vitest'
import { isYesNoQuestion, joinYesNoLead, leadYesNo } from '../../../knowledge/answer/lead-yes-no.ts'
import type { Procedure } from '../../../knowledge/procedures/procedure.types.ts'
import { expandQuery } from '../../../knowledge/search/expand-query.ts'
import { loadSynonyms } from '../../../knowledge/search/load-synonyms.ts'

const synonyms = loadSynonyms()
const folded = (q: string) => expandQuery(q, synonyms).folded
const channel = (kind: 'direct' | 'online' | 'postal', feeVnd: number | null) => ({
  kind,
  label: kind,
  durationText: null,
  workingDays: null,
  feeText: feeVnd === null ? null : String(feeVnd),
  feeVnd,
  note: null,
})
const record = (over: Partial<Procedure>): Procedure =>
  ({
    name: 'Thông báo lưu trú',
    requirements: null,
    documents: [],
    channels: [channel('direct', 0)],
    ...over,
  }) as Procedure

describe('leadYesNo', () => {
  it('recognises yes/no questions', () => {
    expect(isYesNoQuestion(folded('đăng ký khai sinh có mất phí không'))).toBe(true)
    expect(isYesNoQuestion(folded('lam online dc ko'))).toBe(true)
    expect(isYesNoQuestion(folded('đăng ký khai sinh mất bao nhiêu tiền'))).toBe(false)
  })

  it('answers yes or no from the fee amounts and channels the record states, and nothing when it does not', () => {
    const free = record({ channels: [channel('direct', 0), channel('online', 0)] })
    expect(leadYesNo({ procedure: free, facet: 'fees', folded: folded('có mất phí không') })).toMatch(
      /^Không mất phí/,
    )
    const paid = record({ channels: [channel('direct', 50_000)] })
    expect(leadYesNo({ procedure: paid, facet: 'fees', folded: folded('có mất phí không') })).toMatch(
      /^Có mất phí/,
    )
    const unknown = record({ channels: [channel('direct', null)] })
    expect(leadYesNo({ procedure: unknown, facet: 'fees', folded: folded('có mất phí không') })).toBeNull()
    // the online facet's own lead already says "Có, thủ tục này nộp trực tuyến được trên Cổng …"
    expect(
      leadYesNo({ procedure: free, facet: 'online', folded: folded('làm online được không') }),
    ).toBeNull()
    expect(leadYesNo({ procedure: paid, facet: 'online', folded: folded('làm online được không') })).toMatch(
      /^Không/,
    )
  })

  it('answers whether one must go in person the other way round from whether it can be done online', () => {
    const online = record({ channels: [channel('direct', 0), channel('online', 0)] })
    const postal = record({ channels: [channel('direct', 0), channel('postal', 0)] })
    const direct = record({ channels: [channel('direct', 0)] })
    const inPerson = (procedure: Procedure, question: string) =>
      leadYesNo({ procedure, facet: 'online', folded: folded(question) })
    for (const question of [
      'có phải đi trực tiếp không',
      'đổi bằng lái có phải lên tận sở không',
      'co can den tan noi khong',
      'làm hộ chiếu có cần đi đến cơ quan công an không',
    ]) {
      expect(inPerson(online, question), question).toMatch(
        /^Không bắt buộc đến nộp trực tiếp: thủ tục này nộp trực tuyến được/,
      )
      expect(inPerson(postal, question), question).toMatch(/^Không bắt buộc đến nộp: .*bưu chính/)
      expect(inPerson(direct, question), question).toMatch(/^Có, hồ sơ thủ tục không có cách nộp trực tuyến/)
    }
    // the facet's own "Có, …" is not said after it
    const yesNo = inPerson(online, 'có phải đi trực tiếp không') ?? ''
    expect(
      joinYesNoLead(
        yesNo,
        'Có, thủ tục này nộp trực tuyến được trên Cổng Dịch vụ công quốc gia (dichvucong.gov.vn).',
      ),
    ).toBe(yesNo)
    // asked whether it can be done online, the facet's own yes stands
    expect(inPerson(online, 'có phải nộp trực tuyến không')).toBeNull()
  })

  it('quotes the part of a papers entry that names the paper asked about, and a yes only for a paper to bring', () => {
    const doc = (name: string) => ({ name, template: null, copies: null, group: null })
    const permit = record({
      name: 'Cấp giấy phép xây dựng mới',
      documents: [
        doc('Quyết định phê duyệt dự án; văn bản thông báo kết quả và hồ sơ bản vẽ thiết kế cơ sở (nếu có)'),
        doc('02 bộ bản vẽ thiết kế xây dựng kèm theo'),
        doc('Đối với công trình, cơ quan tra cứu thông tin về đất đai trên hệ thống'),
      ],
    })
    const lead = (question: string) =>
      leadYesNo({ procedure: permit, facet: 'overview', folded: folded(question) })
    expect(lead('có cần bản vẽ không')).toBe('Có, hồ sơ cần có: 02 bộ bản vẽ thiết kế xây dựng kèm theo.')
    // named deep inside a note: quoted, without a yes
    expect(lead('có cần thông tin về đất đai không')).toMatch(/^Hồ sơ thủ tục có ghi: Đối với công trình/)
    // "ủy ban" is where to file; a two-letter syllable alone ("ve", also "về") is not looked for
    expect(lead('có phải lên ủy ban không')).not.toMatch(/hồ sơ cần có/)
    expect(lead('có cần vẽ không')).not.toMatch(/hồ sơ cần có/)
  })

  it('says "tùy trường hợp" when the record names exemptions', () => {
    const q = folded('sửa nhà có cần xin giấy phép xây dựng không')
    expect(
      leadYesNo({ procedure: record({ name: 'Cấp giấy phép xây dựng' }), facet: 'overview', folded: q }),
    ).toBe('Có, cần làm thủ tục "Cấp giấy phép xây dựng".')
    // a procedure the question does not name is never said to be needed
    expect(leadYesNo({ procedure: record({}), facet: 'overview', folded: q })).toBeNull()
    const exempt = record({
      name: 'Cấp giấy phép xây dựng',
      requirements: 'Công trình được miễn giấy phép xây dựng gồm …',
    })
    expect(leadYesNo({ procedure: exempt, facet: 'overview', folded: q })).toMatch(/^Tùy trường hợp/)
  })

  describe('a question about a paper of the procedure ("có cần khám sức khỏe không")', () => {
    const paper = (name: string) => ({ name, template: null, copies: '1 bản chính', group: null })
    const licence = record({
      name: 'Đổi giấy phép lái xe',
      documents: [
        paper('Đề nghị đổi giấy phép lái xe theo mẫu'),
        paper(
          'Giấy khám sức khỏe của người lái xe còn hiệu lực (trừ người có giấy phép lái xe hạng A1, A, B1)',
        ),
      ],
    })

    it('says yes with the paper the record lists, its exception kept whole', () => {
      for (const [q, facet] of [
        ['đổi bằng lái xe hết hạn có cần khám sức khỏe không', 'overview'],
        ['doi bang lai co can giay kham suc khoe khong', 'documents'],
      ] as const)
        expect(leadYesNo({ procedure: licence, facet, folded: folded(q) })).toBe(
          'Có, hồ sơ cần có: Giấy khám sức khỏe của người lái xe còn hiệu lực (trừ người có giấy phép lái xe hạng A1, A, B1).',
        )
    })

    it('claims nothing when the record lists no such paper, and never answers whether to do the procedure', () => {
      const lead = leadYesNo({
        procedure: licence,
        facet: 'overview',
        folded: folded('đổi bằng lái có cần chụp ảnh không'),
      })
      expect(lead).toBeNull()
    })

    it('still answers whether the procedure itself is needed when the question names it or only asks to file', () => {
      expect(
        leadYesNo({
          procedure: licence,
          facet: 'overview',
          folded: folded('bằng lái hết hạn có phải đổi giấy phép lái xe không'),
        }),
      ).toBe('Có, cần làm thủ tục "Đổi giấy phép lái xe".')
      expect(
        leadYesNo({
          procedure: record({}),
          facet: 'overview',
          folded: folded('khách ở lại vài đêm có phải khai báo không'),
        }),
      ).toBe('Có, cần làm thủ tục "Thông báo lưu trú".')
    })

    it('says "thủ tục" once for a name that starts with it, and reads "cần … không" without "có"', () => {
      const birth = record({ name: 'Thủ tục đăng ký khai sinh' })
      expect(
        leadYesNo({ procedure: birth, facet: 'overview', folded: folded('có cần đăng ký khai sinh không') }),
      ).toBe('Có, cần làm thủ tục "Đăng ký khai sinh".')
      expect(
        leadYesNo({ procedure: birth, facet: 'documents', folded: folded('cần giấy khám sức khỏe không') }),
      ).toMatch(/^Không thấy trong thành phần hồ sơ/)
    })
  })

  it('says "free" once: the yes/no sentence replaces a fee lead that only repeats it', () => {
    const free = 'Không mất phí: hồ sơ thủ tục ghi miễn phí.'
    expect(joinYesNoLead(free, 'Lệ phí: Miễn phí.')).toBe(free)
    expect(joinYesNoLead(free, 'Lệ phí: Miễn phí (Trực tiếp); 50.000 đồng (Trực tuyến).')).toBe(
      `${free} Lệ phí: Miễn phí (Trực tiếp); 50.000 đồng (Trực tuyến).`,
    )
    expect(joinYesNoLead('Có mất phí, mức phí theo hồ sơ thủ tục ở dưới.', 'Lệ phí: 70.000 đồng.')).toBe(
      'Có mất phí, mức phí theo hồ sơ thủ tục ở dưới. Lệ phí: 70.000 đồng.',
    )
  })
})
