/**
 * Parses the portal's "Đối tượng thực hiện" into audience labels.
 * @module
 */
import { cleanText, isPlaceholder } from './parse-text.ts'

/**
 * Splits on commas outside parentheses ("Tổ chức (không bao gồm doanh nghiệp, HTX)" stays
 * whole). Portal labels start with a capital, so a part starting in lower case continues
 * the previous label ("Cán bộ, công chức, viên chức").
 * @example parseAudience('Công dân Việt Nam, Tổ chức (không bao gồm doanh nghiệp, HTX)')
 * // ['Công dân Việt Nam', 'Tổ chức (không bao gồm doanh nghiệp, HTX)']
 */
export const parseAudience = (raw: string | null | undefined): string[] => {
  if (isPlaceholder(raw)) return []
  const parts: string[] = []
  let depth = 0
  let current = ''
  for (const char of cleanText(raw)) {
    if (char === '(') depth++
    if (char === ')') depth = Math.max(0, depth - 1)
    if (char === ',' && depth === 0) {
      parts.push(current)
      current = ''
    } else current += char
  }
  parts.push(current)
  const labels: string[] = []
  for (const part of parts.map((p) => cleanText(p)).filter((p) => p !== '')) {
    const previous = labels.length - 1
    if (previous >= 0 && /^\p{Ll}/u.test(part)) labels[previous] = `${labels[previous]}, ${part}`
    else labels.push(part)
  }
  return labels
}
