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
    // the unit word, a district body, a commune typed without marks and the way something goes stay
    ['khiếu nại công an tỉnh Hà Nam', 'khiếu nại công an tỉnh'],
    ['hộ nghèo ở xã Tân Hòa', 'hộ nghèo ở xã'],
    ['khiếu nại công an huyện', 'khiếu nại công an huyện'],
    ['cap lai giay dang ky phuong tien thuy', 'cap lai giay dang ky phuong tien thuy'],
    ['mang nhân dân tệ từ Lạng Sơn vào Hà Nội', 'mang nhân dân tệ từ vào'],
    // the question itself when nothing else would be left
    ['Hà Nội', 'Hà Nội'],
  ])('reads "%s" as "%s" for the search', (question, searched) => {
    expect(withoutPlaceNames(question, places.find(question)).replace(/\s+/g, ' ').trim()).toBe(searched)
  })
})
