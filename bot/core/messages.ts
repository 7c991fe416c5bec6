/**
 * Vietnamese copy of the citizens' chat (NFC, full diacritics). Facts about procedures never
 * live here: they come from the knowledge base.
 * @module
 */

export const PORTAL_URL = 'https://dichvucong.gov.vn'

export const messages = {
  welcome:
    'Xin chào! Tôi là Trợ lý số, trợ lý tra cứu thủ tục hành chính công.\n' +
    'Bạn hãy hỏi bằng lời của mình, có dấu hay không dấu đều được, ví dụ:\n' +
    '• làm lại căn cước bị mất\n' +
    '• đăng ký khai sinh cần giấy tờ gì\n' +
    '• đổi bằng lái xe hết bao nhiêu tiền\n' +
    'Sau câu trả lời, bạn có thể hỏi tiếp "phí bao nhiêu?", "làm online được không?".',
  help:
    'Tôi trả lời về thủ tục hành chính: hồ sơ cần gì, lệ phí, thời hạn, nơi nộp, có làm trực tuyến được không.\n' +
    'Lệnh: /help (hướng dẫn), /contact (gặp cán bộ hỗ trợ), /privacy (quyền riêng tư).',
  menuTitle: 'Bạn cần gì thêm?',
  menuContact: 'Gặp cán bộ hỗ trợ',
  menuPrivacy: 'Quyền riêng tư',
  menuHelp: 'Hướng dẫn',
  contact: (hotline: string) =>
    `Để được cán bộ hỗ trợ trực tiếp, bạn gọi tổng đài Dịch vụ công ${hotline} (miễn phí, giờ hành chính) ` +
    `hoặc gửi phản ánh, kiến nghị trên Cổng Dịch vụ công quốc gia ${PORTAL_URL}.`,
  contactLink: 'Cổng Dịch vụ công quốc gia',
  maintenance: (notice: string, hotline: string) =>
    `${notice}\nTrợ lý tạm ngừng trả lời trong thời gian này. Bạn cần hỗ trợ gấp, xin gọi tổng đài ${hotline} ` +
    '(miễn phí) hoặc xem Cổng Dịch vụ công quốc gia dichvucong.gov.vn.',
  statusLink: 'Tra cứu hồ sơ trên Cổng Dịch vụ công quốc gia',
  relatedTitle: 'Có thể liên quan:',
  privacy: (conversationDays: number, countsDays: number) =>
    'Quyền riêng tư: Trợ lý số không cần và không hỏi thông tin cá nhân của bạn. ' +
    'Số căn cước, số điện thoại, email trong tin nhắn được tự động che trước khi lưu. ' +
    `Câu hỏi (đã che) được lưu ${conversationDays} ngày để cải thiện câu trả lời, sau đó được xoá; ` +
    `chỉ còn số liệu thống kê không gắn với ai (loại câu hỏi, thủ tục, đánh giá), giữ ${countsDays} ngày. ` +
    'Trạng thái trò chuyện tự xoá sau một thời gian không dùng. ' +
    'Trợ lý chỉ cung cấp thông tin tham khảo từ Cổng Dịch vụ công quốc gia, không thay cho văn bản của cơ quan có thẩm quyền.',
  personalDataWarning:
    'Lưu ý: bạn không cần gửi số căn cước, số điện thoại hay email. Tôi đã che các thông tin đó và không lưu lại.',
  slowDown: 'Bạn đang gửi tin nhắn hơi nhanh. Vui lòng đợi vài giây rồi hỏi tiếp nhé.',
  officialPage: (code: string) => `Xem trang chính thức (mã ${code})`,
  feedbackQuestion: 'Câu trả lời này có hữu ích không?',
  feedbackUseful: '👍 Hữu ích',
  feedbackNotUseful: '👎 Chưa hữu ích',
  thanksUseful: 'Cảm ơn bạn đã góp ý!',
  thanksNotUseful: (hotline: string) =>
    'Cảm ơn bạn. Câu hỏi đã được ghi lại để cán bộ bổ sung câu trả lời. ' +
    `Nếu cần gấp, bạn gọi tổng đài ${hotline} hoặc hỏi lại theo cách khác.`,
  notFoundRecorded: 'Câu hỏi của bạn đã được ghi lại để cán bộ bổ sung.',
  staleChoice: 'Lựa chọn này đã hết hạn. Bạn vui lòng hỏi lại câu hỏi nhé.',
  emptyText: 'Bạn hãy nhập câu hỏi về thủ tục hành chính, ví dụ "làm lại căn cước bị mất".',
  nonText:
    'Hiện tôi chỉ đọc được tin nhắn chữ. Bạn vui lòng gõ câu hỏi, ví dụ "đăng ký khai sinh cần giấy tờ gì".',
  error:
    'Xin lỗi, tôi đang gặp sự cố và chưa trả lời được. Bạn vui lòng thử lại sau ít phút ' +
    'hoặc tra cứu tại https://dichvucong.gov.vn.',
} as const
