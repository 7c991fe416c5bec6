import { describe, expect, it } from 'vitest'
import { analyzeText } from '../../../knowledge/search/normalize-vietnamese.ts'
import { speaksForOrganisation } from '../../../knowledge/search/speaks-for-organisation.ts'
import { describeOnPortal } from '../../helpers/portal-knowledge-base.ts'

describe('speaksForOrganisation', () => {
  it.each([
    'công ty tôi muốn đăng ký giao dịch ngoại hối',
    'cty chuyen tru so sang tinh khac',
    'doanh nghiệp muốn đăng ký khai thác tuyến',
    'HTX muốn đổi tên',
    'bên công ty mình cần xin giấy phép gì',
  ])('reads "%s" as asked for an organisation', (question) => {
    expect(speaksForOrganisation(analyzeText(question))).toBe(true)
  })

  it.each([
    'bị tai nạn lao động ở công ty thì hưởng chế độ thế nào',
    'tôi muốn thành lập công ty',
    'làm lại căn cước',
  ])('reads "%s" as a citizen\'s question', (question) => {
    expect(speaksForOrganisation(analyzeText(question))).toBe(false)
  })
})

describeOnPortal("a company's question on the portal export", (portal) => {
  // 2.000085 "Thủ tục xác nhận đăng ký giao dịch ngoại hối liên quan đến hoạt động đầu tư ra nước ngoài"
  // ranks above the oil-and-gas variant that also lists citizens among those who file it.
  it('does not favour a procedure for listing citizens among those who file it', () => {
    expect(
      portal.kb.search('cty muon dang ky giao dich ngoai hoi de dau tu ra nuoc ngoai', { limit: 1 })[0]?.code,
    ).toBe('2.000085')
  })
})
