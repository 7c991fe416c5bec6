import { describe, expect, it } from 'vitest'
import { usePortalKnowledgeBase } from '../../helpers/portal-knowledge-base.ts'

/**
 * Everyday words for registered businesses, offices and vehicles (knowledge/data/synonyms.json): the
 * enterprise registration certificate keeps its own words (not read as founding one), a request to stop
 * the registration in progress, opening a branch or a business location, a cooperative's representative,
 * a notary office's address, yellow and white number plates, social insurance for a company's staff, and
 * a land certificate still showing the old identity number.
 */
describe('everyday words for registrations on the portal export', () => {
  const portal = usePortalKnowledgeBase()
  const firstCodes = (question: string, n: number) =>
    portal.kb.search(question, { limit: n }).map((r) => r.code)

  it.each([
    ['công ty bị mất giấy chứng nhận đăng ký doanh nghiệp cần cấp lại', ['2.002018']],
    ['xe tải đổi biển trắng sang biển vàng', ['1.013079']],
    ['đăng ký đóng bảo hiểm xã hội cho người lao động của công ty', ['1.002051']],
    ['hợp tác xã thay đổi người đại diện theo pháp luật', ['1.004979']],
    ['văn phòng luật mở thêm chi nhánh', ['1.002099']],
    ['công ty mở thêm chi nhánh ở tỉnh khác', ['2.002069', '2.002123']],
    ['mở thêm địa điểm kinh doanh cho công ty', ['2.002069', '2.002123']],
    ['sổ hồng vẫn ghi số chứng minh cũ, muốn cập nhật số căn cước', ['1.013833']],
  ])('"%s" finds %s first', (question, codes) => {
    expect(codes).toContain(firstCodes(question, 1)[0])
  })

  it.each([
    ['công ty muốn dừng thủ tục đăng ký doanh nghiệp đã nộp', '1.010010'],
    ['văn phòng công chứng đổi địa chỉ trụ sở', '1.013836'],
  ])('"%s" finds %s among the first two', (question, code) => {
    expect(firstCodes(question, 2)).toContain(code)
  })
})
