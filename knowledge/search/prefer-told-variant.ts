/**
 * The variant a message's facts decide goes before its plain sibling: "giấy khai sinh gốc bị cháy, ở
 * xã cũng không còn sổ lưu" decides "đăng ký lại" (find-story-variants.ts), yet the plain birth
 * registration, a shorter name, can lead it by a hair. When a result just below the first holds the
 * variant's words, the first does not, and the two names are the same once those words are taken out
 * ("Thủ tục đăng ký lại khai sinh" and "Thủ tục đăng ký khai sinh"), the variant goes first. A variant
 * the facts rule out ("khai sinh kết hợp" once the birth certificate exists) goes below the first
 * result just under it whose name lacks those words and holds no word the first's lacks, or holds a
 * variant the facts decide ("Cấp bản sao Trích lục hộ tịch …" below "Thủ tục đăng ký lại khai sinh" once
 * the register is told lost: a copy is made from the register).
 * @module
 */
import { foldPhrase } from './load-synonyms.ts'
import type { SearchResult } from './search.types.ts'

/** Only the results this near the top are compared. */
const REACH = 3

const foldedWords = (text: string): string => ` ${foldPhrase(text)} `

/**
 * The results with the one at k moved first, scored a hair above the first it passes (as the answer's
 * fitting sibling is), so that the reply reads the same order as the search.
 */
const moveFirst = (results: SearchResult[], k: number): SearchResult[] => {
  const out = [...results]
  out.splice(k, 1)
  const score = Math.round(((results[0] as SearchResult).score + 0.001) * 1000) / 1000
  out.unshift({ ...(results[k] as SearchResult), score })
  return out
}

/**
 * @param variants the words of each variant the message's facts decide, with marks ("lại", "có yếu tố nước ngoài")
 * @param ruledOut the words of each variant they rule out ("khai sinh kết hợp")
 * @returns the results, with the told variant moved first when it is the first's sibling (else the same array)
 */
export const preferToldVariant = ({
  results,
  variants,
  ruledOut,
}: {
  results: SearchResult[]
  variants: readonly string[]
  ruledOut: readonly string[]
}): SearchResult[] => {
  if (results.length < 2) return results
  const first = foldedWords((results[0] as SearchResult).name)
  const reach = Math.min(REACH, results.length)
  for (const variant of variants) {
    const words = foldedWords(variant)
    if (first.includes(words)) continue
    for (let k = 1; k < reach; k++) {
      const name = foldedWords((results[k] as SearchResult).name)
      if (name.includes(words) && name.replace(words, ' ') === first) return moveFirst(results, k)
    }
  }
  const firstWords = new Set(first.trim().split(' '))
  const told = variants.map(foldedWords)
  for (const variant of ruledOut) {
    const words = foldedWords(variant)
    if (!first.includes(words)) continue
    for (let k = 1; k < reach; k++) {
      const name = foldedWords((results[k] as SearchResult).name)
      if (
        !name.includes(words) &&
        (name
          .trim()
          .split(' ')
          .every((w) => firstWords.has(w)) ||
          told.some((v) => name.includes(v)))
      )
        return moveFirst(results, k)
    }
  }
  return results
}
