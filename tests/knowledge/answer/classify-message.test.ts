import { describe, expect, it } from 'vitest'
import {
  classifyMessage,
  isComplaint,
  isOutsideRecords,
  type MessageClass,
} from '../../../knowledge/answer/classify-message.ts'
import { expandQuery } from '../../../knowledge/search/expand-query.ts'
import { loadSynonyms } from '../../../knowledge/search/load-synonyms.ts'
import { describeOnPortal } from '../../helpers/portal-knowledge-base.ts'

const synonyms = loadSynonyms()
const classify = (text: string) => classifyMessage({ query: expandQuery(text, synonyms), synonyms, text })

describe('classifyMessage', () => {
  /** Messages by the class they must get. */
  const examples: Record<MessageClass, string[]> = {
    smalltalk: [
      // whether a machine answers, what it knows, what one may ask it; remarks that it understands nothing;
      // praise for what it taught; a slip of typing; no more questions; a pleasantry and a return
      'có phải robot đang trả lời không',
      'bot có biết gì không vậy',
      'mình hỏi gì cũng được hả',
      'bot ơi bot còn thức không',
      'bạn chẳng hiểu gì cả',
      'hỏi mãi không ra câu trả lời, bực ghê',
      'sao hỏi gì cũng không biết vậy',
      'bạn trả lời như cái máy',
      'hay quá, nhờ bạn mà mình biết',
      'xin lỗi nhé, mình gõ nhầm',
      'mình nhắn lộn, bỏ qua nhé',
      'em không hỏi nữa đâu',
      'thôi mình hỏi xong rồi',
      'rất vui được nói chuyện với bạn',
      'lại là mình đây',
      'mình quay lại rồi nè',
      'trợ lý số ơi, chào nhé',
      // what the assistant is, when it works and what it helps with, in other words or in English
      'đây là máy tự động trả lời à',
      'mình đang nói chuyện với máy phải không',
      'ai đang trả lời tôi vậy',
      'bạn là trợ lý ảo của ai',
      'bạn làm việc mấy giờ',
      'bạn có nghỉ cuối tuần không',
      'bạn hỗ trợ những thủ tục nào',
      'who are you',
      'what is your name',
      'sao bot không trả lời',
      'trả lời hay quá',
      // a greeting or thanks with nothing asked, also formal and with wishes
      'Dạ con chào cô chú ạ',
      'cảm ơn trợ lý, thông tin rất hữu ích',
      'tạm biệt, hẹn gặp lại lần sau',
      'Kính gửi trợ lý, xin cảm ơn sự hỗ trợ',
      'bạn là người hay là chatbot vậy',
      'bạn thuộc cơ quan nào',
      'bạn có thông minh không',
      'mình chỉ muốn nói chuyện thôi',
      'Kính chào quý cơ quan',
      'Xin chân thành cảm ơn quý cơ quan đã giải đáp',
      'Cảm ơn bạn đã giải đáp rất nhiệt tình, chúc bạn một ngày làm việc hiệu quả',
      'chào nhé, mình đi đây',
      // whether it is a machine, without naming the assistant; remarks about it and its replies
      'có phải robot không đấy',
      'là máy à',
      'người thật hay máy vậy',
      'trợ lý số thông minh ghê',
      'trả lời vớ vẩn',
      'trả lời lung tung quá',
      'hỏi mãi không hiểu gì',
      'nói gì chả hiểu',
      'bạn chẳng giúp được gì cả',
      'cảm ơn, thông tin chi tiết quá',
      'không có gì đâu',
      'thử xem bot có hoạt động không',
      'hi, mình cần hỏi chút',
      // the assistant's name or nature asked; the question put off
      'bạn tên là gì',
      'tên bot là gì vậy',
      'bạn có phải người thật không',
      'em có phải là robot ko',
      'umm để mình xem lại đã',
      'ok để mình đọc lại',
      'mình hỏi lại sau nhé',
      'để tôi suy nghĩ thêm',
      // typed faces, trying the assistant, asking how it is, checking someone is there
      ':)',
      '=))',
      '^^',
      'test',
      'hôm nay bạn thế nào',
      'có ai ở đây không',
      'chào bạn',
      'Xin chào ad ạ',
      'cam on',
      'cảm ơn nhiều nhé',
      'ok thanks',
      'hello',
      'cảm ơn bạn nhiều nha',
      'bạn khỏe không',
      // wishes, thanks and greetings to the bot beside the dictionary's small talk
      'Chào bạn, chúc buổi sáng tốt lành',
      'chúc ad một ngày vui vẻ',
      'hi bot',
      'ok cảm ơn, tôi hiểu rồi',
      'ok cảm ơn bạn đã hỗ trợ',
      // checking someone is there is a greeting, not a request for a person
      'alo co ai khong',
      'Alo, có ai ở đó không',
      // laughter, a bare acknowledgement, goodbyes, new-year wishes, emoji only
      'haha',
      'ahihi',
      'hahaha',
      'hay quá, giúp được nhiều',
      'hay quá trời luôn',
      'chúc bot ngủ ngon',
      'trời ơi lâu quá',
      // putting the questions off, not understanding the reply, asking it again
      'thôi để mai tui hỏi tiếp',
      'hông hiểu gì hết trơn',
      'nói lại được không',
      'uh',
      'ê bot',
      'camon nhieu',
      'bái bai nhé',
      'hẹn gặp lại',
      'good night',
      'chúc mừng năm mới',
      '👍',
      '🙏🙏🙏',
      'okie',
      'thank you so much',
      // insults and rude remarks are a remark about the bot, like praise
      'bot ngu qua',
      'đồ ngu, trả lời chẳng ra gì',
      'vô dụng thật sự',
      'đồ bot ngu',
      'bot vo dung',
      // thanks for an answer, having understood, a goodbye till another day
      'cảm ơn ad đã giải đáp',
      'ok mình biết rồi',
      'tạm biệt, hẹn hôm khác nhé',
      // the answers said to be wrong, rudely
      'đồ ngốc, trả lời chả đúng gì cả',
      'sai bét hết',
      // who made the assistant; the question put off till later
      'ai tạo ra bạn vậy',
      // understanding, giving up, greeting the bot as a person, a reply said to miss the point
      'à ra vậy, hiểu rồi',
      'thôi bỏ đi không cần nữa',
      'hay quá, lần sau mình hỏi tiếp',
      'bạn ăn cơm chưa',
      'cho mình làm quen nhé',
      'hello bot, nice to meet you',
      'trả lời chẳng đúng ý gì cả',
      'bot do ai làm ra',
      'hiểu rồi, để mai tính',
      'thôi không hỏi nữa',
      // the assistant's own nature, languages and home; thanks with praise; its replies too long
      'bạn có phải là chatgpt không',
      'bạn làm việc cho ai',
      'bạn có biết nói tiếng anh không',
      'cảm ơn em nhiều nhé, giúp ích lắm',
      'trả lời dài quá đọc không nổi',
    ],
    out_of_scope: [
      // a vehicle's upkeep, a shape's area
      'bảo dưỡng xe máy bao lâu một lần',
      'công thức tính diện tích hình tròn',
      'giá xăng hôm nay',
      'dự báo thời tiết tuần này',
      'lich chieu phim cuoi tuan',
      'công thức làm bánh mì',
      'kết quả xổ số miền bắc',
      'lịch thi đấu bóng đá ngoại hạng anh',
      'giá vàng hôm nay bao nhiêu',
      'mai có mưa không',
      'xổ số miền nam hôm nay',
      'quán cafe gần đây',
      // when a match is played, remedies, which school to choose
      'tối nay Việt Nam đá với Thái Lan mấy giờ',
      'cach chua dau dau nhanh nhat',
      'tu van chon truong dai hoc nganh cntt',
      // a market price per unit
      'gia lua o Dong Thap tuan nay bao nhieu 1 ky',
      'giá heo hơi hôm nay bao nhiêu một ký',
      'giá rau muống ngoài chợ bao nhiêu một bó',
      // everyday topics with no paper or duty named: health, family, homework, phones, banks,
      // horoscopes, questions to the bot
      'huyết áp cao nên ăn gì',
      'me chong kho tinh qua phai lam sao',
      '12 nhan 15 bang bao nhieu',
      'zalo khong gui duoc tin nhan',
      'lãi suất gửi tiết kiệm ngân hàng nào cao nhất',
      'cung Song Tử hợp với cung nào',
      'ban bao nhieu tuoi',
      'đường Nguyễn Trãi giờ này có kẹt xe không',
      // a price now, symptoms, appliances, pets, gardening
      'giá bạc hôm nay',
      'gia heo hoi mien tay',
      'tre bi tieu chay phai lam sao',
      'may giat bi keu to qua',
      'mèo nhà em bị nôn',
      'trồng rau sạch trong thùng xốp',
      // asking for everyday advice with no word of public administration
      'ban gai gian phai lam gi',
      'điện thoại bị vào nước phải làm sao',
      'uong nuoc chanh buoi sang co tot khong',
      'làm sao để tỏ tình thành công',
      // a choice on the market, even beside a paper or a service of the records: which centre, brand or
      // shop is cheapest or best, something cheap, whether to buy, which of two to buy
      'đăng ký học bằng lái ô tô ở trung tâm nào rẻ nhất',
      'bảo hiểm xe ô tô bắt buộc hãng nào uy tín',
      'mua xe máy cũ ở đâu được giá',
      'khách sạn gần sân bay giá rẻ',
      'nhà chưa có sổ đỏ có nên mua không',
      'mua đất thổ cư hay đất vườn thì tốt hơn',
      // a choice among products, services, films or roads by merit, even beside a paper or a service
      'bảo hiểm sức khỏe gói nào tốt cho người già',
      'mua bảo hiểm xe máy online ở app nào rẻ',
      'dong xe tay ga nao ben nhat',
      'phim công an hình sự nào hay nhất',
      'di Vung Tau di cao toc nao nhanh hon',
      // tips and suggestions, even about a paper
      'mẹo nhớ câu lý thuyết thi bằng lái',
      'goi y ten khai sinh cho be gai',
      // a price of land per unit, a provider to buy from
      'giá đất khu vực Thủ Đức hiện nay bao nhiêu một mét',
      'nên mua bảo hiểm nhân thọ của hãng nào',
    ],
    gibberish: ['qwerty asdf', 'asdkjh qwe', 'zzzz xxxx'],
    question: [
      // a greeting that goes on to a need or a question is that question; so is a question beside what the assistant is
      'đây là máy tự động à, cho hỏi làm hộ chiếu',
      'bạn làm việc mấy giờ, cho hỏi làm hộ chiếu ở đâu',
      'chào bạn, tôi bị mất căn cước',
      'chào ad, cho hỏi làm hộ chiếu',
      'cảm ơn, còn đăng ký kết hôn thì sao',
      'đăng ký kết hôn có cần hẹn trước không',
      // putting off beside a procedure, or asking again about it, is still about it
      'để mình xem lại giấy tờ đăng ký kết hôn đã',
      'mình hỏi lại sau về thủ tục làm hộ chiếu nhé',
      'thay đổi số điện thoại trong hồ sơ đăng ký thuế',
      // the same words beside a procedure ask about it
      'không hiểu thủ tục đăng ký kết hôn',
      'trời ơi mất căn cước rồi',
      // a time told beside what was not handed in ("chưa đăng ký kết hôn, … 2 tháng chưa có giấy khai sinh")
      'hai đứa chưa đăng ký kết hôn, con mới sinh được 2 tháng chưa có giấy khai sinh, giờ làm khai sinh có tên bố thế nào',
      // "làm ơn" is please, nothing made or handed in
      'làm ơn cho hỏi con mới sinh được 2 tháng chưa có giấy khai sinh',
      'lam on cho hoi thang sau cong ty cu toi di nhat 6 thang, toi chua co ho chieu, lam ho chieu can gi',
      // an application still to be handed in, and a baby's papers: questions about the procedure
      'tôi muốn nộp hồ sơ của tôi xin cấp hộ chiếu thì bao lâu có kết quả',
      // a paper past its date, a declaration filed late: the procedure's questions, not an application's progress
      'hộ chiếu của tôi quá hạn rồi làm lại thế nào',
      'nộp tờ khai thuế trễ hạn bị phạt bao nhiêu',
      'làm hồ sơ cho em bé đăng ký khai sinh bao giờ xong',
      // a job application sent to a company is no application to look up (with the records' evidence it is out of scope)
      'hồ sơ xin việc của em gửi công ty 2 tuần rồi sao chưa thấy gọi',
      'chào bạn, cho hỏi làm căn cước cần gì',
      'thủ tục cấp giấy chứng nhận đủ điều kiện kinh doanh xổ số',
      'thanh lap cong ty tnhh mot thanh vien',
      '1.004222',
      'dang kys khai sinh',
      'thẻ bảo hiểm y tế hộ gia đình',
      'khai báo tạm trú cho người nước ngoài',
      'mở quán cà phê cần giấy phép gì',
      'chứng nhận vệ sinh an toàn thực phẩm cho quán ăn',
      // a duration, a code or a complaint about an official does not make it anything else
      'làm hộ chiếu bao lâu thì có kết quả',
      'tra cứu mã thủ tục 1.001193',
      'khiếu nại cán bộ công an xã',
      // a wish word alone, fire fighting, a child without papers for months: still questions
      'hỗ trợ',
      'thẩm định thiết kế phòng cháy chữa cháy cho nhà xưởng',
      // where to apply, asked by quality, is still where to apply
      'làm hộ chiếu ở đâu tốt nhất',
      // a duty named the everyday way, beside a platform
      'bán hàng online trên shopee có phải đóng thuế không',
      'đổi bằng lái ở đâu uy tín',
      'bé 2 tháng chưa có giấy khai sinh',
      'bé 2 tháng chưa có giấy khai sinh lâu quá',
      'bữa giờ chưa đăng ký khai sinh cho con',
      // a person's title inside a paper's name; a fee per unit of a procedure
      'the tu van vien phap luat bi hong can cap lai',
      'cấp chứng chỉ tư vấn viên pháp luật',
      'kiem dich gia cam van chuyen bao nhieu 1 con',
      // an everyday word beside a paper or duty the citizen names
      'khai thuế cho người làm đại lý xổ số',
      'em với người yêu muốn đăng ký kết hôn cần giấy tờ gì',
      'làm hộ chiếu để đi du lịch Thái Lan',
      'gia hạn giấy phép hoạt động dự báo khí tượng thủy văn',
      'mở quán cà phê cần đăng ký hộ kinh doanh không',
      // words that only look like off-topic ones: "cho nhà" is not "chó nhà", "gia hạn" is not a
      // price, an interest-rate subsidy is a procedure
      'lắp công tơ điện cho nhà mới xây',
      'thẩm định thiết kế phòng cháy chữa cháy cho nhà xưởng',
      // where to apply, asked by quality, is still where to apply
      'làm hộ chiếu ở đâu tốt nhất',
      'đổi bằng lái ở đâu uy tín',
      'gia hạn tạm trú tuần này',
      'hỗ trợ lãi suất vay vốn cho hộ nghèo',
      'khai thác thông tin trong cơ sở dữ liệu quốc gia về dân cư',
      // asking for advice about a paper, a duty or a school stays a question
      'danh roi passport o san bay phai lam sao',
      'cccd sap het han, gio phai lam gi',
      // a person's title is no request for one: a question to the assistant, a paper, a deadline
      'làm hộ chiếu gấp ai biết làm ở đâu',
      'con 14 tuoi lam can cuoc duoc chua',
      'con chuyen truong phai lam gi',
      'bị mất ví cả bằng lái phải làm sao',
      // where to hand a paper in and its fee are no choice on the market; a schedule changed in a
      // procedure is no progress asked about
      'đổi bằng lái ô tô ở đâu nhanh nhất',
      'làm hộ chiếu online hay trực tiếp thì tốt hơn',
      // a body, a form or a way of applying is no product to choose; "hay" is also "or"; tips about an act
      'nộp hồ sơ ở cơ quan nào nhanh nhất',
      'khai theo mẫu nào hay mẫu CT01',
      'đóng bảo hiểm xã hội tự nguyện mức nào lợi hơn',
      'mẹo làm hộ chiếu nhanh',
      'nộp hồ sơ cấp hộ chiếu bao lâu có kết quả',
      'điều chỉnh tiến độ góp vốn đầu tư ra nước ngoài',
      'du an muon gian tien do, dieu chinh giay chung nhan dau tu the nao',
      'phí tách thửa',
    ],
    // asking for a person
    contact: [
      // anyone real there, someone to guide, the public service centre's address
      'có ai là người thật không, tôi cần hỏi gấp',
      'tôi cần người hướng dẫn tận tình hơn',
      'địa chỉ trung tâm hành chính công tỉnh ở đâu',
      // a person asked for beside a remark about the replies
      'gặp người thật đi, bot trả lời không đúng',
      'cho tôi xin email của sở tư pháp',
      'cho tôi nói chuyện với người thật',
      'số điện thoại bộ phận một cửa phường là bao nhiêu',
      'email của sở tư pháp tỉnh là gì',
      'email hỗ trợ của cổng dịch vụ công là gì',
      'cho mình địa chỉ bộ phận một cửa phường',
      'cho mình xin số liên hệ của phòng tư pháp',
      'cho tôi gặp nhân viên',
      'nói chuyện với người thật',
      'số tổng đài là bao nhiêu',
      'cho xin số hotline hỗ trợ',
      'chuyen cho nguoi that giup toi',
      'mình cần người hỗ trợ, bạn không hiểu ý mình',
      // putting the call through to a person
      'chuyen may cho nhan vien giup em voi',
      'nối máy cho tôi gặp chị Lan bộ phận một cửa',
      'ket noi voi tu van vien giup toi',
      // asking for a phone number
      'cho xin sdt can bo mot cua phuong',
      'cho em xin số điện thoại cán bộ một cửa phường Láng',
      // an official's chat account
      'cho mình xin zalo cán bộ tư pháp xã',
      // a way of reaching someone, then a person; someone present; help in person; the machine refused
      'làm sao liên hệ với người phụ trách hồ sơ',
      'gọi cho ai để được hướng dẫn làm hồ sơ',
      'muốn nói chuyện trực tiếp với cán bộ',
      'có cán bộ nào online không',
      'có nhân viên nào đang trực không ạ',
      'tôi muốn được tư vấn trực tiếp với người',
      'tôi không muốn nói chuyện với máy nữa',
      'bot trả lời không hiểu, chuyển cho nhân viên giúp tôi',
      'chuyen cho toi nhan vien di',
      // help asked by phone or a chat call
      'tôi cần người hướng dẫn qua điện thoại',
      'có ai tư vấn qua zalo cho mình không',
    ],
    // asking how an application is progressing
    status: [
      // an application named as handed in, with where to look it up, its waiting or its result
      'bao giờ thì tôi nhận được kết quả hồ sơ đã nộp',
      'em nộp hồ sơ trên cổng dịch vụ công rồi, giờ xem kết quả ở đâu',
      'ho so da nop bi treo lau qua',
      'nộp hồ sơ rồi giờ chờ bao lâu nữa',
      'xem hồ sơ đã nộp ở đâu',
      // where it lies or who holds it, late, refused or sent back for more, paid and waiting, checked
      'hồ sơ của tôi đang nằm ở đâu rồi',
      'ai đang giữ hồ sơ của tôi',
      'quá hạn trả kết quả mà chưa thấy gì',
      'làm sao biết hồ sơ bị từ chối',
      'tôi muốn hỏi tình hình giải quyết hồ sơ',
      'hồ sơ em bị yêu cầu bổ sung là sao',
      'đã đóng phí rồi bao giờ có kết quả',
      'check giúp mình hồ sơ với',
      // a receipt code written another way
      'cho hỏi hồ sơ số H40.22-261101-0005 sao rồi',
      'sao hồ sơ của em cứ trạng thái chờ tiếp nhận mãi',
      'hẹn trả kết quả hôm nay mà lên không có',
      'tra cứu kết quả hồ sơ đăng ký kinh doanh',
      'hồ sơ của tôi đến đâu rồi',
      'cán bộ hẹn trả kết quả hôm qua mà chưa có',
      'tra cứu kết quả giải quyết hồ sơ',
      'làm sao biết hồ sơ đã được tiếp nhận',
      'giấy phép xây dựng nộp lâu rồi chưa thấy gọi',
      // handed in "bữa giờ" / "mấy bữa nay" (southern: these past days) and nothing yet
      'hồ sơ nộp bữa giờ sao chưa thấy gì hết trơn',
      // a result promised for a day that has come; an application sent back, told at length
      'hẹn trả kết quả hôm nay mà chưa có tin nhắn',
      'cán bộ hẹn thứ 6 trả mà giờ chưa thấy',
      'hồ sơ tôi nộp trên cổng dịch vụ công bị trả về, giờ sao',
      'làm căn cước mấy bữa nay chưa thấy có',
      '000.00.12.H56-260101-0001',
      'tra cuu ho so ma bien nhan 000.00.31.H29-250912-0345',
      'hồ sơ cấp sổ đỏ nộp 3 tháng rồi chưa có kết quả',
      'làm sao biết hồ sơ khai sinh đã xử lý xong chưa',
      // waiting for a result, without a receipt code
      'hồ sơ đăng ký hộ kinh doanh nộp online hôm thứ 2 giờ đang ở bước nào',
      'lam can cuoc da 10 ngay sao chua co the',
      'hồ sơ hộ chiếu nộp online tuần trước sao chưa thấy trả kết quả',
      // late, or not taken up by anyone
      'hồ sơ của tôi bị trễ hạn thì làm sao biết',
      'nộp hồ sơ đăng ký hộ kinh doanh online 1 tuần chưa ai xử lý',
      'sao hồ sơ đăng ký hộ kinh doanh của mình vẫn đang chờ xử lý',
      'xem trạng thái hồ sơ đã nộp trên cổng dịch vụ công',
      'Hồ sơ đăng ký hộ kinh doanh nộp tuần trước giờ xử lý tới đâu',
      // asking whether it came
      'căn cước làm lại 3 tuần rồi đã có chưa',
      // asking when it comes, handed in some time ago
      'bao gio toi nhan duoc ho chieu, nop tu tuan truoc roi',
      // an application handed in without naming it, asked when it comes; its progress
      'nộp hồ sơ trực tuyến rồi bao giờ có kết quả',
      'da gui don roi khi nao nhan duoc',
      'xem tiến độ giải quyết hồ sơ',
      // the citizen's own application, asked when it is done
      'khi nao co ket qua ho so cua toi',
      'hồ sơ của em sao lâu quá',
      'hồ sơ khai sinh của tôi bao giờ xong',
      'bao giờ có kết quả hồ sơ em nộp online',
      'ho so cua toi bi treo',
      // asked how it is going, handed in some time ago; a stage, the appointment slip, no answer
      'sao lâu thế, nộp từ tháng trước rồi',
      'hồ sơ em nộp hôm thứ 3 giờ sao rồi',
      'hồ sơ xin giấy phép xây dựng của tôi đang ở khâu nào',
      'giấy hẹn ghi ngày 10 mà hôm nay 15 rồi vẫn chưa có',
      'nộp hồ sơ trên cổng dịch vụ công rồi mà không thấy phản hồi',
      'hs cua e den dau r',
      // handed in on a date, asked when it comes; an application sent back
      'nộp từ ngày 12/10 rồi khi nào có kết quả',
      'bao giờ lấy được giấy phép, em gửi từ tháng 9',
      'hồ sơ đăng ký kinh doanh bị trả lại là sao',
      'sao em bị trả hồ sơ vậy',
      // why the wait is so long, with what is awaited but not what was handed in
      'sao lâu vậy mà chưa có căn cước',
    ],
  }

  it.each(Object.entries(examples).flatMap(([kind, texts]) => texts.map((text) => [text, kind])))(
    'takes "%s" as %s',
    (text, kind) => {
      expect(classify(text)).toBe(kind)
    },
  )

  it('takes a question about what the assistant is as no request for a person', () => {
    expect(classify('ban la nguoi that hay may')).not.toBe('contact')
    expect(classify('bạn là người thật à')).not.toBe('contact')
  })

  it('takes asking a person as a request for one, and asking about a person (a foreigner, the elderly) as none', () => {
    for (const text of ['có ai trực không, tôi cần hỏi người', 'muốn hỏi người phụ trách hộ tịch'])
      expect(classify(text), text).toBe('contact')
    for (const text of [
      'chào ad, cho em hỏi người nước ngoài xin thẻ thường trú ở VN cần hồ sơ gì ạ',
      'cho em hỏi người yêu em là người nước ngoài, đăng ký kết hôn ở đâu ạ',
      'bà tôi 82 tuổi, xin trợ cấp xã hội người cao tuổi thế nào',
    ])
      expect(classify(text), text).not.toBe('contact')
  })

  it('takes an urgent need of someone ("cần gấp người"), typed with its marks, as no request to meet a person', () => {
    expect(classify('Cần gấp người trông trẻ theo giờ tối nay, đăng ký trên app nào cho nhanh?')).not.toBe(
      'contact',
    )
    // "gặp", typed so or without marks, still asks for one
    expect(classify('cho tôi gặp người thật')).toBe('contact')
    expect(classify('can gap nguoi ho tro')).toBe('contact')
  })

  it('takes asking whether the assistant is a person or a machine, and praise with thanks, as small talk', () => {
    for (const text of [
      'ban la nguoi that hay may',
      'bạn là người hay máy vậy',
      'em là robot à',
      'bot là máy hay người thật thế',
      'tra loi hay lam, cam on nhieu',
      // addressed as "mày" or "cậu"; asked whether it understands the language
      'mày là người hay máy vậy',
      'cậu là robot à',
      'bạn có hiểu tiếng việt không',
    ])
      expect(classify(text), text).toBe('smalltalk')
    // a person asked for is still the contact reply; a question about a machine is not small talk
    expect(classify('cho tôi nói chuyện với người thật')).toBe('contact')
    expect(classify('ban la nguoi that hay may, cho minh hoi thu tuc khai sinh')).not.toBe('smalltalk')
  })

  it('takes closing the talk, laughter in words and a remark on how fast the bot answers as small talk', () => {
    for (const text of [
      'thôi được rồi, cảm ơn em',
      'haha buồn cười thật',
      'tra loi nhanh ghe, gioi qua',
      'sao hôm nay trả lời chậm thế',
    ])
      expect(classify(text), text).toBe('smalltalk')
    // the same words beside a question or a public service are no remark on the bot
    expect(classify('sao hôm nay cổng dịch vụ công chậm thế')).not.toBe('smalltalk')
    expect(classify('thôi được rồi, làm hộ chiếu ở đâu')).toBe('question')
  })

  it('takes a greeting with "lần đầu", praise with "đấy" and asking leave to ask as small talk', () => {
    for (const text of [
      'xin chào, mình mới dùng lần đầu',
      'chào ad, lần đầu mình vào đây',
      'trả lời hay đấy',
      'mình hỏi chút được không',
      'cho em hỏi xíu ạ',
      'hỏi tí nhé',
    ])
      expect(classify(text), text).toBe('smalltalk')
    // "đâu" is still a question word ("từ đâu"), and leave to ask with the question is the question
    expect(classify('xin chào, bắt đầu làm từ đâu')).not.toBe('smalltalk')
    expect(classify('cho mình hỏi chút về làm hộ chiếu')).toBe('question')
    expect(classify('hỏi chút làm căn cước ở đâu')).toBe('question')
  })

  it('takes a reply said to be no reply, a bot called nonsense and a goodbye until tomorrow as small talk', () => {
    for (const text of [
      'trả lời như không trả lời',
      'bot vớ vẩn',
      'chào nha, mai mình hỏi tiếp',
      'hôm khác em hỏi thêm nhé',
    ])
      expect(classify(text), text).toBe('smalltalk')
    expect(classify('mai mình hỏi tiếp về làm hộ chiếu nhé')).not.toBe('smalltalk')
  })

  it('takes tips on doing a test, wedding customs and applying to a company as outside the records', () => {
    for (const text of ['mẹo làm bài thi trắc nghiệm môn toán', 'lễ ăn hỏi cần chuẩn bị những gì'])
      expect(classify(text), text).toBe('out_of_scope')
    // tips on a procedure are still a question
    expect(classify('mẹo làm hộ chiếu nhanh')).toBe('question')
  })

  it('reads "thủ tục" of a family rite as its everyday sense, and a procedure named beside the rite as a question', () => {
    for (const text of [
      'thủ tục ăn hỏi cần chuẩn bị những gì',
      'thủ tục tân gia cần chuẩn bị những gì',
      'thu tuc nhap trach nha moi gom nhung gi',
    ])
      expect(classify(text), text).toBe('out_of_scope')
    expect(classify('làm thủ tục đăng ký kết hôn trước hay làm lễ ăn hỏi trước')).toBe('question')
  })

  it('takes a call back, a number to call or write to and someone in charge at the commune as asking for a person', () => {
    for (const text of [
      'nhờ nhân viên gọi lại cho mình',
      'gọi lại giúp tôi nhé',
      'kết nối giúp mình với cán bộ',
      'có email nào để liên hệ được hỗ trợ không',
      'goi vao so nao de hoi',
      'số đường dây nóng của sở tư pháp',
      'ai phụ trách tư pháp ở ủy ban xã',
      'cách liên hệ với chủ tịch phường',
      'địa chỉ và số điện thoại chi cục thuế',
    ])
      expect(classify(text), text).toBe('contact')
    // a number inside a question about a procedure is no request for a person
    expect(classify('đổi số điện thoại trên vneid làm thế nào')).not.toBe('contact')
    // nor one's own number and address changed
    expect(
      classify(
        'Công ty đổi số điện thoại và email liên hệ, có phải báo thay đổi thông tin đăng ký thuế không',
      ),
    ).not.toBe('contact')
  })

  it('takes an application handed in days ago, still being handled, sent back or signed as a status question', () => {
    for (const text of [
      'nộp hồ sơ cấp đổi sổ đỏ từ đầu tháng, bao giờ có kết quả',
      'nop online tu thu ba roi bao gio nhan duoc',
      'hồ sơ mình vẫn đang xử lý mãi là sao',
      'hồ sơ em nộp qua bưu điện lên phường hôm trước bị trả về',
      'giấy phép của tôi đã được ký chưa',
      'biên nhận số 12-345 hẹn ngày nào trả',
      // what the portal says of it
      'hồ sơ online báo đang xử lý 3 tuần rồi',
      'cổng dịch vụ công báo đang chờ tiếp nhận cả tuần',
    ])
      expect(classify(text), text).toBe('status')
    expect(classify('đăng ký khai sinh nộp ở đâu')).toBe('question')
    // dollars taken are no progress, trying to see the progress is
    expect(classify('khach san muon thu tien do truc tiep cua khach nuoc ngoai thi xin phep gi')).not.toBe(
      'status',
    )
    expect(classify('xem thu tien do ho so cua toi')).toBe('status')
    expect(classify('kiểm tra tiến độ hồ sơ ở đâu')).toBe('status')
    // a notice's name is no word of the portal
    expect(classify('thông báo đang xử lý hồ sơ thì có được rút hồ sơ không')).not.toBe('status')
  })

  it('takes asking the bot to speak otherwise, wondering how it knows and "à không có gì đâu" as small talk', () => {
    for (const text of [
      'bạn có thể nói chậm hơn không',
      'ủa sao bạn biết hay vậy',
      'à không có gì đâu',
      'trả lời gì mà dài thế',
      'ok để mình thử xem sao',
    ])
      expect(classify(text), text).toBe('smalltalk')
    // a question about speaking to an office is none
    expect(classify('nói chậm hơn với cán bộ một cửa thế nào')).not.toBe('smalltalk')
  })

  it('reads "xong chưa" before the verb it goes with as no question of progress', () => {
    expect(classify('hai đứa mới cưới xong chưa làm giấy tờ gì thì giờ làm gì')).toBe('question')
    expect(classify('Ghe sắt mới đóng xong, chưa chạy chuyến nào, giờ đăng ký lần đầu thế nào')).toBe(
      'question',
    )
    expect(classify('hồ sơ của tôi xong chưa')).toBe('status')
    expect(classify('ho so cua toi xong chua ban')).toBe('status')
    expect(classify('căn cước làm xong chưa vậy')).toBe('status')
  })

  it('takes a formal wish with thanks and a remark on the replies as small talk, however long', () => {
    for (const text of [
      'kính chúc quý cơ quan sức khỏe, cảm ơn đã hỗ trợ ạ',
      'bot trả lời chậm quá vậy',
      'trả lời dở quá',
    ])
      expect(classify(text), text).toBe('smalltalk')
    // a formal greeting before a question is the question's
    expect(classify('kính gửi quý cơ quan, xin hỏi làm hộ chiếu ở đâu, trân trọng cảm ơn')).toBe('question')
    expect(classify('trả lời giúp tôi làm hộ chiếu ở đâu')).toBe('question')
  })

  it('reads an insult beside a question for what it asks, and asking when a result comes without a past hand-in as a question', () => {
    expect(classify('bot ngu quá, làm hộ chiếu ở đâu')).toBe('question')
    expect(classify('làm hộ chiếu bao giờ nhận được')).toBe('question')
  })

  it('recognises complaints, denunciations and feedback', () => {
    expect(isComplaint(expandQuery('tố cáo công an xã nhận hối lộ', synonyms))).toBe(true)
    expect(isComplaint(expandQuery('phan anh can bo hach dich', synonyms))).toBe(true)
    expect(isComplaint(expandQuery('đăng ký khai sinh', synonyms))).toBe(false)
  })
})

