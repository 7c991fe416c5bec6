import { describe, expect, it } from 'vitest'
import { splitRequests } from '../../../knowledge/answer/split-requests.ts'
import { offeredCodes } from '../../helpers/offered-codes.ts'
import { usePortalKnowledgeBase } from '../../helpers/portal-knowledge-base.ts'

/** "Đổi giấy phép lái xe" and "Cấp hộ chiếu phổ thông ở trong nước (thực hiện tại cấp tỉnh)". */
const LICENCE_EXCHANGE = '3.000347'
const PASSPORT = '1.001456'

describe('two requests in one message', () => {
  it('are split at the word that joins them, in a short message only', () => {
    expect(splitRequests('vừa đổi bằng lái vừa làm hộ chiếu')).toEqual(['đổi bằng lái', 'làm hộ chiếu'])
    expect(splitRequests('đổi bằng lái xe và làm hộ chiếu thì làm cái nào trước')).toEqual([
      'đổi bằng lái xe',
      'làm hộ chiếu thì làm cái nào trước',
    ])
    expect(splitRequests('doi bang lai va lam ho chieu')).toEqual(['doi bang lai', 'lam ho chieu'])
    // one side of a single word, or no join
    expect(splitRequests('hộ chiếu và visa')).toBeNull()
    expect(splitRequests('làm hộ chiếu ở đâu')).toBeNull()
    // a situation told at length is no list of requests
    expect(
      splitRequests(
        'Con gái tôi lấy chồng Hàn Quốc và muốn nhập quốc tịch Hàn, bên đó yêu cầu bỏ quốc tịch Việt Nam',
      ),
    ).toBeNull()
  })

  it('are read as the items of a list, numbered or bulleted, the words before the first item left out', () => {
    expect(splitRequests('1. đổi bằng lái ô tô 2. làm lại căn cước. cái nào làm online được')).toEqual([
      'đổi bằng lái ô tô',
      'làm lại căn cước. cái nào làm online được',
    ])
    expect(splitRequests('em hỏi 2 việc: - tách thửa đất - sang tên sổ đỏ, phí bao nhiêu')).toEqual([
      'tách thửa đất',
      'sang tên sổ đỏ, phí bao nhiêu',
    ])
    expect(splitRequests('a) khai sinh b) nhập hộ khẩu cho con')).toEqual([
      'khai sinh',
      'nhập hộ khẩu cho con',
    ])
    expect(splitRequests('1) làm hộ chiếu\n2) gia hạn tạm trú\n3) đổi bằng lái')).toEqual([
      'làm hộ chiếu',
      'gia hạn tạm trú',
      'đổi bằng lái',
    ])
    // a dash inside a name or a route is no list; a number in a sentence is no item
    expect(splitRequests('đăng ký xe chạy tuyến Sài Gòn - Đà Lạt - Nha Trang')).toBeNull()
    expect(splitRequests('nhà ở quận 1. tôi muốn hỏi 2 việc')).toBeNull()
    // an item of one word is none
    expect(splitRequests('1) visa 2) passport')).toBeNull()
  })

  const portal = usePortalKnowledgeBase()

  it('ask which of the two procedures to show first, instead of saying the records lack them', async () => {
    for (const question of [
      'vừa đổi bằng lái vừa làm hộ chiếu thì làm cái nào trước',
      'đổi bằng lái và làm hộ chiếu',
    ]) {
      const answer = await portal.kb.answer(question)
      expect(answer.kind, question).toBe('clarify')
      expect(answer.text).toMatch(/^Bạn hỏi về 2 thủ tục/)
      expect(offeredCodes(answer)).toEqual([LICENCE_EXCHANGE, PASSPORT])
      // the number picks it, as after any list
      const picked = await portal.kb.answer('2', { candidateCodes: offeredCodes(answer) })
      expect(picked).toMatchObject({ kind: 'answer', procedure: { code: PASSPORT } })
    }
  })

  it('ask which of a list of requests to show first, each answered alone', async () => {
    const answer = await portal.kb.answer('1. đổi bằng lái ô tô 2. làm lại căn cước. cái nào làm online được')
    expect(answer.kind).toBe('clarify')
    expect(answer.text).toMatch(/^Bạn hỏi về 2 thủ tục/)
    // "Đổi giấy phép lái xe", "Cấp lại thẻ căn cước"
    expect(offeredCodes(answer)).toEqual([LICENCE_EXCHANGE, '1.014064'])
    const three = await portal.kb.answer(
      '1) làm hộ chiếu\n2) gia hạn tạm trú\n3) đổi bằng lái, mỗi cái bao lâu',
    )
    expect(three.text).toMatch(/^Bạn hỏi về 3 thủ tục/)
    expect(offeredCodes(three)).toContain(PASSPORT)
  })

  it('offer the items of a list the records hold a procedure for, saying the others have none', async () => {
    const answer = await portal.kb.answer(
      '- mở công ty cổ phần với 3 người bạn, cần chuẩn bị giấy tờ gì và nộp ở đâu - làm con dấu có bắt buộc không',
    )
    expect(answer.kind).toBe('clarify')
    expect(answer.text).toMatch(/^Bạn hỏi 2 ý, nhưng dữ liệu thủ tục chính thức ở đây chỉ có thủ tục cho 1 ý/)
    // "Đăng ký thành lập công ty cổ phần"
    expect(offeredCodes(answer)).toEqual(['2.002043'])
  })

  it('offer the first option of an item asked back about, when the whole list found nothing sure', async () => {
    const answer = await portal.kb.answer(
      '1) doanh nghiệp quốc phòng bên tôi cần chở thuốc nổ quân dụng từ kho về công trường, xin giấy phép vận chuyển ở đâu 2) xe chở có cần đăng kiểm riêng không',
    )
    expect(answer.kind).toBe('clarify')
    // "Cấp Giấy phép vận chuyển vật liệu nổ quân dụng"
    expect(offeredCodes(answer)).toContain('1.013424')
  })

  it('read a list whose items all name the same procedure as one request', async () => {
    const answer = await portal.kb.answer('1) làm hộ chiếu lần đầu ở đâu 2) làm hộ chiếu mất bao lâu')
    expect(answer.text).not.toMatch(/^Bạn hỏi (?:về )?2/)
    expect(offeredCodes(answer)[0]).toBe(PASSPORT)
  })

  it('leave a message read together alone when it is answered so', async () => {
    const answer = await portal.kb.answer('xin xác nhận độc thân rồi đăng ký kết hôn luôn')
    expect(answer.kind).toBe('answer')
  })
})
