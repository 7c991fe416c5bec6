/**
 * Ten everyday citizen questions (with and without diacritics, abbreviations) that the
 * HTTP benchmarks cycle through, so their figures compare with each other.
 * @module
 */
export const CITIZEN_QUESTIONS = [
  'làm lại căn cước bị mất',
  'lam lai cccd bi mat o dau',
  'đăng ký khai sinh cần giấy tờ gì',
  'đổi GPLX hết bao nhiêu',
  'hộ chiếu làm online được không',
  'đăng ký kết hôn với người nước ngoài',
  'cấp phiếu lý lịch tư pháp mấy ngày',
  'thành lập hộ kinh doanh',
  'sổ đỏ cấp lại',
  'đăng ký thường trú cho con',
]

/** The i-th question, cycling through the list. */
export const citizenQuestion = (i: number) => CITIZEN_QUESTIONS[i % CITIZEN_QUESTIONS.length]!

/** The procedure search the HTTP benchmarks send for the i-th question. */
export const searchRequest = (i: number) => ({
  method: 'GET',
  path: `/v1/procedures?q=${encodeURIComponent(citizenQuestion(i))}&limit=5`,
})
