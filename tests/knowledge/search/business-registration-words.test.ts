import { expect, it } from 'vitest'
import { offeredCodes } from '../../helpers/offered-codes.ts'
import { describeOnPortal } from '../../helpers/portal-knowledge-base.ts'
import { itRanksFirst } from '../../helpers/portal-question-tables.ts'

/**
 * Everyday words for registered businesses, offices and vehicles (knowledge/data/synonyms.json): the
 * enterprise registration certificate keeps its own words (not read as founding one), a request to stop
 * the registration in progress, opening a branch or a business location, a cooperative's representative,
 * a notary office's address, yellow and white number plates, social insurance for a company's staff, and
 * a land certificate still showing the old identity number.
 */
describeOnPortal('everyday words for registrations on the portal export', (portal) => {
  itRanksFirst(
    portal,
    '"%s" finds %s first',
    [
      ['công ty bị mất giấy chứng nhận đăng ký doanh nghiệp cần cấp lại', '2.002018'],
      ['xe tải đổi biển trắng sang biển vàng', '1.013079'],
      ['đăng ký đóng bảo hiểm xã hội cho người lao động của công ty', '1.002051'],
      ['hợp tác xã thay đổi người đại diện theo pháp luật', '1.004979'],
      ['văn phòng luật mở thêm chi nhánh', '1.002099'],
      ['công ty mở thêm chi nhánh ở tỉnh khác', ['2.002069', '2.002123']],
      ['mở thêm địa điểm kinh doanh cho công ty', ['2.002069', '2.002123']],
      ['sổ hồng vẫn ghi số chứng minh cũ, muốn cập nhật số căn cước', '1.013833'],
      // "hkd" is read as typed "hộ kinh doanh", so what it says with it reads as it would then
      ['hkd doi dia diem kinh doanh sang phuong khac thi lam j', '2.000720'],
      // "đóng mã số" of a business closes its tax code, not a livestock product's code
      ['đóng mã số hộ kinh doanh', ['1.007607', '1.001266']],
    ],
    { limit: 1 },
  )

  it.each([
    ['công ty muốn dừng thủ tục đăng ký doanh nghiệp đã nộp', '1.010010'],
    ['văn phòng công chứng đổi địa chỉ trụ sở', '1.013836'],
  ])('"%s" finds %s among the first two', (question, code) => {
    expect(portal.kb.search(question, { limit: 2 }).map((r) => r.code)).toContain(code)
  })
})

describeOnPortal('opening a shop of a kind named, on the portal export', (portal) => {
  it('answers the household business’s registration (before: a question among its taxes)', async () => {
    for (const question of [
      'mở quán cà phê cần giấy phép gì',
      'mo quan an can giay to gi',
      'tôi muốn mở tiệm tạp hóa nhỏ',
    ]) {
      const answer = await portal.kb.answer(question, {})
      expect(answer.kind, question).toBe('answer')
      expect(answer.procedure?.code, question).toBe('1.001612')
    }
  })

  it('reads returning the household business certificate as its end', async () => {
    for (const question of [
      'nghỉ bán rồi, muốn trả lại giấy đăng ký hộ kinh doanh cho phường thì làm sao',
      'không bán nữa, trả lại giấy phép kinh doanh',
    ]) {
      const answer = await portal.kb.answer(question, {})
      // "Chấm dứt hoạt động hộ kinh doanh", not its registration
      expect(answer.procedure?.code, question).toBe('1.001266')
    }
  })

  it('reads a shop named with a permit asked as the household business, not a weapons permit', async () => {
    for (const question of ['quán ăn cần giấy phép gì', 'xin giấy phép cho quán cà phê']) {
      const answer = await portal.kb.answer(question, {})
      expect(['answer', 'clarify'], question).toContain(answer.kind)
      expect(offeredCodes(answer), question).toContain('1.001612')
      expect(offeredCodes(answer).join(' '), question).not.toMatch(/3\.0003|1\.013424/)
    }
    const asked = await portal.kb.answer('tiệm tạp hóa có cần giấy phép kinh doanh không', {})
    expect(asked.procedure?.code).toBe('1.001612')
  })
})

describeOnPortal('a company changing its name, on the portal export', (portal) => {
  it('offers the enterprise registration change first, never the request against an infringing name', async () => {
    for (const q of [
      'công ty tôi muốn đổi tên',
      'công ty đổi tên thì đăng ký thế nào',
      'doanh nghiệp đổi tên',
    ]) {
      const a = await portal.kb.answer(q, {})
      expect(a.kind, q).not.toBe('not_found')
      expect(offeredCodes(a)[0], q).toBe('2.002041')
      expect(a.procedure?.code, q).not.toBe('1.005169')
    }
  })
})
