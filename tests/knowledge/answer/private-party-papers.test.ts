import { expect, it } from 'vitest'
import { asksMarketChoice } from '../../../knowledge/answer/asks-market-choice.ts'
import { foldVietnamese } from '../../../knowledge/search/normalize-vietnamese.ts'
import { describeOnPortal } from '../../helpers/portal-knowledge-base.ts'
import { itDeclines, itKeepsQuestions } from '../../helpers/portal-question-tables.ts'

/**
 * "Hồ sơ" and "giấy tờ" beside a seller's warranty, a shop or a boss are that party's papers, not
 * evidence of public administration; other words of administration beside them still are. A plan
 * compared by its value for money ("gói … nào … đáng tiền") is a choice on the market.
 */
describeOnPortal("a private party's papers and plans compared by value (the national export)", (portal) => {
  itDeclines(portal, 'sends "%s" away as out of scope', [
    'mang điện thoại ra tiệm sửa, họ bảo phải có hồ sơ bảo hành mới đổi máy mới',
    'cửa hàng đòi giấy tờ bảo hành mới cho đổi trả, tôi làm mất rồi',
    'sếp giao làm hồ sơ dự án gấp quá, làm sao cho kịp',
    'gói bảo hiểm sức khỏe nào cho bố mẹ già đáng tiền nhất',
    // leave asked of parents
    'viết sao để xin giấy phép của ba mẹ cho đi cắm trại qua đêm',
    // papers for an employer one applies to
    'phỏng vấn xin việc cần mang giấy tờ gì',
    // a school abroad's papers, a shop's membership card
    'hồ sơ du học úc cần những gì',
    'làm thẻ thành viên coopmart',
  ])

  itKeepsQuestions(portal, 'keeps "%s" a procedure question', [
    'sếp yêu cầu nộp lý lịch tư pháp thì xin ở đâu',
    'đi xin việc cần lý lịch tư pháp thì làm ở đâu',
    'mở cửa hàng tạp hóa cần hồ sơ gì',
    'bố mẹ tôi xin giấy phép xây dựng nhà ở riêng lẻ ở đâu',
    'đi du học cần lý lịch tư pháp số 2 xin ở đâu',
  ])

  it('reads a plan compared by its value for money, with several words describing it, as a market choice', () => {
    expect(asksMarketChoice(foldVietnamese('gói bảo hiểm nhân thọ nào cho con đáng tiền nhất'))).toBe(true)
    expect(asksMarketChoice(foldVietnamese('gói cước internet cáp quang nào đáng tiền'))).toBe(true)
    expect(asksMarketChoice(foldVietnamese('đóng bảo hiểm xã hội tự nguyện mức nào'))).toBe(false)
    // what price is reasonable is a judgement of the market; the fee asked is not
    expect(asksMarketChoice(foldVietnamese('phí quản lý chung cư bao nhiêu một mét vuông là hợp lý'))).toBe(
      true,
    )
    expect(asksMarketChoice(foldVietnamese('lệ phí cấp sổ đỏ bao nhiêu'))).toBe(false)
    // "xịn" typed without marks is "xin", but not the "xin" that thanks or asks after a question
    expect(asksMarketChoice(foldVietnamese('mua iphone ở đâu xịn'))).toBe(true)
    expect(
      asksMarketChoice(foldVietnamese('thuê phòng trọ thì đăng ký tạm trú ở đâu. Xin trân trọng cảm ơn!')),
    ).toBe(false)
  })
})
