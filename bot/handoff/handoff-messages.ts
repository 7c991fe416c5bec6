/**
 * What citizens are told about a hand-off to a person (Vietnamese, NFC).
 * @module
 */
export const handoffMessages = {
  connecting: 'Đang chuyển tới cán bộ hỗ trợ… Bạn cứ nhắn tiếp tại đây, cán bộ sẽ trả lời trong giây lát.',
  outsideHours: (hours: string, hotline: string) =>
    `Hiện ngoài giờ làm việc của cán bộ hỗ trợ (${hours}). Câu hỏi của bạn đã được ghi lại; ` +
    `cán bộ sẽ trả lời ngay tại đây khi trở lại làm việc. Cần gấp, bạn gọi tổng đài ${hotline} (miễn phí).`,
  forwarded: 'Đã chuyển tin nhắn của bạn tới cán bộ hỗ trợ.',
  emptyWhileWaiting: 'Bạn đang được nối với cán bộ hỗ trợ. Hãy nhắn nội dung cần hỏi.',
  staffPrefix: 'Cán bộ hỗ trợ',
  closed: 'Cán bộ hỗ trợ đã kết thúc cuộc trò chuyện. Trợ lý tự động tiếp tục trả lời câu hỏi của bạn.',
} as const
