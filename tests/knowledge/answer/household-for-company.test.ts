import { expect, it } from 'vitest'
import { householdForCompany } from '../../../knowledge/answer/household-for-company.ts'
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
