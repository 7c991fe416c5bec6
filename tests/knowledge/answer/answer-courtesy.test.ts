import { describe, expect, it } from 'vitest'
import { usePortalKnowledgeBase } from '../../helpers/portal-knowledge-base.ts'

/** Questions answered outright on their own, with the procedure that answers them. */
const PLAIN: [string, string][] = [
  ['khôi phục mã số thuế', '1.008510'],
  ['xin lý lịch tư pháp để đi làm ở Nhật', '3.000333'],
  ['cải chính hộ tịch sai ngày sinh', '1.004859'],
  ['khai thuế cho người làm đại lý xổ số', '1.007690'],
  ['kich hoat dinh danh dien tu muc 2 tren VNeID o dau', '3.000228'],
  ['đăng ký giám hộ cho cháu mồ côi', '1.004837'],
  ['nhận con nuôi', '2.001263'],
  ['xin mã số vùng trồng sầu riêng để xuất khẩu', '1.014776'],
]

/** The ways citizens open and close a message around the question. */
const WRAPPERS: ((q: string) => string)[] = [
  (q) => `${q}, cảm ơn nhiều`,
  (q) => `${q}. Em cảm ơn ạ!`,
  (q) => `Xin chào, ${q}`,
  (q) => `chào ad, cho em hỏi ${q} ạ`,
  (q) => `làm ơn cho hỏi ${q}`,
  (q) => `dạ ${q}`,
  (q) => `cho mình hỏi chút, ${q}`,
  (q) => `${q} ạ, em cần gấp`,
  (q) => `em muốn hỏi về ${q}`,
  (q) => `bot ơi, ${q}`,
  (q) => `hi ${q}`,
  (q) => `alo ${q}`,
  (q) => `Kính gửi quý cơ quan, ${q}. Xin trân trọng cảm ơn!`,
  (q) => `tôi có việc muốn hỏi, ${q}`,
  (q) => `${q} ở phường em`,
  (q) => `${q}?? ai biết chỉ em với`,
  (q) => `ai biết ${q} không`,
  (q) => `${q} pls`,
  (q) => `hỏi lại: ${q}`,
  (q) => `${q}, em đang chờ trả lời`,
  (q) => `xin lỗi làm phiền, ${q}`,
  (q) => `${q} trong năm nay`,
  (q) => `lần đầu em hỏi, ${q}`,
  (q) => `${q}, cần trước Tết`,
  (q) => `${q}, cần gấp trong tuần này`,
  (q) => `hàng xóm bảo ${q}, đúng không`,
  (q) => `nghe nói ${q}`,
  (q) => `ok ad, ${q}`,
  (q) => `mai em bay rồi, ${q}`,
  (q) => `${q}, mai em phải nộp rồi`,
  (q) => `mẹ em nhờ hỏi ${q}`,
  (q) => `em hỏi giùm bà nội, ${q}`,
  (q) => `${q} ở Việt Nam`,
  (q) => `${q} ở quận Hoàn Kiếm cũ`,
  (q) => `tôi đang sống ở tỉnh Hà Tây cũ, ${q}`,
]

