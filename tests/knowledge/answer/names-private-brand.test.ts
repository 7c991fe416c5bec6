import { describe, expect, it } from 'vitest'
import { namesPrivateBrand } from '../../../knowledge/answer/names-private-brand.ts'
import { analyzeText, foldVietnamese } from '../../../knowledge/search/normalize-vietnamese.ts'

const names = (text: string) => namesPrivateBrand(foldVietnamese(text), analyzeText(text))

describe('namesPrivateBrand', () => {
  it.each([
    'dang ky tai khoan shopee de mua hang',
    'gia han thue bao netflix bang the visa',
    'khai bao bien trong python nhu the nao',
    'dang ky thi ielts o hoi dong anh',
    'bao hiem man hinh dien thoai o the gioi di dong',
    'dang ky tai khoan lien quan mobile moi cho con',
    'dang ky ket hon trong game ngoi sao thoi trang',
  ])('finds a private app, platform, brand, product, test or game in "%s"', (text) => {
    expect(namesPrivateBrand(text)).not.toBeNull()
  })

  it('reads a name with marks as typed in a message typed with marks', () => {
    // "lại thủ" and "lai thu" of "biên lai thu phí" are no "lái thử"
    expect(names('có phải làm lại thủ tục công bố bến xe khách không')).toBeNull()
    expect(names('tự in biên lai thu phí có phải báo phát hành không')).toBeNull()
    expect(names('đăng ký lái thử xe ở đại lý')).toBe('brand')
    // without marks the folded name still counts
    expect(names('dang ky lai thu xe o dai ly')).toBe('brand')
  })

  it('takes a job application, a student card, a party, a consumer loan, a cooking class, a membership card and a parking ticket as private life', () => {
    expect(names('hồ sơ xin việc vào công ty tư nhân')).toBe('brand')
    expect(names('cấp lại thẻ sinh viên bị mất')).toBe('brand')
    expect(names('thủ tục đặt tiệc cưới ở nhà hàng')).toBe('brand')
    expect(names('đăng ký khóa học nấu ăn cuối tuần')).toBe('brand')
    expect(names('mất vé gửi xe ở trung tâm thương mại')).toBe('brand')
    expect(names('thẻ tích điểm bị mất')).toBe('brand')
    expect(names('dien thoai con bao hanh, mang ra hang lam thu tuc bao hanh')).toBe('brand')
    // a sports shooting club is licensed: no private thing
    expect(names('câu lạc bộ bắn súng thể thao xin giấy phép sử dụng vũ khí thể thao')).toBeNull()
    // a loan for social housing is a public one
    expect(names('vay mua nhà ở xã hội')).toBeNull()
  })

  it('takes an e-wallet, a hire purchase, a race, a class trip and a chat name as private life', () => {
    expect(names('mua xe máy trả góp qua công ty tài chính')).toBe('brand')
    expect(names('xác thực ví momo bằng căn cước')).toBe('brand')
    expect(names('đổi tên hiển thị zalo')).toBe('brand')
    expect(names('chuyển nhượng bib giải chạy marathon')).toBe('brand')
    expect(names('lớp con em tổ chức đi dã ngoại cuối tuần')).toBe('brand')
  })

  it("takes a language centre, a music school, a choir, a self-drive car, a bank app's OTP and a year-end party as private life", () => {
    expect(names('trung tâm tiếng Anh làm mất giấy chứng nhận hoàn thành khóa học, xin cấp lại')).toBe(
      'brand',
    )
    expect(names('dang ky lop ve thieu nhi co phai dong tien truoc')).toBe('brand')
    expect(names('đăng ký cho con vào ca đoàn của giáo xứ')).toBe('brand')
    expect(names('thuê xe tự lái bị giữ tiền cọc')).toBe('brand')
    expect(names('đổi điện thoại phải đăng ký lại smart otp')).toBe('brand')
    expect(names('đăng ký danh sách dự tiệc tất niên công ty')).toBe('brand')
  })

  it("takes a sports club's tryouts as a brand, beside which a dossier is an everyday one", () => {
    expect(names('nộp hồ sơ thử việc vào câu lạc bộ bóng đá Hà Nội')).toBe('brand')
    expect(names('dang ky cho con du tuyen hoc vien bong da HAGL')).toBe('brand')
    // the licence of a business taking bets on football is no club
    expect(names('cấp giấy chứng nhận đủ điều kiện kinh doanh đặt cược bóng đá quốc tế')).not.toBe('brand')
  })

  it('tells a game from an app, and reads an everyday word without marks as that word', () => {
    expect(names('đăng ký tài khoản Liên Quân mới cho con thế nào')).toBe('game')
    expect(names('đăng ký kết hôn trong game Ngôi Sao Thời Trang')).toBe('game')
    expect(names('quen nhau qua TikTok giờ muốn đăng ký kết hôn')).toBe('brand')
    // "lien quan" typed without marks is "liên quan" (related)
    expect(names('xin phép hoạt động liên quan đến đê điều ở đâu')).toBeNull()
    expect(names('xin phep hoat dong lien quan den de dieu')).toBeNull()
  })

  it('takes a story as a game, and a café chain, a bank, an airline or a leisure venue as a brand', () => {
    expect(names('căn cước của nhân vật trong truyện tên gì')).toBe('game')
    expect(names('ho chieu cua Harry Potter mau gi')).toBe('game')
    for (const text of [
      'làm thẻ thành viên Highlands',
      'mo tai khoan vietcombank can gi',
      'thủ tục check in ở sân bay',
      'dang ky tap gym bao nhieu tien',
      'lệ phí vào cổng công viên nước',
    ])
      expect(names(text), text).toBe('brand')
  })

  it('takes a place or business that runs games, and a plain question, as no such name', () => {
    for (const text of [
      'xin giay phep mo phong game can gi',
      'kinh doanh game online phai xin giay phep gi',
      'dang ky ket hon can giay to gi',
      'quan li tai khoan dinh danh dien tu',
      'quảng cáo thuốc thú y trên báo có phải xin xác nhận nội dung không',
    ])
      expect(namesPrivateBrand(text), text).toBeNull()
  })

  it('tells sport and food from brands, and reads "sữa chua" only as typed with marks', () => {
    expect(names('Messi mang quốc tịch nước nào')).toBe('everyday')
    expect(names('hạn sử dụng của sữa chua là mấy ngày')).toBe('everyday')
    expect(names('sua chua nha o')).toBeNull()
    expect(names('đăng ký kết bạn zalo với người lạ')).toBe('brand')
    expect(names('giấy phép lái xe trong game GTA')).toBe('game')
  })
})
