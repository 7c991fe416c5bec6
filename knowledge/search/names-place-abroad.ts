/**
 * Whether a message names a place abroad ("bằng của Mỹ", "lái xe ở Nhật", "ở nước ngoài"): a place in
 * `abroad` of `knowledge/data/story-variants.json`. A country is a place like a province: a short
 * follow-up naming one ("bằng của Mỹ" after the driving licence's exchange) tells the conversation's
 * case, it is no remark beside it. Typed with marks, a name is compared with its marks; typed without,
 * only a name of two words or more counts ("han" is also "hạn", "my" an English word).
 * @module
 */
import { builtOnce } from '../load-built-in-data.ts'
import { builtInStoryVariantsFile } from './find-story-variants.ts'
import { type AnalyzedToken, analyzeText } from './normalize-vietnamese.ts'

/** A word the list holds that names no country alone ("tây": also the west, "miền tây", "Tây Ninh"). */
const NOT_ALONE = new Set(['tây'])

const places = builtOnce(() =>
  builtInStoryVariantsFile()
    .abroad.filter((p) => !NOT_ALONE.has(p))
    .map((p) => analyzeText(p)),
)

const sameWord = (typed: AnalyzedToken, place: AnalyzedToken, marked: boolean): boolean =>
  marked ? typed.text === place.text : typed.folded === place.folded

/**
 * @param tokens the message's words
 * @returns the indexes of the words that name a place abroad (empty when none does)
 * @example placeAbroadAt(analyzeText('đi Hàn Quốc du lịch')) // Set {1, 2}
 */
export const placeAbroadAt = (tokens: readonly AnalyzedToken[]): Set<number> => {
  const at = new Set<number>()
  const fitsAt = (place: readonly AnalyzedToken[], i: number) =>
    place.every((p, k) => {
      const t = tokens[i + k]
      if (!t) return false
      if (t.accented) return sameWord(t, p, true)
      return place.length > 1 && sameWord(t, p, false)
    })
  for (const place of places())
    for (let i = 0; i < tokens.length; i++)
      if (fitsAt(place, i)) for (let k = 0; k < place.length; k++) at.add(i + k)
  return at
}

/**
 * @param tokens the message's words
 * @returns whether they name a place abroad
 * @example namesPlaceAbroad(analyzeText('bằng của Mỹ')) // true
 */
export const namesPlaceAbroad = (tokens: readonly AnalyzedToken[]): boolean => placeAbroadAt(tokens).size > 0