describe('isOutsideRecords', () => {
  const outside = (text: string, held: string[] = []) =>
    isOutsideRecords({ query: expandQuery(text, synonyms), wordShare: (w) => (held.includes(w) ? 0.001 : 0) })

  it('takes a message with no administrative word and no word pair the names hold as outside the records', () => {
    expect(outside('hôm nay thứ mấy vậy')).toBe(true)
    expect(outside('hôm nay thứ mấy vậy', ['thu_may'])).toBe(false)
  })

  it('keeps a message naming an administrative word, a public service, a card or a complaint', () => {
    for (const text of [
      'đổi giấy phép lái xe',
      'chuyển mạng giữ số viettel sang vina',
      'làm thẻ ATM bị nuốt thẻ thì làm sao',
      'lam the nha bao cho phong vien moi',
      'gọi lại cho tôi theo số này nhé',
      'phản ánh đường làng bị ngập mấy tháng nay chưa ai sửa',
    ])
      expect(outside(text), text).toBe(false)
    // "thế nào" folded is not a card
    expect(outside('hello trong tieng han noi the nao')).toBe(true)
  })
})

describeOnPortal('out of scope by the records (the national export)', (portal) => {
  const OUT_OF_SCOPE = 'chưa trả lời được câu hỏi này'

  it.each(['hôm nay thứ mấy vậy', 'luộc trứng bao nhiêu phút thì lòng đào', 'tuổi mão hợp màu gì'])(
    'declines "%s", whose word pairs no procedure name holds, with the out-of-scope reply',
    async (text) => {
      const answer = await portal.kb.answer(text, {})
      expect(answer.kind).toBe('not_found')
      expect(answer.candidates).toBeUndefined()
      expect(answer.text).toContain(OUT_OF_SCOPE)
    },
  )

  it.each([
    'đi xe khách từ Hà Nội lên Hà Giang mất mấy tiếng',
    'đi xe buýt từ Cầu Giấy ra Hồ Gươm mất mấy tiếng',
  ])('declines "%s", a passenger’s journey, though a coach station is a procedure’s word', async (text) => {
    const answer = await portal.kb.answer(text, {})
    expect(answer.kind).toBe('not_found')
    expect(answer.text).toContain(OUT_OF_SCOPE)
  })

  it.each(['hôm nay mệt quá bot ơi', 'trời nóng quá ad ơi', 'mai được nghỉ rồi vui ghê bot ơi'])(
    'takes "%s", a remark said to the bot by name that asks nothing, for small talk',
    async (text) => {
      expect((await portal.kb.answer(text, {})).kind).toBe('smalltalk')
    },
  )

  it.each(['bot ơi làm hộ chiếu ở đâu', 'ad ơi đổi bằng lái xe hết bao nhiêu tiền'])(
    'keeps "%s", which names the bot and asks about a procedure, a question',
    async (text) => {
      expect(['answer', 'clarify']).toContain((await portal.kb.answer(text, {})).kind)
    },
  )

  it.each(['thong bao luu tru cho khach o nha nghi', 'đổi tiền rách ở đâu', 'giám định tiền nghi giả'])(
    'keeps "%s", which names no administrative word but whose pairs the names hold, a question',
    async (text) => {
      const answer = await portal.kb.answer(text, {})
      expect(['answer', 'clarify']).toContain(answer.kind)
      expect(answer.text).not.toContain(OUT_OF_SCOPE)
    },
  )

  it.each([
    'xác định mức độ khuyết tật cho con',
    'chuyển mạng giữ số viettel sang vina',
    'làm thẻ ATM bị nuốt thẻ thì làm sao',
  ])(
    'keeps the not-covered reply with the portal and the hotline for the absent service "%s"',
    async (text) => {
      const answer = await portal.kb.answer(text, {})
      expect(answer.kind).not.toBe('answer')
      expect(answer.text).not.toContain(OUT_OF_SCOPE)
      expect(answer.text).toContain('1800 1096')
    },
  )

  it('takes translating into a language as outside the records, and a plant moved out of an epidemic area as a question', () => {
    expect(classify('dịch sang tiếng nhật câu cảm ơn')).toBe('out_of_scope')
    expect(classify('chở cây giống từ vùng có dịch sang tỉnh khác phải kiểm dịch không')).toBe('question')
  })

  it('takes remarks on how the assistant answers and questions on what it runs on as small talk', () => {
    for (const text of [
      'bot này dùng AI à',
      'ai đang trả lời tin nhắn này vậy',
      'có phải máy trả lời tự động không',
      'bạn có biết tôi là ai không',
      'nói tiếng anh được không',
      'chán quá nói chuyện với tôi đi',
      'bạn trả lời nhanh thật đấy',
      'trả lời dài quá đọc không hết',
      'sao bạn không hiểu tôi nói gì vậy',
      'tôi không hài lòng với câu trả lời',
    ])
      expect(classify(text), text).toBe('smalltalk')
    // a person asked for, and a body's reply complained about, are not remarks on the assistant
    expect(classify('cho tôi nói chuyện với cán bộ')).toBe('contact')
    expect(classify('tôi không hài lòng với cách trả lời của cán bộ phường')).not.toBe('smalltalk')
  })

  it('takes a state the portal shows for an application as asking about its progress', () => {
    expect(classify('sao hồ sơ của em bị trạng thái chờ bổ sung')).toBe('status')
  })
})
