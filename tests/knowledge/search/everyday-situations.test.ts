import { expect, it } from 'vitest'
import { describeOnPortal } from '../../helpers/portal-knowledge-base.ts'

// Everyday ways citizens tell a situation instead of naming the procedure (knowledge/data/synonyms.json):
// a second-hand vehicle still in the seller's name, land never certified or split between children,
// a neighbour's wall over the boundary, a shop paused or closed for good, insurance paid by oneself or
// taken out at once, a clean criminal record, licence points lost, a pension collected for a parent,
// a child's surname, proof of being single, a rented room, legal aid, going away for work, a relative
// staying over, an estate shared out after a death, a shop moved to a new address, an identity card
// for a child told by school year, and a marriage told only as the story of a household split.
describeOnPortal('situations told in everyday words on the portal export', (portal) => {
  it.each([
    ['mua lại xe máy của anh họ, xe vẫn đứng tên anh ấy, làm sao cho xe đứng tên mình', '1.013076'],
    ['đất nhà tôi ở từ năm 1985 đến nay vẫn chưa có sổ đỏ, giờ làm thế nào', '1.013978'],
    ['đất mua bằng giấy viết tay từ năm 2000 giờ muốn làm sổ', '1.013978'],
    ['bố mẹ muốn chia mảnh đất cho hai đứa con, mỗi người một sổ thì làm sao', '1.012784'],
    ['nhà bên cạnh xây tường lấn sang đất nhà tôi, xã có giải quyết không', '1.012812'],
    ['quán nước nhà em muốn nghỉ bán 2 tháng thì báo ở đâu', '1.001570'],
    // closing for a while is a pause, not the closing of a mine; standing as a vehicle's owner is its transfer
    ['tiệm tóc của chị tôi muốn đóng cửa một thời gian để sửa lại, có phải báo không', '1.001570'],
    ['mua lại ô tô cũ của bạn, muốn đứng tên xe thì làm gì', '1.013076'],
    ['đóng cửa hộ kinh doanh vì nghỉ bán hẳn', '1.001266'],
    ['tiệm tạp hóa của mẹ không bán nữa, muốn dẹp tiệm luôn thì làm gì', '1.001266'],
    ['làm nghề tự do muốn tự đóng bảo hiểm để sau này có lương hưu', '1.002179'],
    ['nghỉ việc được 1 năm, muốn rút hết tiền bảo hiểm xã hội', '1.001613'],
    ['công ty yêu cầu giấy chứng nhận không có tiền án tiền sự', '3.000333'],
    ['bằng lái bị trừ hết điểm thì phải làm gì để lấy lại', '1.013211'],
    ['bà tôi già yếu, tôi muốn lĩnh thay lương hưu cho bà', '1.001601'],
    ['muốn đổi họ cho con từ họ mẹ sang họ bố', '1.004859'],
    ['ngân hàng yêu cầu giấy chứng minh chưa có vợ', '1.004873'],
    ['nhà nghèo bị kiện, muốn nhờ nhà nước cử luật sư giúp', '2.000829'],
    ['sắp đi làm ăn xa nửa năm có phải khai báo với công an xã không', '1.003677'],
    ['em trai tôi lấy vợ rồi, giờ muốn tách hộ khẩu ra ở riêng', '1.010038'],
    ['mẹ tôi dưới quê lên ở chơi 2 tuần có phải báo công an không', '2.001159'],
    ['mẹ mất không để lại di chúc, 3 chị em muốn chia căn nhà của mẹ', '2.001406'],
    ['bố tôi yếu rồi, tôi lĩnh lương hưu thay bố được không', '1.001601'],
    ['tiệm tóc hộ kinh doanh của em chuyển sang địa điểm mới thì phải làm gì', '2.000720'],
    ['cháu tôi học lớp 2, nghe nói trẻ con cũng làm được căn cước, làm ở đâu', '1.014062'],
  ])('"%s" finds one of %s first', (question, codes) => {
    expect(codes.split(',')).toContain(portal.kb.search(question, { limit: 3 })[0]?.code)
  })

  it('does not answer a household split as a marriage registration when the story tells of a wedding', async () => {
    const answer = await portal.kb.answer('em trai tôi lấy vợ rồi, giờ muốn tách hộ khẩu ra ở riêng')
    expect(answer.procedure?.code).not.toBe('1.000894')
    expect(answer.candidates?.map((c) => c.code) ?? [answer.procedure?.code]).toContain('1.010038')
  })
})
