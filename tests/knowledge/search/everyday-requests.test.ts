import { describeOnPortal } from '../../helpers/portal-knowledge-base.ts'
import { itRanksFirst } from '../../helpers/portal-question-tables.ts'

/**
 * Everyday words for what the records name otherwise (knowledge/data/synonyms.json), each read as the
 * name of the record that holds them: the first result is a procedure a careful official would accept.
 */
describeOnPortal('everyday requests on the portal export', (portal) => {
  itRanksFirst(
    portal,
    '"%s" finds %s first',
    [
      ['đăng ký xe máy điện mới mua', '1.013067'],
      ['xin cấp lại giấy phép lái tàu hỏa', '1.003897'],
      ['con tôi làm mất thẻ bhyt', '1.002759'],
      ['muốn chuyển nhượng mỏ cát cho công ty khác', ['1.014270', '1.014243']],
      ['vợ chồng tôi muốn nhận con nuôi', '2.001263'],
      ['mất giấy đăng ký thuyền', '1.003930'],
      ['giải thể chi nhánh của công ty', '2.002020'],
      ['thành lập htx', '1.005280'],
      ['lệ phí sang tên xe máy', '1.013076'],
      ['xin mã số thuế cá nhân', '1.008498'],
      ['hỗ trợ thiệt hại do cúm gia cầm', '1.013997'],
      ['làm giấy chứng nhận độc thân', '1.004873'],
      ['đăng ký xe ô tô cũ mua lại', '1.013076'],
      // an identity card named as what is certified is a copy of a paper, not the card's own procedure
      ['công chứng căn cước hết bao nhiêu', '2.000815'],
      ['chứng thực cmnd ở đâu', '2.000815'],
      // carrying passengers or goods for hire is a transport business, not a driving licence
      ['chở khách bằng xe 7 chỗ', '1.000703'],
      ['chạy xe tải chở hàng thuê cần giấy phép gì', '1.000703'],
      ['giấy phép kinh doanh taxi', '1.000703'],
      ['đăng ký kinh doanh xe khách', '1.000703'],
      // a Vietnamese settled abroad makes a civil-status event one "có yếu tố nước ngoài"
      ['đăng ký kết hôn với người Việt Nam định cư ở Mỹ', '2.000806'],
      // closing a company for good is its dissolution; a name taken off the household book a removal
      ['muốn đóng công ty', '2.002023'],
      ['muốn bỏ tên em trai ra khỏi sổ hộ khẩu', '1.003197'],
      // a land certificate is re-issued only when lost (a damaged one is exchanged), never a betting licence
      ['xin cấp lại sổ đỏ', '1.012786'],
      ['sổ đỏ bị mất trộm cùng két sắt thì xin cấp lại thế nào', '1.012786'],
      // land sold by the plot ("miếng đất")
      ['muốn bán miếng đất cho người ta thì làm thủ tục gì', '1.013831'],
      ['muốn bán nhà thì làm giấy tờ gì', '1.013831'],
      // a storey added, fish raised in cages, a chicken farm
      ['muốn xây thêm một tầng', '1.013229'],
      ['nuôi cá lồng bè trên sông có phải đăng ký không', ['1.004692', '1.014801', '1.014834']],
      ['muốn làm trang trại nuôi gà', '1.008128'],
      // a paper stolen or dropped is a paper lost
      ['bị lấy cắp hộ chiếu', '1.010386'],
      ['đánh rơi passport ở sân bay phải làm sao', '1.010386'],
      ['bị móc túi mất căn cước ở chợ, thường trú ở Nghệ An thì cấp lại ở đâu', ['1.014064', '2.001194']],
    ],
    { limit: 1 },
  )
})
