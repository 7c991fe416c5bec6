/**
 * Parses the portal's "Cấp thực hiện" ("Cấp bộ, Cấp tỉnh, Cấp xã") into levels.
 * @module
 */
import { cleanText, isPlaceholder } from './parse-text.ts'

/** @example parseLevels('Cấp tỉnh, Cấp xã') // ['Cấp tỉnh', 'Cấp xã'] */
export const parseLevels = (raw: string | null | undefined): string[] =>
  isPlaceholder(raw)
    ? []
    : cleanText(raw)
        .split(',')
        .map((level) => cleanText(level))
        .filter((level) => level !== '')
