import { describe, expect, it } from 'vitest'
import { complaintAct, fitComplaint, isComplaintProcedure } from '../../../knowledge/answer/fit-complaint.ts'
import { analyzeText } from '../../../knowledge/search/normalize-vietnamese.ts'
import type { SearchResult } from '../../../knowledge/search/search.types.ts'
import { exportNames } from '../../helpers/export-names.ts'
import { describeOnPortal, kindAndCode } from '../../helpers/portal-knowledge-base.ts'
import { itGivesFeedbackChannel } from '../../helpers/portal-question-tables.ts'

const folded = (text: string) => analyzeText(text).map((t) => t.folded)
const LEVEL: Record<string, string> = {
  '1.000178': 'Cấp bộ',
  '1.003504': 'Cấp tỉnh',
  '1.004335': 'Cấp xã',
  '1.003523': 'Cấp bộ',
  '1.003482': 'Cấp tỉnh',
  '1.004327': 'Cấp xã',
  '2.000592': 'Cấp tỉnh',
}
/** The complaint procedures of the shipped export, as search results. */
const complaintResults = Object.entries(LEVEL).map(
  ([code, level]) => ({ code, name: exportNames.get(code) ?? '', levels: [level] }) as SearchResult,
)
const fitsOf = (question: string) => {
  const words = folded(question)
  const act = complaintAct(words)
  return act ? fitComplaint({ act, folded: words, results: complaintResults }).map((r) => r.code) : null
}

describe('complaints answered by the procedure that resolves them', () => {
  it('reads the complaint the question makes, not the result of one', () => {
    expect(complaintAct(folded('muốn khiếu nại việc công an phường'))).toBe('khieu nai')
    expect(complaintAct(folded('to cao can bo cong an phuong hach dich'))).toBe('to cao')
    expect(complaintAct(folded('nhận đất theo kết quả giải quyết khiếu nại'))).toBeNull()
  })

  it('knows the complaint procedures by their names', () => {
    expect(isComplaintProcedure(exportNames.get('1.004335') ?? '')).toBe(true)
    expect(isComplaintProcedure(exportNames.get('2.000592') ?? '')).toBe(true)
    // a land registration whose long name lists "khiếu nại, tố cáo về đất đai"
    expect(isComplaintProcedure(exportNames.get('1.013980') ?? '')).toBe(false)
  })

  it.each([
    ['muốn khiếu nại việc công an phường không giải quyết đăng ký thường trú cho gia đình', ['1.004335']],
    ['khiếu nại quyết định xử phạt của phòng CSGT công an tỉnh', ['1.003504']],
    ['tố cáo cán bộ công an xã nhận hối lộ', ['1.004327']],
    ['khiếu nại trợ giúp viên pháp lý không hỗ trợ đúng cho tôi', ['2.000592']],
    // no unit named: every level of the act's procedure
    ['tố cáo cảnh sát giao thông làm sai quy trình', ['1.003523', '1.003482', '1.004327']],
    // about a body no complaint procedure is for
    ['khieu nai UBND xa ve viec khong giai quyet ho so dat cua toi', []],
    ['khiếu nại kết quả thi tuyển công chức', []],
  ])('"%s" fits %j', (question, codes) => {
    expect(fitsOf(question)?.sort()).toEqual([...codes].sort())
  })
})

describeOnPortal('a complaint over the shipped export', (portal) => {
  it('answers a complaint about the ward police with the commune-level complaint procedure, not residence', async () => {
    const answer = await portal.kb.answer(
      'muốn khiếu nại việc công an phường không giải quyết đăng ký thường trú cho gia đình',
    )
    expect(kindAndCode(answer)).toEqual({ kind: 'answer', code: '1.004335' })
    expect(answer.text).toContain('Phản ánh, kiến nghị')
  })

  it("ranks the province's complaint procedure first in the search alone for the ward police", () => {
    expect(portal.kb.search('khiếu nại công an phường')[0]?.code).toBe('1.003504')
  })

  it.each([
    // the search ranks another level first (above)
    ['khiếu nại công an phường', '1.004335'],
    // instead of asking between land and legal aid procedures
    ['khiếu nại quyết định xử phạt của công an tỉnh', '1.003504'],
  ])(
    'answers "%s" with the complaint procedure at the level of the unit it names, %s',
    async (question, code) => {
      expect(kindAndCode(await portal.kb.answer(question))).toEqual({ kind: 'answer', code })
    },
  )

  it('asks between the complaint procedures, not the identity card a denunciation mentions', async () => {
    const answer = await portal.kb.answer('tố cáo cán bộ công an phường đòi tiền khi làm căn cước cho tôi')
    expect(answer.kind).toBe('clarify')
    const codes = (answer.candidates ?? []).map((c) => c.code)
    // the levels open to citizens first, the commune's (reserved for officers) last
    expect(codes[0]).toBe('1.003482')
    expect(codes.at(-1)).toBe('1.004327')
    expect(codes.every((c) => ['1.004327', '1.003482', '1.003523'].includes(c))).toBe(true)
    expect(answer.text).toContain('Phản ánh, kiến nghị')
  })

  it('labels the levels of one complaint procedure by their level', async () => {
    const answer = await portal.kb.answer('khiếu nại công an xã xử lý sai')
    expect(answer.kind).toBe('clarify')
    expect((answer.candidates ?? []).map((c) => c.label)).toEqual([
      'Thực hiện tại cấp tỉnh',
      'Thực hiện tại cấp Trung ương',
      'Thực hiện tại cấp xã (phải là cán bộ thuộc biên chế của lực lượng Công an)',
    ])
  })

  itGivesFeedbackChannel(
    portal,
    'gives the feedback channel, never the land record its words brush against, to "%s"',
    ['khieu nai UBND xa ve viec khong giai quyet ho so dat cua toi', 'khiếu nại kết quả thi tuyển công chức'],
  )
})
