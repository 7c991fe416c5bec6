import { expect, it } from 'vitest'
import { offeredCodes } from '../../helpers/offered-codes.ts'
import { describeOnPortal } from '../../helpers/portal-knowledge-base.ts'

/**
 * Procedure questions in everyday words for the records' objects ("lấy vợ" for "kết hôn", "sai năm
 * sinh" for "cải chính hộ tịch", "cho thuê nhà trọ" for "cho thuê bất động sản", "dự báo thời tiết"
 * for "dự báo khí tượng thủy văn", "xin hộ nghèo", "chia đất" a parent left, "ở nhờ" and a police
 * declaration for "lưu trú", "lũ lụt" for "thiên tai", "khoan giếng" for "khai thác nước dưới đất") get the procedure or a question about it,
 * never "not covered".
 */
describeOnPortal('everyday words for the objects of the records (the national export)', (portal) => {
  const offered = async (text: string) => {
    const answer = await portal.kb.answer(text, {})
    return {
      kind: answer.kind,
      codes: offeredCodes(answer),
    }
  }

  it.each([
    ['cưới vợ cần giấy tờ gì', ['1.000894']],
    ['giấy khai sinh của con sai năm sinh muốn sửa lại', ['1.004859']],
    ['cho thuê nhà trọ có phải khai thuế không', ['1.007689', '1.011021']],
    ['doanh nghiệp làm dịch vụ dự báo thời tiết xin phép ở đâu', ['1.000987', '1.003099']],
    ['nhà nghèo quá muốn xin hộ nghèo thì làm sao', ['1.011607', '1.011606']],
    ['bố mất để lại di chúc, anh em muốn chia đất thì làm thủ tục gì', ['2.001406']],
    ['bạn ở quê lên ở nhờ mấy hôm có phải khai báo không', ['2.001159']],
    ['cửa hàng bị lũ lụt cuốn trôi hàng có được giảm thuế không', ['3.000083']],
    ['đào giếng nước ở nhà có cần đăng ký không', ['1.001662']],
    ['khoan giếng có phải xin phép', ['1.001662']],
    // a shop named for its trade is a household business, and a guest staying the night is a stay to report
    ['tiệm tạp hóa nhà tôi phải đóng thuế thế nào', ['1.011022']],
    ['nhà nghỉ của tôi có 10 phòng, khách ở lại phải khai báo gì', ['2.001159']],
    // a guest named by nationality is a foreigner, whose stay is declared differently
    ['nhà tôi có khách Hàn Quốc đến ở, khai báo tạm trú thế nào', ['1.000253', '1.001437']],
    // naming a child again is changing the civil-status record; a child born abroad is a birth with a foreign element
    ['đặt tên lại cho con', ['1.004859']],
    ['con sinh ra ở nước ngoài về việt nam đăng ký', ['2.000528', '1.000110']],
    // merging two plots
    ['gộp hai sổ đỏ thành một', ['1.012784']],
    // giving up nationality, said without "Việt Nam"
    ['bỏ quốc tịch', ['2.002036', '1.005141']],
    // teaching driving is training drivers
    ['mở trung tâm dạy bằng lái ô tô cần giấy phép gì', ['1.001777']],
    // a father recognising the speaker as his child, the speaker told by a southern pronoun
    [
      'Ba má tui sống chung mà hổng có làm giấy kết hôn, giờ tui 25 tuổi rồi, ba muốn làm giấy tờ nhận tui là con thì làm sao?',
      ['1.001022'],
    ],
    // a supervisor's or a designer's certificate is a construction practice certificate
    ['CCHN giám sát của em bị mất lúc chuyển nhà, giờ xin lại thế nào', ['1.013217']],
    ['Kỹ sư mới ra trường xin chứng chỉ thiết kế hạng 3 sao?', ['1.013237']],
    // exploring for limestone or a mine is exploring for minerals
    [
      'Giấy phép thăm dò đá vôi sắp hết hạn mà chưa thăm dò xong, xin gia hạn mất phí bao nhiêu?',
      ['1.014263', '1.014235'],
    ],
    // a household registration "cut" is the permanent residence deleted
    ['Con định cư nước ngoài rồi, hộ khẩu cắt răng?', ['1.003197']],
    // working again after a suspension is restoring the activity
    ['quan karaoke bi dinh chi vi PCCC, gio muon hoat dong lai thi lam sao', ['3.000494']],
    ['cơ sở bị tạm đình chỉ hoạt động về pccc, muốn mở cửa lại', ['3.000494']],
  ])('answers "%s" with its procedure or asks about it', async (text, codes) => {
    const { kind, codes: given } = await offered(text)
    expect(['answer', 'clarify']).toContain(kind)
    expect(given.some((c) => codes.includes(c as string))).toBe(true)
  })

  it('keeps a marriage the question tells of, not asks about, out of the marriage registration', async () => {
    const { codes } = await offered(
      'vợ tôi người Trung Quốc, lấy chồng Việt đã 5 năm, xin thẻ thường trú được không',
    )
    expect(codes[0]).not.toBe('1.000894')
  })

  it("takes a shop's new name as no change of a person's civil status", async () => {
    const answer = await portal.kb.answer('tiem thuoc thu y doi ten, lam lai giay ko', {})
    expect(offeredCodes(answer)).not.toContain('1.004859')
  })

  it('still declines a weather forecast as out of scope', async () => {
    const answer = await portal.kb.answer('dự báo thời tiết ngày mai ở Hà Nội', {})
    expect(answer.kind).toBe('not_found')
    expect(answer.candidates).toBeUndefined()
  })
})
