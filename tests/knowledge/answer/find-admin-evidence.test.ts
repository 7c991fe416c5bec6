import { describe, expect, it } from 'vitest'
import { createAbsentTopics } from '../../../knowledge/answer/absent-topics.ts'
import { classifyMessage, isOutsideRecords } from '../../../knowledge/answer/classify-message.ts'
import {
  findAdminEvidence,
  isAdminWording,
  PAIR_SHARE,
} from '../../../knowledge/answer/find-admin-evidence.ts'
import { expandQuery } from '../../../knowledge/search/expand-query.ts'
import { loadSynonyms } from '../../../knowledge/search/load-synonyms.ts'
import { describeOnPortal } from '../../helpers/portal-knowledge-base.ts'
import { eachAnswer, itDeclines, itKeepsQuestions } from '../../helpers/portal-question-tables.ts'
import { readCases } from '../../helpers/read-cases.ts'

const synonyms = loadSynonyms()
const topics = createAbsentTopics({ topics: { banks: ['thẻ tín dụng'] } })
/** Procedure names holding these pairs, each in about three names of the national export. */
const held = (pairs: string[]) => (word: string) => (pairs.includes(word) ? 0.001 : 0)
const evidence = (text: string, pairs: string[] = []) =>
  findAdminEvidence({ query: expandQuery(text, synonyms), synonyms, wordShare: held(pairs), topics })

