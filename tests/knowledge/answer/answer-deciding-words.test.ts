import { describe, expect, it } from 'vitest'
import { findPlainAction, PLAIN_ACTION_MARGIN } from '../../../knowledge/answer/find-plain-action.ts'
import { createProcedureActions } from '../../../knowledge/answer/procedure-actions.ts'
import { expandQuery } from '../../../knowledge/search/expand-query.ts'
import { loadSynonyms } from '../../../knowledge/search/load-synonyms.ts'
import { exportNames, exportResult } from '../../helpers/export-names.ts'
import { describeOnPortal, kindAndCode } from '../../helpers/portal-knowledge-base.ts'

const synonyms = loadSynonyms()
const actions = createProcedureActions()
const traits = (question: string) => actions.ofQuestion(expandQuery(question, synonyms).tokens)
const nameOf = (code: string) => exportNames.get(code) ?? ''
const offered = (answer: { procedure?: { code: string }; candidates?: { code: string }[] }) => [
  ...(answer.procedure ? [answer.procedure.code] : []),
  ...(answer.candidates ?? []).map((c) => c.code),
]

/** "Nghiệm thu về phòng cháy chữa cháy (… đã được … cấp Giấy chứng nhận thẩm duyệt thiết kế …)". */
const FIRE_ACCEPTANCE = '3.000493'
/** "Thẩm định thiết kế về phòng cháy chữa cháy". */
const FIRE_APPRAISAL = '3.000489'
/** "Cấp lại thẻ ABTC" and "Cấp mới thẻ ABTC (thực hiện tại cấp trung ương)". */
const ABTC_REISSUE = '2.000293'
const ABTC_NEW = '1.000811'

describe('the words that decide between variants', () => {
  it("reads a works project's stage from the name's head, not from the brackets", () => {
    // the acceptance's brackets speak of the design already appraised ("thẩm duyệt thiết kế")
    expect(actions.ofName(nameOf(FIRE_ACCEPTANCE)).qualifiers.get('stage')).toEqual(new Set(['acceptance']))
    expect(actions.misfit(traits('thẩm duyệt thiết kế PCCC cho nhà xưởng'), nameOf(FIRE_ACCEPTANCE))).toEqual(
      {
        kind: 'qualifier',
        group: 'stage',
      },
    )
    expect(
      actions.misfit(traits('thẩm duyệt thiết kế PCCC cho nhà xưởng'), nameOf(FIRE_APPRAISAL)),
    ).toBeNull()
    expect(actions.misfit(traits('nghiệm thu PCCC nhà xưởng'), nameOf(FIRE_ACCEPTANCE))).toBeNull()
    expect(actions.misfit(traits('nghiệm thu PCCC nhà xưởng'), nameOf(FIRE_APPRAISAL))?.kind).toBe(
      'qualifier',
    )
  })

  it('takes a guest named "khách Tây" as a foreigner', () => {
    // 1.000253 "Khai báo tạm trú cho người nước ngoài tại Việt Nam bằng Phiếu khai báo tạm trú"
    expect(
      actions.misfit(traits('homestay có khách Tây thì khai báo tạm trú thế nào'), nameOf('1.000253')),
    ).toBeNull()
    expect(traits('homestay có khách Tây').qualifiers.get('nationality')).toEqual(new Set(['foreigner']))
  })

  it('does not fit a procedure for people without insurance to a question about the insurance they have', () => {
    // 1.010092 "Trợ cấp tiền tuất, tai nạn (…) cho lực lượng xung kích … chưa tham gia bảo hiểm xã hội"
    expect(actions.misfit(traits('me em mat, nhan tien tu tuat bhxh can gi'), nameOf('1.010092'))).toEqual({
      kind: 'qualifier',
      group: 'insurance',
    })
    // 3.000509 "Chế độ, chính sách đối với người được huy động, người tham gia phòng cháy … chưa tham gia bảo hiểm y tế …"
    expect(
      actions.misfit(
        traits('em di chua chay giup hang xom bi bong, chua co bhyt, co duoc ho tro gi khong'),
        nameOf('3.000509'),
      ),
    ).toBeNull()
    // a question that says nothing of insurance is not decided by it
    expect(
      actions.misfit(traits('lực lượng xung kích phòng chống thiên tai bị tai nạn'), nameOf('1.010092')),
    ).toBeNull()
  })

  it('reads no action in everyday words that hold an action word', () => {
    for (const q of [
      'thoi gian giai quyet bao lau',
      'cong ty muon lam du bao thoi tiet xin giay phep o dau',
      'xin phep su dung tam thoi via he',
      'nhà em mới bị mất mùa trắng tay, xin xét hộ nghèo',
      'mất bao lâu thì có hộ chiếu',
    ])
      expect([...traits(q).actions], q).toEqual([])
    // a loss is still a loss
    expect(traits('mất hộ chiếu').actions.has('reissue')).toBe(true)
    expect(traits('bị mất căn cước').actions.has('reissue')).toBe(true)
    // a power cut is not a loss, but a phone lost together with a card is
    expect([...traits('nhà bị mất điện cả tuần').actions]).toEqual([])
    for (const q of [
      'bị mất điện thoại và thẻ căn cước',
      'em bi mat dien thoai voi cccd roi',
      'làm mất điện thoại và căn cước',
    ])
      expect(traits(q).actions.has('reissue'), q).toBe(true)
  })
})

