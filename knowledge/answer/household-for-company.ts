/**
 * A company is not a household business: a question about a company ("giấy phép kinh doanh của công ty",
 * "còn công ty thì sao") that names no household business is not answered as if sure with a household
 * business's procedure, nor one about a household business ("hộ kinh doanh đổi ngành nghề") with a
 * company's.
 * @module
 */
import { foldPhrase } from '../search/load-synonyms.ts'

/** Words naming a company ("cty" folds to "cti"), and a household business, in a question or a name (folded). */
const COMPANY_WORDS = ['cong ti', 'doanh nghiep', 'cti']
const HOUSEHOLD_WORDS = ['ho kinh doanh', 'ho ca the', 'kinh doanh ca the']

/**
 * @param name a procedure's name
 * @param folded the question's folded words
 * @returns whether the name is a household business's and the question asks about a company instead
 * @example householdForCompany('Đăng ký thành lập hộ kinh doanh', ['con', 'cong', 'ti', 'thi', 'sao']) // true
 */
export const householdForCompany = (name: string, folded: readonly string[]): boolean => {
  const asked = ` ${folded.join(' ')} `
  return (
    isHouseholdName(name) &&
    COMPANY_WORDS.some((w) => asked.includes(` ${w} `)) &&
    !HOUSEHOLD_WORDS.some((w) => asked.includes(` ${w} `))
  )
}

/**
 * @param name a procedure's name
 * @returns whether it is a household business's procedure and no company's
 * @example isHouseholdName('Đăng ký thay đổi nội dung đăng ký hộ kinh doanh') // true
 */
export const isHouseholdName = (name: string): boolean => {
  const named = ` ${foldPhrase(name)} `
  return named.includes(' ho kinh doanh ') && !COMPANY_WORDS.some((w) => named.includes(` ${w} `))
}

/**
 * @param folded the question's folded words
 * @returns whether the question names a household business and no company: a company's procedure
 *   ({@link isCompanyName}) is then no choice for it
 * @example asksHouseholdOnly(['ho', 'kinh', 'doanh', 'doi', 'nganh', 'nghe']) // true
 */
export const asksHouseholdOnly = (folded: readonly string[]): boolean => {
  const asked = ` ${folded.join(' ')} `
  return (
    HOUSEHOLD_WORDS.some((w) => asked.includes(` ${w} `)) &&
    !COMPANY_WORDS.some((w) => asked.includes(` ${w} `))
  )
}

/**
 * @param name a procedure's name
 * @returns whether it is a company's procedure and no household business's
 * @example isCompanyName('Đăng ký thay đổi nội dung đăng ký doanh nghiệp') // true
 */
export const isCompanyName = (name: string): boolean => {
  const named = ` ${foldPhrase(name)} `
  return (
    COMPANY_WORDS.some((w) => named.includes(` ${w} `)) &&
    !HOUSEHOLD_WORDS.some((w) => named.includes(` ${w} `))
  )
}