describe('findAdminEvidence', () => {
  it('finds a word of administration, an everyday name of a paper, a pair the names hold, a service topic', () => {
    expect(evidence('nhập khẩu cho con mới đẻ')).toBe('phrase')
    expect(evidence('mất cà vẹt xe máy')).toBe('name')
    expect(evidence('LLTP bao lâu thì có')).toBe('name')
    expect(evidence('nuôi chim yến trong nhà', ['chim_yen'])).toBe('pair')
    expect(evidence('nuôi chim yến trong nhà')).toBeNull()
    expect(evidence('mở thẻ tín dụng')).toBe('topic')
  })

  it('takes no everyday single word, place abroad, chance pair or number as evidence', () => {
    // "học", "xe", "mất" alone are everyday words; "Hàn Quốc" is a place, not a paper
    expect(evidence('học tiếng Nhật ở đâu tốt')).toBeNull()
    expect(evidence('xe máy bị khó nổ buổi sáng')).toBeNull()
    expect(evidence('mất ngủ kéo dài có nguy hiểm không')).toBeNull()
    expect(evidence('mỹ phẩm hàn quốc nào tốt cho da dầu')).toBeNull()
    // a pair held by a single name is chance; a pair with a digit names a date or an amount
    const once = (word: string) => (word === 'ca_chua' ? PAIR_SHARE / 2 : word === 'thang_7' ? 0.01 : 0)
    for (const text of ['trồng cà chua trong chậu', 'rằm tháng 7 cúng gì'])
      expect(findAdminEvidence({ query: expandQuery(text, synonyms), wordShare: once }), text).toBeNull()
  })

  it('takes an everyday name the dictionary reads as a term only in its context as evidence only there', () => {
    // "dự báo thời tiết" is the forecasting licence next to "hoạt động", "giấy phép", "công ty" …
    expect(evidence('hoạt động dự báo thời tiết')).toBe('name')
    expect(evidence('dự báo thời tiết')).toBeNull()
    // "bị ố" reads as a damaged land certificate only next to "sổ đỏ"
    expect(evidence('cach giat ao trang bi o vang')).toBeNull()
  })

  it('takes a word of administration only in some contexts as evidence only in its company', () => {
    // an organ, a state in history, a class officer, a holiday, a subscription: no company
    expect(evidence('cơ quan tiêu hóa gồm những bộ phận nào', ['bo_phan'])).toBeNull()
    expect(evidence('nhà nước Văn Lang do ai lập ra')).toBeNull()
    expect(evidence('cán bộ lớp cần làm những việc gì')).toBeNull()
    expect(evidence('đăng ký kênh youtube để xem video mới')).toBeNull()
    // a pair before it is no object of it ("quốc tế lao động")
    expect(evidence('ngày quốc tế lao động là ngày nào', ['quoc_te'])).toBeNull()
    // two of them, a pair the names hold after it or reaching into it, a three-word term, a word of administration
    expect(isAdminWording(evidence('đăng ký kết hôn cần gì'))).toBe(true)
    expect(isAdminWording(evidence('đăng ký xe máy mới mua ở đâu', ['xe_may']))).toBe(true)
    expect(isAdminWording(evidence('đăng ký xe mới mua ở đâu', ['ki_xe']))).toBe(true)
    expect(
      isAdminWording(evidence('công ty tôi cần giấy an ninh trật tự', ['an_ninh', 'ninh_trat', 'trat_tu'])),
    ).toBe(true)
    expect(isAdminWording(evidence('cơ quan thuế ở đâu', ['quan_thue']))).toBe(true)
    expect(evidence('nộp hồ sơ cho cơ quan nào')).toBe('phrase')
  })

  it("takes a brand's own process, card and abbreviations as no evidence beside it", () => {
    // "IDP" beside IELTS is the test organiser, not the international driving permit it is alone
    expect(evidence('đăng ký thi IELTS ở IDP hết bao nhiêu')).toBeNull()
    expect(evidence('IDP cấp ở đâu')).toBe('name')
    expect(evidence('làm IDP ở đâu')).toBe('name')
    // a company's own "thủ tục", a café chain's member card
    expect(evidence('thủ tục check in ở sân bay mất bao lâu')).toBeNull()
    expect(evidence('làm thẻ thành viên Highlands có được giảm giá không')).toBeNull()
    expect(evidence('làm thẻ ATM ở đâu')).toBe('service')
    // a duty stays one beside a brand
    expect(evidence('chạy grab có phải đăng ký kinh doanh không')).toBe('phrase')
  })

  it('takes a contextual word told as time gone by as an event of life, not its paper', () => {
    expect(evidence('kết hôn 5 năm rồi mà chồng vẫn vô tâm')).toBeNull()
    expect(evidence('ket hon duoc hai nam ma chua co con')).toBeNull()
    // the paper itself, or another word of administration beside it, keeps it a question
    expect(evidence('kết hôn cần gì')).toBe('name')
    expect(evidence('kết hôn 5 năm rồi giờ muốn ly hôn thì làm sao')).toBe('phrase')
  })

  it('takes papers in a story as fiction', () => {
    expect(evidence('căn cước của nhân vật trong truyện Conan tên gì', ['can_cuoc'])).toBeNull()
    expect(evidence('căn cước bị mất làm lại ở đâu', ['can_cuoc'])).toBe('phrase')
  })

  it('takes a vehicle in everyday use, with no action asked, as no evidence', () => {
    expect(evidence('xe máy bị chết máy giữa đường phải làm sao', ['xe_may'])).toBeNull()
    // an action on it, or another pair the names hold, keeps it a question
    expect(evidence('bị mất xe máy thì làm sao', ['xe_may'])).toBe('pair')
    expect(evidence('kiểm định khí thải xe máy', ['xe_may', 'khi_thai'])).toBe('pair')
    // a person is no thing in everyday use ("người nước ngoài")
    expect(evidence('người nước ngoài chơi ở đâu', ['nuoc_ngoai'])).toBe('pair')
  })

  it('takes an everyday action the dictionary reads as a term as no paper', () => {
    // "tìm lại" is read as "khôi phục", an action alone; "đổi tên" as a change of civil status, a paper
    expect(evidence('mat dien thoai samsung tim lai bang cach nao')).toBeNull()
    expect(evidence('tên con xấu quá muốn đổi tên khác')).toBe('name')
  })

  it('counts only words of administration, not pairs or topics, against the out-of-scope list', () => {
    expect(isAdminWording('phrase')).toBe(true)
    expect(isAdminWording('name')).toBe(true)
    expect(isAdminWording('pair')).toBe(false)
    expect(isAdminWording('topic')).toBe(false)
  })
})

