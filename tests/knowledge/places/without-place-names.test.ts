import { describe, expect, it } from 'vitest'
import { builtInPlaceNotes } from '../../../knowledge/places/create-place-notes.ts'
import { withoutPlaceNames } from '../../../knowledge/places/without-place-names.ts'

const places = builtInPlaceNotes()

describe('withoutPlaceNames', () => {
  it.each([
    // a province or commune named leaves, with the "(đang) ở" before it and the "cũ" after
    ['tách thửa đất ở Bình Dương cũ', 'tách thửa đất'],
    ['mua dat o Long An cu, sang ten so do', 'mua dat , sang ten so do'],
    ['gia hạn visa cho bạn trai đang ở Đà Nẵng', 'gia hạn visa cho bạn trai'],
    // where the citizen is, with its unit word: a province (one merged before 2008 too), a district, a commune
    ['hộ nghèo ở xã Tân Hòa', 'hộ nghèo'],
    ['tôi ở tỉnh Hà Tây cũ, sửa đổi giấy chứng nhận', 'tôi , sửa đổi giấy chứng nhận'],
    ['lam so do o tinh ha tay cu', 'lam so do'],
    ['đăng ký tạm trú ở quận Cầu Giấy cũ', 'đăng ký tạm trú'],
    ['sang tên xe tại phường Hoàn Kiếm', 'sang tên xe'],
    // the unit word of a body, a district body, a commune typed without marks and the way something goes stay
    ['khiếu nại công an tỉnh Hà Nam', 'khiếu nại công an tỉnh'],
    ['khiếu nại công an quận Hoàn Kiếm', 'khiếu nại công an quận Hoàn Kiếm'],
    ['khiếu nại công an huyện', 'khiếu nại công an huyện'],
    ['cap lai giay dang ky phuong tien thuy', 'cap lai giay dang ky phuong tien thuy'],
    ['mang nhân dân tệ từ Lạng Sơn vào Hà Nội', 'mang nhân dân tệ từ vào'],
    // the country as where the citizen is; coming back to it and its nationality stay
    ['làm hộ chiếu ở Việt Nam', 'làm hộ chiếu'],
    ['dang ky ket hon o VN can giay gi', 'dang ky ket hon can giay gi'],
    ['khai sinh cho con sinh ở Nhật nay về Việt Nam', 'khai sinh cho con sinh ở Nhật nay về Việt Nam'],
    ['nhập quốc tịch Việt Nam', 'nhập quốc tịch Việt Nam'],
    ['bé sinh ở Việt Nam, làm khai sinh', 'bé sinh ở Việt Nam, làm khai sinh'],
    // the question itself when nothing else would be left
    ['Hà Nội', 'Hà Nội'],
  ])('reads "%s" as "%s" for the search', (question, searched) => {
    expect(withoutPlaceNames(question, places.find(question)).replace(/\s+/g, ' ').trim()).toBe(searched)
  })

  it('keeps the country of a message about someone or somewhere abroad', () => {
    const question = 'người nước ngoài đang sống tại Việt Nam xin thị thực'
    expect(withoutPlaceNames(question, [], () => true)).toBe(question)
    expect(withoutPlaceNames(question, []).replace(/\s+/g, ' ')).toBe('người nước ngoài xin thị thực')
  })
})
