import { describe, expect, it } from 'vitest'
import { createAbsentTopics } from '../../../knowledge/answer/absent-topics.ts'
import { analyzeText } from '../../../knowledge/search/normalize-vietnamese.ts'
import { usePortalKnowledgeBase } from '../../helpers/portal-knowledge-base.ts'
import { eachAnswer } from '../../helpers/portal-question-tables.ts'
import { readQuestions } from '../../helpers/read-cases.ts'

const portal = usePortalKnowledgeBase()

const folded = (text: string) => analyzeText(text).map((t) => t.folded)

describe('topics the records do not hold', () => {
  it('finds a topic phrase only as whole words, and a name that names it', () => {
    const topics = createAbsentTopics({ topics: { banks: ['thẻ tín dụng'] } })
    expect(topics.find(folded('mở thẻ tín dụng ở đâu'))).toEqual(['the tin dung'])
    expect(topics.find(folded('thẻ tín dụngx'))).toEqual([])
    expect(topics.named('the tin dung', 'cap the tin dung quoc te')).toBe(true)
    expect(topics.named('the tin dung', 'cap the can cuoc')).toBe(false)
  })

  eachAnswer(portal, [
    'hưởng trợ cấp thất nghiệp sau khi bị cho nghỉ việc',
    'mở thẻ tín dụng ngân hàng cần gì',
    'đăng ký gói cước 4g viettel',
    'xin chuyển trường cho con học lớp 6',
    'làm thẻ hướng dẫn viên du lịch nội địa',
    'nộp phạt nguội vi phạm giao thông',
    // a press card ("báo" is not the "bảo" of BHYT, nor the "trình báo" of a lost card)
    'xin cấp thẻ nhà báo cần hồ sơ gì',
    // funeral support for people on social assistance (not the BHXH funeral allowance)
    'hỗ trợ mai táng phí cho người hưởng trợ cấp xã hội thủ tục thế nào',
    // a birth registered at an embassy abroad (not the commune's birth registration)
    'đang ở Nhật, muốn làm khai sinh cho con tại đại sứ quán Việt Nam thì làm sao',
    // a village festival (not the recognition of a craft village), civil-service exams ("thi" is not "thi công")
    'xin phép tổ chức lễ hội truyền thống của làng',
    'thi tuyen cong chuc xa nop ho so o dau',
    // a patient's records at a hospital (not the extract of a civil-status record)
    'xin trích lục hồ sơ bệnh án ở bệnh viện tỉnh',
    // a dance-hall or internet-point licence the export lacks (not the household business's registration)
    'xin giấy phép kinh doanh vũ trường',
    'mở điểm truy nhập internet công cộng cần giấy phép gì',
    // a pharmacy, a private clinic, a kindergarten, massage, an advertising permit
    'muốn mở tiệm thuốc tây thì cần giấy phép gì',
    'xin giấy phép mở phòng khám nha khoa tư',
    'trường mầm non tư thục xin cấp phép hoạt động',
    'xin giấy phép hành nghề massage',
    'xin giấy phép quảng cáo',
    // a household's water supply (not the handing of water infrastructure to a company)
    'xin cấp nước sạch',
    // a library card is not an expert's card of the same province; a vaccination, a job at the commune
    'cấp thẻ thư viện tỉnh',
    'hộ chiếu vaccine covid còn dùng được không',
    'xin việc ở ủy ban xã cần bằng cấp gì',
    'xin trợ cấp gạo cứu đói mùa giáp hạt',
    // flying a drone (not a driving licence: "giấy phép lái" of "lái máy bay")
    'giấy phép lái máy bay drone có cần không khi quay phim đám cưới',
    'xin phép bay flycam ở đâu',
  ])('says the records do not cover "%s", never answering with a loosely related record', (answer) => {
    expect(answer.kind).not.toBe('answer')
    expect(answer.procedure).toBeUndefined()
    if (answer.kind === 'not_found' && answer.candidates?.length) {
      expect(answer.text).toMatch(/^Dữ liệu thủ tục hành chính chính thức ở đây không có thủ tục đúng/)
      expect(answer.text).toContain('Có thể liên quan:')
    }
    expect(answer.text).toContain('dichvucong.gov.vn')
  })

  it.each(['công ty tuyển lao động nước ngoài cần làm gì', 'xin work permit cho chuyên gia'])(
    'says the records lack a work permit for a foreign worker: "%s"',
    async (question) => {
      const answer = await portal.kb.answer(question)
      expect(answer.kind).toBe('not_found')
      expect(answer.text).toContain('dichvucong.gov.vn')
    },
  )

  it.each([
    'công an phường gọi điện bảo lên làm việc',
    'bị công an xã mời lên làm việc thì có phải đi không',
    'nhận giấy triệu tập của công an huyện thì làm sao',
  ])(
    'says no procedure answers a summons: "%s", rather than asking among police procedures',
    async (question) => {
      const answer = await portal.kb.answer(question)
      expect(answer.kind).toBe('not_found')
      expect(answer.text).toContain('1800 1096')
    },
  )

  it.each(['xin visa Nhật cần gì', 'mua bảo hiểm xe máy bắt buộc ở đâu'])(
    'says the records lack another country’s visa and a vehicle’s private insurance: "%s"',
    async (question) => {
      const answer = await portal.kb.answer(question)
      expect(answer.kind).toBe('not_found')
      // a foreigner's visa for Viet Nam is in the records
      expect((await portal.kb.answer('người nước ngoài xin visa Việt Nam')).kind).not.toBe('not_found')
      // and after a passport, "còn xin visa Hàn thì sao" is not the passport again
      expect((await portal.kb.answer('còn xin visa Hàn thì sao', { procedureCode: '1.001456' })).kind).toBe(
        'not_found',
      )
    },
  )

  it('says a power or water cut is not in the records, and keeps a lost phone with a card a re-issue', async () => {
    for (const q of [
      'khu phố bị cúp nước 3 ngày báo ở đâu',
      'nha em bi cat dien 3 ngay nay vi cham dong tien, dong roi ma chua co dien lai, goi ai de duoc dong dien',
    ])
      expect((await portal.kb.answer(q, {})).kind, q).toBe('not_found')
    const card = await portal.kb.answer('bị mất điện thoại và cả thẻ căn cước thì cấp lại thế nào', {})
    expect(card.procedure?.code).toBe('1.014064')
  })

  it('names as related only procedures holding a rare word pair of what the records lack', async () => {
    // "Giấy phép mở và sử dụng tài khoản ngoại tệ" shares only the ask with a pharmacy
    const pharmacy = await portal.kb.answer('xin giấy phép mở nhà thuốc tây')
    expect(pharmacy.kind).toBe('not_found')
    expect(pharmacy.candidates ?? []).toEqual([])
    expect(pharmacy.text).not.toContain('Có thể liên quan')
    // "Ủy quyền lĩnh thay các chế độ bảo hiểm xã hội, trợ cấp thất nghiệp" holds what is asked
    const benefit = await portal.kb.answer('xin trợ cấp thất nghiệp')
    expect(benefit.kind).toBe('not_found')
    expect((benefit.candidates ?? []).map((c) => c.code)).toEqual(['1.001601'])
  })

  it('still answers what the records hold beside those topics: a vet clinic, health insurance at a private clinic', async () => {
    const vet = await portal.kb.answer('mở phòng khám thú y cho chó mèo, xin chứng chỉ hành nghề thú y ở đâu')
    expect(vet.procedure?.code).toBe('1.004756')
    const clinic = await portal.kb.answer('đi khám ở phòng khám tư có được bhyt thanh toán không')
    expect(clinic.procedure?.code).toBe('1.001656')
  })

  it('reads a topic the records lack told only in the story as the story, when the request names its own topic', async () => {
    const told = await portal.kb.answer(
      'dạ chú ơi cho cháu hỏi, cháu 19 tuổi đang trong độ tuổi nghĩa vụ quân sự, sắp vào Bình Dương làm công nhân 6 tháng thì có phải khai báo tạm vắng với công an xã không ạ',
    )
    expect(['answer', 'clarify']).toContain(told.kind)
    expect(told.procedure?.code ?? told.candidates?.[0]?.code).toBe('1.003677')
    // asked in the request itself, it is still not covered
    const asked = await portal.kb.answer(
      'cháu năm nay 18 tuổi, đã đi làm công nhân ở Bình Dương, giờ muốn đăng ký nghĩa vụ quân sự thì làm ở đâu',
    )
    expect(asked.kind).toBe('not_found')
  })

  it('still answers the security certificate of a karaoke or a pawnshop, which the records hold', async () => {
    for (const question of [
      'quán karaoke xin giấy chứng nhận đủ điều kiện về an ninh trật tự ở đâu',
      'kinh doanh cầm đồ xin giấy chứng nhận an ninh trật tự',
    ]) {
      const answer = await portal.kb.answer(question)
      expect(['answer', 'clarify']).toContain(answer.kind)
      const offered = answer.procedure
        ? [answer.procedure.code]
        : (answer.candidates ?? []).map((c) => c.code)
      expect(offered.some((code) => ['2.001478', '2.001402'].includes(code))).toBe(true)
    }
  })

  it('still offers the BHXH funeral allowance, which no topic phrase names', async () => {
    const answer = await portal.kb.answer('bố mất thì gia đình nhận trợ cấp mai táng ở bảo hiểm thế nào')
    expect(answer.kind).toBe('clarify')
    expect(answer.candidates?.map((c) => c.code)).toContain('2.000821')
  })

  it('still answers a procedure whose purpose is named after "để" or "cho"', async () => {
    const answer = await portal.kb.answer('xin mẫu CT07 xác nhận cư trú cho con nhập học')
    expect(answer).toMatchObject({ kind: 'answer', procedure: { code: '1.010041' } })
    // A benefit claim fits the procedures that pay it (answered, or asked between its variants).
    const benefit = await portal.kb.answer('hưởng chế độ thai sản bhxh')
    expect(['answer', 'clarify']).toContain(benefit.kind)
    expect([benefit.procedure?.code, ...(benefit.candidates ?? []).map((c) => c.code)]).toContain('2.000693')
  })

  it('offers a name that misses the object asked for only as a choice ("thẻ tạm trú")', async () => {
    const answer = await portal.kb.answer('cấp thẻ tạm trú cho người nước ngoài làm việc tại công ty')
    expect(answer.kind).not.toBe('answer')
  })
})