describe('greetings, thanks and asking leave around a question', () => {
  const portal = usePortalKnowledgeBase()

  it('leave the answer as it is without them', async () => {
    for (const [question, code] of PLAIN) {
      expect(await portal.kb.answer(question), question).toMatchObject({
        kind: 'answer',
        procedure: { code },
      })
      for (const wrap of WRAPPERS) {
        const wrapped = wrap(question)
        expect(await portal.kb.answer(wrapped), wrapped).toMatchObject({
          kind: 'answer',
          procedure: { code },
        })
      }
    }
  })

  it('leave a long story the story it is, though asking leave opens it', async () => {
    const story =
      'Tôi đang làm thủ tục vay ngân hàng mua căn hộ, ngân hàng yêu cầu giấy xác nhận độc thân vì tôi chưa lấy vợ, làm ở đâu'
    for (const message of [
      story,
      `làm ơn cho hỏi ${story}`,
      `chào ad, cho em hỏi ${story} ạ`,
      `em muốn hỏi về ${story}`,
    ])
      expect(await portal.kb.answer(message), message).toMatchObject({
        kind: 'answer',
        procedure: { code: '1.004873' },
      })
  })

  it('take a greeting before a request naming a procedure as a question, and one with a wish as small talk', async () => {
    expect(await portal.kb.answer('Xin chào, thủ tục thành lập văn phòng giám định tư pháp')).toMatchObject({
      kind: 'answer',
      procedure: { code: '2.000890' },
    })
    expect((await portal.kb.answer('chào bạn, chúc bạn làm việc hiệu quả')).kind).toBe('smalltalk')
  })

  it('take a greeting before three words the procedure names hold as a question, before one pair as small talk', async () => {
    expect(await portal.kb.answer('Xin chào, thành lập trung tâm hòa giải thương mại')).toMatchObject({
      kind: 'answer',
      procedure: { code: '1.008907' },
    })
    expect(await portal.kb.answer('Xin chào, hải quan trung chuyển')).toMatchObject({ kind: 'answer' })
    expect((await portal.kb.answer('xin chào, tôi mới dùng lần đầu')).kind).toBe('smalltalk')
  })

  it('take a greeting before words of a single name, or a pair holding a word few names hold, as a question', async () => {
    // ("mã số vùng trồng": pairs one name alone holds; "thẻ ABTC", "tem AB": words a few names hold)
    expect(await portal.kb.answer('Xin chào, xin mã số vùng trồng sầu riêng để xuất khẩu')).toMatchObject({
      kind: 'answer',
      procedure: { code: '1.014776' },
    })
    expect(await portal.kb.answer('Xin chào, tem AB đi Lào')).toMatchObject({ kind: 'answer' })
    expect((await portal.kb.answer('chào, thẻ ABTC')).kind).not.toBe('smalltalk')
    for (const message of [
      'chúc bạn làm việc hiệu quả',
      'chúc ad mạnh khỏe, công việc thuận lợi',
      'chào bạn, bạn khỏe không',
    ])
      expect((await portal.kb.answer(message)).kind, message).toBe('smalltalk')
  })

  it('take thanks that close a greeted request as courtesy, and thanks that open a message as thanks', async () => {
    for (const message of [
      'Chào anh chị, cải chính hộ tịch sai ngày sinh. Cảm ơn',
      'Chào anh chị\ncải chính hộ tịch sai ngày sinh\nEm cảm ơn anh chị ạ',
    ])
      expect(await portal.kb.answer(message), message).toMatchObject({
        kind: 'answer',
        procedure: { code: '1.004859' },
      })
    expect((await portal.kb.answer('chào bạn, cảm ơn ạ')).kind).toBe('smalltalk')
  })

  it('still take a greeting or thanks alone as small talk', async () => {
    for (const message of [
      'Xin chào',
      'cảm ơn nhiều',
      'chào ad',
      'em cảm ơn ạ',
      'hi bot',
      'alo',
      'bot ơi',
      'bot ơi, giỏi quá',
      'Chào anh chị, chúc một ngày tốt lành, cảm ơn',
    ])
      expect((await portal.kb.answer(message)).kind, message).toBe('smalltalk')
  })

  it('leave a message outside the records outside them, however it is addressed or thanked for', async () => {
    for (const message of [
      'Kính gửi quý cơ quan, dự báo thời tiết Huế ngày mai. Xin trân trọng cảm ơn!',
      'Kính gửi quý cơ quan, kết quả xổ số miền Bắc hôm nay',
      'dự báo thời tiết Huế ngày mai, cảm ơn nhiều',
      'bot ơi, messi hay ronaldo gioi hon',
      // between a greeting and thanks, on lines of their own or not
      'Chào anh chị\ngiá bạc hôm nay\nCảm ơn',
      'Chào anh chị, dự báo thời tiết Huế ngày mai. Cảm ơn',
      'chào ad, cách làm gà rán giòn, em cảm ơn',
    ])
      expect((await portal.kb.answer(message)).kind, message).toBe('not_found')
  })
})
