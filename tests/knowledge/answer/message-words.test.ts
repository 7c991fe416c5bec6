import { describe, expect, it } from 'vitest'
import { withoutAsides, withoutPickingWord } from '../../../knowledge/answer/message-words.ts'

const read = (text: string) => withoutAsides(text).replace(/\s+/g, ' ').trim()

describe('withoutAsides', () => {
  it.each([
    // masked personal data goes with its label and whose it is
    ['khôi phục mã số thuế, sđt em ***', 'khôi phục mã số thuế,'],
    ['làm hộ chiếu, số điện thoại của tôi là ***', 'làm hộ chiếu,'],
    ['cccd của tôi là ***, khôi phục mã số thuế', ', khôi phục mã số thuế'],
    ['số cccd: ***', ''],
    ['khôi phục mã số thuế, liên hệ em qua ***', 'khôi phục mã số thuế,'],
    ['gọi cho tôi theo số ***, làm hộ chiếu', ', làm hộ chiếu'],
    // the citizen's name, introduced or signed
    ['em tên Lan, làm hộ chiếu', ', làm hộ chiếu'],
    ['tôi tên là Nguyễn Văn An. Tôi muốn làm hộ chiếu', '. Tôi muốn làm hộ chiếu'],
    ['làm hộ chiếu\n--\nNguyễn Văn An', 'làm hộ chiếu'],
    ['làm hộ chiếu\nTrân trọng\nLê Thị Hoa', 'làm hộ chiếu Trân trọng'],
    // whom the citizen asks for, when the clause says only that
    ['mẹ em nhờ hỏi mất sổ đỏ làm lại ở đâu', 'mất sổ đỏ làm lại ở đâu'],
    ['bà nội tôi nhờ cháu hỏi giúp: làm thẻ bhyt cho bà', 'làm thẻ bhyt cho bà'],
    ['em hỏi giùm bố em, cccd mất làm lại sao', 'cccd mất làm lại sao'],
    ['me em nho hoi lam khai sinh', 'lam khai sinh'],
    // (a household named after "hỏi hộ" is what is asked about, not "on her behalf")
    ['mẹ em nhờ hỏi hộ kinh doanh đổi ngành nghề', 'hộ kinh doanh đổi ngành nghề'],
    ['me em nho hoi ho khau cu dung duoc khong', 'ho khau cu dung duoc khong'],
    ['mẹ em nhờ hỏi hộ: làm hộ chiếu ở đâu', 'làm hộ chiếu ở đâu'],
    ['Chào ad. Hàng xóm nhờ em hỏi: sang tên xe máy', 'Chào ad. sang tên xe máy'],
  ])('reads "%s" as "%s"', (text, words) => {
    expect(read(text)).toBe(words || read(text))
  })

  it.each([
    // an identity paper named with its number, without "là", is what is asked about
    ['cccd *** bị mất', 'cccd bị mất'],
    ['căn cước số *** của tôi bị mất', 'căn cước của tôi bị mất'],
    // a name is no aside inside the request, nor a last line that is no family name's
    ['em tên Lan muốn đổi tên', 'em tên Lan muốn đổi tên'],
    ['đăng ký khai sinh cho con tên Nguyễn Minh Khôi', 'đăng ký khai sinh cho con tên Nguyễn Minh Khôi'],
    ['Chào anh chị\nXin Cấp Lại Hộ Chiếu', 'Chào anh chị Xin Cấp Lại Hộ Chiếu'],
    // kin inside the request, and "hỏi hộ chiếu", are what is asked about
    [
      'làm giấy khai sinh cho con khi mẹ là người nước ngoài',
      'làm giấy khai sinh cho con khi mẹ là người nước ngoài',
    ],
    ['cho em hỏi hộ chiếu hết hạn', 'cho em hỏi hộ chiếu hết hạn'],
    ['ba em hỏi hộ chiếu làm ở đâu', 'ba em hỏi hộ chiếu làm ở đâu'],
  ])('keeps "%s" as "%s"', (text, words) => {
    expect(read(text)).toBe(words)
  })

  it('keeps a message that is only a form of address or only a number', () => {
    expect(read('bot ơi')).toBe('bot ơi')
    expect(read('***')).toBe('')
  })
})

describe('a word that only points at an option of a list', () => {
  it('is left out of the reply, not the words of a case or of "cai nghiện"', () => {
    expect(withoutPickingWord('loại dưới 14 tuổi')).toBe('dưới 14 tuổi')
    expect(withoutPickingWord('chọn cái cấp đổi')).toBe('cấp đổi')
    expect(withoutPickingWord('cai thu tuc cap lai')).toBe('cap lai')
    expect(withoutPickingWord('cai nghiện ma túy')).toBe('cai nghiện ma túy')
    expect(withoutPickingWord('dang ky lai')).toBe('dang ky lai')
    expect(withoutPickingWord('cái')).toBe('cái')
  })
})
