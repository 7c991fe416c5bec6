/**
 * Facts of a citizen's situation that decide which variant of a procedure they need
 * (`knowledge/data/story-variants.json`): a child born abroad and brought home is registered "có yếu
 * tố nước ngoài", a husband from another country makes the marriage one "có yếu tố nước ngoài", a
 * register the commune no longer holds makes the registration "đăng ký lại"; a birth certificate that
 * already leaves the father's name blank rules out registering the birth with the recognition. When
 * the message tells such a fact and names the procedure it decides, the variant's words join the
 * request, so the sibling whose name holds them comes first (prefer-told-variant.ts); the words a fact
 * rules out send the sibling holding them below the plainer one.
 * @module
 */
import { z } from 'zod'
import { builtOnce, loadDataFile } from '../load-built-in-data.ts'
import { containsPhrase } from './contains-phrase.ts'
import { type AnalyzedToken, analyzeText } from './normalize-vietnamese.ts'
import { typedPhraseAt } from './typed-phrase-at.ts'

/** The slot in a fact that stands for each place of the file's `abroad` list. */
const ABROAD_SLOT = '{nước}'

export const ZStoryVariantsFile = z.object({
  $comment: z.string().optional(),
  /** Places abroad, with marks ("nhật", "hàn quốc", "nước ngoài"). */
  abroad: z.array(z.string().min(1)),
  variants: z
    .array(
      z
        .object({
          /** What the citizen tells, with marks; "{nước}" stands for each place abroad. */
          facts: z.array(z.string().min(1)).min(1),
          /** The procedure the fact decides: one of these must be in the message. */
          when: z.array(z.string().min(1)).min(1),
          /** Words that say the other variant is meant ("tái phát" for a recurrence): none may be in the message. */
          unless: z.array(z.string().min(1)).default([]),
          /** The words of the variant's name. */
          implies: z.string().min(1).optional(),
          /** The words of a variant's name the fact rules out. */
          rulesOut: z.string().min(1).optional(),
          /** The records whose names hold those words ("code name"), the entry's justification. */
          records: z.array(z.string().min(1)).min(1),
        })
        .refine((v) => v.implies !== undefined || v.rulesOut !== undefined, {
          message: 'a variant implies words, rules them out, or both',
        }),
    )
    .min(1),
})

export type StoryVariants = {
  fact: AnalyzedToken[]
  when: string[]
  unless: string[]
  /** The variant's words, or (`out`) the words of the variant it rules out. */
  words: string
  out: boolean
}[]

const foldedPhrase = (phrase: string): string =>
  analyzeText(phrase)
    .map((t) => t.folded)
    .join(' ')

/** The facts with their places spelled out and analysed once. */
export const compileStoryVariants = (file: z.infer<typeof ZStoryVariantsFile>): StoryVariants =>
  file.variants.flatMap((v) => {
    const when = v.when.map(foldedPhrase)
    const unless = v.unless.map(foldedPhrase)
    return v.facts
      .flatMap((f) =>
        f.includes(ABROAD_SLOT) ? file.abroad.map((place) => f.replace(ABROAD_SLOT, place)) : [f],
      )
      .flatMap((f) => {
        const fact = analyzeText(f)
        // (one fact may decide a variant and rule another out: a lost register makes the registration
        // "đăng ký lại" and leaves no copy to make from it)
        return [
          ...(v.implies === undefined ? [] : [{ fact, when, unless, words: v.implies, out: false }]),
          ...(v.rulesOut === undefined ? [] : [{ fact, when, unless, words: v.rulesOut, out: true }]),
        ]
      })
  })

/** The built-in file as read, once (its places abroad serve names-place-abroad.ts too). */
export const builtInStoryVariantsFile = builtOnce(() =>
  loadDataFile(ZStoryVariantsFile, new URL('../data/story-variants.json', import.meta.url)),
)

export const builtInStoryVariants = builtOnce(() => compileStoryVariants(builtInStoryVariantsFile()))

/** The facts by their first word (folded), in their order: a message's word is compared only with facts it can start. */
const firstWords = new WeakMap<StoryVariants, Map<string, StoryVariants>>()
const byFirstWord = (variants: StoryVariants): Map<string, StoryVariants> => {
  let map = firstWords.get(variants)
  if (!map) {
    map = new Map()
    for (const v of variants) {
      const first = v.fact[0]?.folded
      if (first === undefined) continue
      const list = map.get(first)
      if (list) list.push(v)
      else map.set(first, [v])
    }
    firstWords.set(variants, map)
  }
  return map
}

/** The variants a message's facts decide: their words (`implied`), and those of the variants ruled out. */
export type ToldVariants = { implied: string[]; ruledOut: string[] }

/**
 * @returns the words of each variant a fact told in the message decides or rules out, once each, in the order told
 * @example findStoryVariants({ tokens: analyzeText('con em sinh bên Nhật, …, giờ đăng ký khai sinh ở đâu') })
 *   // { implied: ['có yếu tố nước ngoài'], ruledOut: [] }
 */
export const findStoryVariants = ({
  tokens,
  variants = builtInStoryVariants(),
}: {
  tokens: readonly AnalyzedToken[]
  variants?: StoryVariants
}): ToldVariants => {
  const whole = tokens.map((t) => t.folded).join(' ')
  const found: ToldVariants = { implied: [], ruledOut: [] }
  const byFirst = byFirstWord(variants)
  for (let i = 0; i < tokens.length; i++)
    for (const v of byFirst.get(tokens[i]?.folded ?? '') ?? []) {
      const list = v.out ? found.ruledOut : found.implied
      if (
        !list.includes(v.words) &&
        typedPhraseAt(tokens, i, v.fact) &&
        v.when.some((w) => containsPhrase(whole, w)) &&
        !v.unless.some((w) => containsPhrase(whole, w))
      )
        list.push(v.words)
    }
  return found
}