describe('classifying with the records', () => {
  const classify = (text: string, pairs: string[] = []) =>
    classifyMessage({ query: expandQuery(text, synonyms), synonyms, text, wordShare: held(pairs), topics })

  it('keeps a message with a word of administration a question though it names an everyday thing', () => {
    expect(classify('hưởng chế độ thai sản khi sinh con bao lâu thì có tiền')).toBe('question')
    expect(classify('hoa giai tranh chap dat voi nha hang xom')).toBe('question')
    expect(classify('quán tạp hóa bị bão số 3 làm sập mái có được giảm thuế không')).toBe('question')
  })

  it.each(readCases('classify-message'))('takes the short message "%s" by its evidence: %s', (text, kind) => {
    expect(classify(text)).toBe(kind)
  })

  it('keeps a message whose object procedure names hold, typed beside an everyday activity, a question', () => {
    // "nấu" is on the out-of-scope list; "tem điện tử rượu" is three words in a row the names hold as pairs
    const stamps = ['tem_dien', 'dien_tu', 'tu_ruou', 'mua_tem']
    expect(classify('cơ sở nấu rượu muốn mua tem điện tử rượu thì làm sao', stamps)).toBe('question')
    expect(classify('cơ sở nấu rượu muốn mua tem điện tử rượu thì làm sao')).toBe('out_of_scope')
    // one everyday pair beside the activity ("Việt Nam", "Thái Lan") is no object of the records
    expect(classify('tối nay Việt Nam đá với Thái Lan mấy giờ', ['viet_nam', 'thai_lan'])).toBe(
      'out_of_scope',
    )
    // the phrase's own words never count ("nấu rượu" is the activity itself)
    expect(classify('cách nấu rượu nếp ngon', ['nau_ruou', 'ruou_nep'])).toBe('out_of_scope')
  })

  it('decides outside the records by evidence, not by any pair a name holds', () => {
    const outside = (text: string, pairs: string[] = []) =>
      isOutsideRecords({ query: expandQuery(text, synonyms), wordShare: held(pairs), synonyms, topics })
    expect(outside('học tiếng Nhật ở đâu tốt')).toBe(true)
    expect(outside('thuê nhà ở quận 7 giá bao nhiêu một tháng')).toBe(true)
    expect(outside('công thức tính diện tích hình tròn', [])).toBe(true)
    expect(outside('chuyển đất vườn lên đất thổ cư')).toBe(false)
    expect(outside('1.004222')).toBe(false)
  })
})

describeOnPortal('out of scope and small talk by evidence (the national export)', (portal) => {
  itDeclines(portal, 'declines "%s", which holds no evidence of public administration', [
    'học tiếng Nhật ở đâu tốt',
    'trồng cà chua trong chậu cần lưu ý gì',
    'xe buyt so 32 chay den may gio',
    // words of administration in their everyday sense; an everyday action read as a term
    'cơ quan tiêu hóa gồm những bộ phận nào',
    'nhà nước Văn Lang do ai lập ra',
    'đăng ký học bơi cho con hè này ở đâu tốt',
    'mat dien thoai samsung tim lai bang cach nao',
    // a gym's membership, a letter to leave a job, a bank transfer gone astray
    'đăng ký thành viên phòng gym gần nhà',
    'cách viết đơn xin nghỉ việc gửi giám đốc',
    'chuyển khoản nhầm số tài khoản thì làm sao lấy lại',
  ])

  eachAnswer(portal, ['bot giỏi quá', 'bạn dễ thương ghê'])(
    'answers the remark "%s" as small talk',
    (answer) => {
      expect(answer.kind).toBe('smalltalk')
    },
  )

  itKeepsQuestions(portal, 'keeps "%s", which names a paper or a benefit, a procedure question', [
    'hưởng chế độ thai sản khi sinh con bao lâu thì có tiền',
    'mất cà vẹt xe máy',
    'sắp cưới vợ, đăng ký kết hôn ở xã cần mang gì',
    'dang ky xe moi mua tren mang toan trinh duoc khong',
    'tên con xấu quá muốn đổi tên khác',
  ])
})

describe('findAdminEvidence beside a private app, brand or game', () => {
  it('takes the everyday sense of a word that is also administrative beside such a name', () => {
    // "đăng ký" has company ("tài khoản" held with it) and "hồ sơ", "bảo hiểm", "khai báo" are words of
    // administration elsewhere, but an account, a private insurer or a variable is not what the records are about
    expect(evidence('đăng ký tài khoản Shopee để mua hàng', ['tai_khoan', 'ki_tai'])).toBeNull()
    expect(evidence('đăng ký kết hôn trong game Ngôi Sao Thời Trang làm sao')).toBeNull()
    expect(evidence('bảo hiểm nhân thọ Prudential có nên mua không')).toBeNull()
    expect(evidence('khai bao bien trong python nhu the nao')).toBeNull()
    expect(evidence('cach lam ho so nang luc cong ty cho dep tren Canva')).toBeNull()
    // without the brand the same words stay evidence
    expect(evidence('đăng ký kết hôn làm sao')).not.toBeNull()
    expect(evidence('bảo hiểm nhân thọ có nên mua không')).toBe('phrase')
  })

  it('keeps the words that name a paper, a duty or a business beside such a name', () => {
    expect(evidence('bán hàng trên Shopee có phải đăng ký hộ kinh doanh không')).toBe('phrase')
    expect(evidence('ban hang tren tiktok co phai nop thue khong')).toBe('phrase')
    expect(evidence('mất iPhone có kẹp căn cước trong ốp')).toBe('phrase')
    expect(evidence('xin giấy phép mở phòng game')).toBe('phrase')
  })
})