describe('a question that names no action', () => {
  const reissue = exportResult(ABTC_REISSUE, 1.246, { coverage: 0.435, precision: 1 })
  const first = exportResult(ABTC_NEW, 0.969, { coverage: 0.305, precision: 0.75 })
  // "Cấp, cấp lại chứng chỉ hành nghề chứng khoán" next to "Cấp Chứng chỉ hành nghề đấu giá": other objects
  const securities = exportResult('1.009543', 2.241)
  const auction = exportResult('1.003915', 1.906)

  it('finds the first-step sibling of the same object next to a second step ranked first', () => {
    const plain = (question: string, top = reissue, ...groups: (typeof reissue)[]) =>
      findPlainAction({ top, groups: [top, ...groups], question: traits(question), actions }).map(
        (r) => r.code,
      )
    expect(plain('cap the ABTC cho doanh nhan di lai trong APEC', reissue, first)).toEqual([ABTC_NEW])
    // the question names the second step: it decides
    expect(plain('cấp lại thẻ ABTC bị mất', reissue, first)).toEqual([])
    // too far below, or another object
    const far = exportResult(ABTC_NEW, 1.246 - PLAIN_ACTION_MARGIN - 0.01)
    expect(plain('cap the ABTC cho doanh nhan', reissue, far)).toEqual([])
    expect(plain('cap chung chi hanh nghe chung khoan', securities, auction)).toEqual([])
  })

  describeOnPortal('over the shipped export', (portal) => {
    it('asks between the re-issue and the first issue instead of answering the re-issue', async () => {
      const answer = await portal.kb.answer('cap the ABTC cho doanh nhan di lai trong APEC mat bao lau')
      expect(answer.kind).toBe('clarify')
      expect(offered(answer)).toEqual(expect.arrayContaining([ABTC_NEW, ABTC_REISSUE]))
      expect(answer.candidates?.length).toBeLessThanOrEqual(4)
    })

    it('no longer answers a design appraisal question with the acceptance', async () => {
      const answer = await portal.kb.answer('thẩm duyệt thiết kế PCCC cho nhà xưởng')
      expect(answer.procedure?.code).not.toBe(FIRE_ACCEPTANCE)
      expect(offered(answer)).toContain(FIRE_APPRAISAL)
      expect(offered(answer)).not.toContain(FIRE_ACCEPTANCE)
    })

    it("offers the foreigner's residence declaration for a homestay's foreign guests", async () => {
      const answer = await portal.kb.answer('homestay có khách Tây thì khai báo tạm trú thế nào')
      expect(offered(answer)).toContain('1.000253')
    })

    it('keeps a weather forecasting licence found for a question typed without marks', async () => {
      const answer = await portal.kb.answer('cong ty muon lam du bao thoi tiet xin giay phep o dau')
      expect(answer.kind).not.toBe('not_found')
      // "Cấp giấy phép hoạt động dự báo, cảnh báo khí tượng thủy văn (cấp tỉnh)"
      expect(offered(answer)).toContain('1.000987')
    })

    it('reads "HTX" as hợp tác xã and offers its dissolution', async () => {
      const answer = await portal.kb.answer('giải thể HTX vận tải cần hồ sơ gì')
      expect(answer.kind).not.toBe('not_found')
      // "Đăng ký giải thể hợp tác xã, liên hiệp hợp tác xã"
      expect(offered(answer)[0]).toBe('1.004982')
    })

    it('answers an identity card lost together with a phone with its re-issue', async () => {
      // "Cấp lại thẻ căn cước" at the commune police
      expect(
        kindAndCode(await portal.kb.answer('bị mất điện thoại và thẻ căn cước giờ phải làm sao')),
      ).toEqual({ kind: 'answer', code: '1.014064' })
    })

    it('answers a house to build with the new building permit and a repair with the repair permit', async () => {
      // "Cấp giấy phép xây dựng mới đối với công trình cấp III, cấp IV (…)"
      expect(
        kindAndCode(await portal.kb.answer('xây nhà 3 tầng ở phường có cần xin giấy phép xây dựng không')),
      ).toEqual({ kind: 'answer', code: '1.013225' })
      // "Cấp giấy phép xây dựng sửa chữa, cải tạo đối với công trình cấp III, cấp IV (…)"
      expect(kindAndCode(await portal.kb.answer('sửa nhà có cần xin phép không'))).toEqual({
        kind: 'answer',
        code: '1.013229',
      })
      // a house told in a story before a household split is not a permit asked for
      const split = await portal.kb.answer(
        'toi lay vo dc 5 nam van o chung ho khau voi bo me, gio xay nha rieng tren cung thua dat muon tach ra lam chu ho rieng thi co mat le phi ko',
      )
      expect(offered(split)).not.toContain('1.013225')
      expect(offered(split)).toContain('1.010038')
    })

    it("answers an insurer's branch only for a question naming an insurer", async () => {
      const plain = await portal.kb.answer('chi nhánh công ty đổi địa chỉ phải làm gì')
      // "Mở, chấm dứt, thay đổi địa điểm chi nhánh, văn phòng đại diện tại Việt Nam của doanh nghiệp bảo hiểm …"
      expect(offered(plain)).not.toContain('1.012357')
      expect(offered(await portal.kb.answer('chi nhánh công ty bảo hiểm đổi địa chỉ'))).toContain('1.012357')
    })

    it('answers a lost counsellor card instead of taking its title as a request for a person', async () => {
      expect(kindAndCode(await portal.kb.answer('the tu van vien phap luat bi hong can cap lai'))).toEqual({
        kind: 'answer',
        code: '1.000390',
      })
    })
  })
})
