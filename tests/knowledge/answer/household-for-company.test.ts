import { expect, it } from 'vitest'
import {
  asksHouseholdOnly,
  householdForCompany,
  isCompanyName,
} from '../../../knowledge/answer/household-for-company.ts'
import { foldPhrase } from '../../../knowledge/search/load-synonyms.ts'

const words = (text: string) => foldPhrase(text).split(' ')

it('tells a company asked about from a household business’s procedure', () => {
  expect(householdForCompany('Đăng ký thành lập hộ kinh doanh', words('còn công ty thì sao'))).toBe(true)
  expect(householdForCompany('Đăng ký thành lập hộ kinh doanh', words('giấy phép kinh doanh của cty'))).toBe(
    true,
  )
  // the question names the household business too, or the name speaks of companies as well
  expect(
    householdForCompany('Đăng ký thành lập hộ kinh doanh', words('chuyển hộ kinh doanh thành công ty')),
  ).toBe(false)
  expect(
    householdForCompany('Khai thuế đối với doanh nghiệp, hộ kinh doanh', words('công ty khai thuế ở đâu')),
  ).toBe(false)
  expect(householdForCompany('Đăng ký doanh nghiệp tư nhân', words('thành lập công ty'))).toBe(false)
})

it('tells a household business asked about from a company’s procedure', () => {
  const change =
    'Đăng ký thay đổi địa chỉ trụ sở chính, đăng ký đổi tên của doanh nghiệp; Thông báo thay đổi ngành, nghề kinh doanh'
  expect(isCompanyName(change)).toBe(true)
  expect(asksHouseholdOnly(words('hộ kinh doanh đổi ngành nghề'))).toBe(true)
  expect(asksHouseholdOnly(words('ho ca the doi dia chi'))).toBe(true)
  // a company asked about, both named, or a name for both
  expect(asksHouseholdOnly(words('công ty đổi ngành nghề'))).toBe(false)
  expect(asksHouseholdOnly(words('chuyển hộ kinh doanh thành công ty'))).toBe(false)
  expect(isCompanyName('Khai thuế đối với doanh nghiệp, hộ kinh doanh')).toBe(false)
})