describe('findAdminEvidence beside an app, with a contextual word said twice', () => {
  it('takes one contextual word said twice as no company, and two different ones as a real act', () => {
    expect(evidence('đăng ký kênh YouTube kiếm tiền cần bao nhiêu người đăng ký')).toBeNull()
    expect(evidence('quen nhau qua tiktok giờ muốn đăng ký kết hôn thì làm gì')).not.toBeNull()
  })
})

describe('findAdminEvidence in a game, beside sport, food, a course or an app, and for leave from work', () => {
  it('takes papers and acts on them in a game as play, and keeps duties and bodies there', () => {
    for (const text of [
      'giấy phép lái xe trong game GTA lấy ở đâu',
      'dang ky thi bang lai xe tren game zingspeed',
      'cách làm căn cước cho nhân vật trong game',
      'so do nha trong game minecraft bi mat thi sao',
    ])
      expect(evidence(text, ['giay_phep', 'lai_xe', 'can_cuoc']), text).toBeNull()
    expect(evidence('chơi game kiếm tiền có phải nộp thuế không')).toBe('phrase')
    expect(evidence('bị lừa mất tài khoản game báo công an ở đâu')).toBe('phrase')
    // without the game the paper is evidence
    expect(evidence('giấy phép lái xe lấy ở đâu')).toBe('phrase')
  })

  it('takes a word pair the names hold beside sport or food as chance, and keeps words of administration', () => {
    expect(evidence('Messi mang quốc tịch nước nào', ['quoc_tich'])).toBeNull()
    expect(evidence('Quang Hải chuyển nhượng sang câu lạc bộ nào', ['chuyen_nhuong'])).toBeNull()
    expect(evidence('hạn sử dụng của sữa chua là mấy ngày', ['su_dung', 'sua_chua'])).toBeNull()
    expect(evidence('dac san Nghe An mua gi lam qua', ['an_mua'])).toBeNull()
    // "sua chua" typed without marks is "sửa chữa" (repair)
    expect(evidence('sua chua nha o bao lau', ['sua_chua'])).not.toBeNull()
    expect(evidence('cầu thủ nước ngoài muốn nhập quốc tịch Việt Nam', ['quoc_tich'])).toBe('phrase')
    expect(evidence('mở quán trà sữa cần giấy phép gì')).toBe('phrase')
  })

  it('takes a course certificate, a private fee, a profile name, a card and acts on an app in their everyday sense', () => {
    for (const text of [
      'giay chung nhan hoan thanh khoa hoc online coursera co gia tri khong',
      'đăng ký thi TOEIC ở đâu lệ phí bao nhiêu',
      'cach doi ten ho so facebook cho dep',
      'gia han netflix bang the visa',
      'đăng ký kết bạn zalo với người lạ có an toàn không',
      'đăng ký lái thử xe máy điện ở đại lý thế nào',
      'dang ky khoa hoc tieng anh online o dau tot',
    ])
      expect(evidence(text, ['dang_ki', 'ki_ket', 'xe_may', 'khoa_hoc', 'giay_chung']), text).toBeNull()
    expect(evidence('quen nhau qua Zalo kết bạn rồi giờ muốn đăng ký kết hôn')).not.toBeNull()
  })

  it('takes leave asked of a boss as a private paper, and a number as no object', () => {
    expect(evidence('xin giấy phép nghỉ phép với sếp viết mail sao cho khéo')).toBeNull()
    expect(evidence('xin phép sếp nghỉ ốm thì nhắn tin sao cho khéo')).toBeNull()
    expect(evidence('thay nhớt xe máy bao lâu một lần', ['xe_may', 'mot_lan'])).toBeNull()
    expect(evidence('rút bảo hiểm xã hội một lần', ['mot_lan'])).toBe('phrase')
  })

  it('takes a filler word reaching into a contextual word as no object of it', () => {
    // names hold "của công" ("của công dân"), but "của công ty" joins nothing to the company
    expect(evidence('lịch nghỉ tết dương lịch của công ty tôi', ['cua_cong'])).toBeNull()
    expect(evidence('mẫu đơn xin nghỉ phép ở công ty viết thế nào', ['o_cong'])).toBeNull()
    // a word of the object reaching into it still is ("đăng ký xe": names hold "ký xe")
    expect(isAdminWording(evidence('đăng ký xe mới mua ở đâu', ['ki_xe']))).toBe(true)
    // state housing is named by its words, whatever joins "nhà nước" to it
    expect(evidence('con tôi muốn thuê nhà ở sinh viên của nhà nước', ['cua_nha'])).toBe('phrase')
    expect(evidence('nhà ở đâu vậy bạn')).toBeNull()
  })
})
