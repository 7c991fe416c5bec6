/**
 * Whether a procedure the records hold is near enough to a question they do not cover to be named
 * as "có thể liên quan".
 * @module
 */
import { memoize } from '../search/create-lru-cache.ts'
import { analyzeText } from '../search/normalize-vietnamese.ts'

export type SharesTopicOptions = {
  /** The procedure's name as the records give it. */
  name: string
  /** The question's words, folded, in the order typed. */
  words: readonly string[]
  /** The question's object words (folded): what it is about, without filler, generic or action words. */
  topic: ReadonlySet<string>
  /**
   * Words the question says only as a kind of place ("lên thành phố", `placeTypeWords`): where, not
   * what, so a name holding them ("… từ 02 tỉnh, thành phố trở lên") shares nothing by them.
   */
  places?: ReadonlySet<string>
}

const isNumber = (word: string) => /\d/.test(word)
const NO_PLACES: ReadonlySet<string> = new Set()

/** A name's folded words, space-joined with a space at each end: names come back answer after answer, so each is read once (bounded). */
const heldWordsOf = memoize(
  (name) =>
    ` ${analyzeText(name)
      .map((t) => t.folded)
      .join(' ')} `,
  { maxEntries: 10_000 },
)

/**
 * A name shares the question's topic when it holds two of the question's object words side by side
 * as the question has them ("khai sinh", "bảo hiểm"), or at least two of the words the question says
 * alone and half of its things (runs of object words; numbers aside). One shared syllable, an action or
 * a number is no topic: "vay tín chấp 50 triệu" is not about
 * "… chấp thuận … Thông tư 50/2025 …", nor "cấp lại bằng tốt nghiệp" about "cấp lại Bằng bảo hộ giống cây trồng".
 * @example sharesTopic({ name: 'Đăng ký khai sinh', words: ['gia', 'han', 'giay', 'khai', 'sinh'], topic }) // true
 */
export const sharesTopic = ({ name, words, topic, places = NO_PLACES }: SharesTopicOptions): boolean => {
  const held = heldWordsOf(name)
  // side by side as typed, or as the dictionary read them ("giấy chứng tử" is "khai tử")
  for (const seq of [words, [...topic]]) {
    for (let i = 0; i + 1 < seq.length; i++) {
      const a = seq[i] as string
      const b = seq[i + 1] as string
      if (places.has(a) || places.has(b)) continue
      if (topic.has(a) && topic.has(b) && !isNumber(a) && !isNumber(b) && held.includes(` ${a} ${b} `))
        return true
    }
  }
  // The question's object words in runs as typed ("bằng tốt nghiệp", "cấp 3"): a run is one thing. A run
  // of one word the name holds is shared; a longer one only side by side (above), not as words held
  // apart ("tốt nghiệp" in "nông nghiệp tốt", "bằng" in "nhân giống bằng phương pháp").
  const runs: string[][] = []
  let run: string[] = []
  for (const w of words) {
    if (topic.has(w) && !isNumber(w)) {
      if (!run.includes(w)) run.push(w)
      continue
    }
    if (run.length) runs.push(run)
    run = []
  }
  if (run.length) runs.push(run)
  const found = runs.filter(
    (r) => r.length === 1 && !places.has(r[0] as string) && held.includes(` ${r[0]} `),
  ).length
  return found >= 2 && found * 2 >= runs.length
}