describe('intents that are not procedures', () => {
  eachAnswer(portal, readQuestions('absent-contact'))(
    'gives the hotline for "%s", never a procedure',
    (answer) => {
      expect(answer).toMatchObject({ kind: 'contact', handoff: true })
      expect(answer.text).toContain('1800 1096')
    },
  )

  eachAnswer(portal, readQuestions('absent-status'))(
    'says where to look up "%s", never a procedure',
    (answer) => {
      expect(answer.kind).toBe('status')
      expect(answer.text).toContain('Tra cứu hồ sơ')
    },
  )

  it('echoes a receipt code', async () => {
    const answer = await portal.kb.answer('ma ho so 000.00.07.H22-260315-0012 xem ket qua o dau')
    expect(answer).toMatchObject({ kind: 'status', receiptCode: '000.00.07.H22-260315-0012' })
  })

  it('says it cannot call back before the ways to reach someone, when a call back is asked for', async () => {
    const answer = await portal.kb.answer('nhờ cán bộ gọi lại cho tôi số 0912345678')
    expect(answer).toMatchObject({ kind: 'contact', handoff: true })
    expect(answer.text).toMatch(/^Trợ lý số không gọi điện lại được\. .*1800 1096/)
    const plain = await portal.kb.answer('cho tôi gặp nhân viên')
    expect(plain.text).not.toContain('gọi điện lại')
  })
})
