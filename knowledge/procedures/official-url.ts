/**
 * Which links may stand as a procedure's official URL: answers show them to citizens as
 * buttons and links, so only `https:` pages qualify, and `http:` only on government hosts
 * (`gov.vn` and its subdomains). `javascript:`, `data:`, `vbscript:`, `file:` and anything
 * else are refused, as are links carrying a user name or password.
 * @module
 */
import { z } from 'zod'

export const OFFICIAL_URL_RULE = 'chỉ nhận liên kết https:// (hoặc http:// cho tên miền .gov.vn)'

const isGovVnHost = (hostname: string) => hostname === 'gov.vn' || hostname.endsWith('.gov.vn')

/**
 * @example isOfficialUrl('https://dichvucong.gov.vn/p/1') // true
 * @example isOfficialUrl('javascript:alert(1)') // false
 */
export const isOfficialUrl = (text: string): boolean => {
  if (!URL.canParse(text)) return false
  const url = new URL(text)
  if (!url.hostname || url.username || url.password) return false
  if (url.protocol === 'https:') return true
  return url.protocol === 'http:' && isGovVnHost(url.hostname.toLowerCase())
}

/** A procedure's official URL in a zod schema: a URL that passes `isOfficialUrl`. */
export const ZOfficialUrl = z.string().refine(isOfficialUrl, OFFICIAL_URL_RULE)
