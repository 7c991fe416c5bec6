/**
 * Topics citizens ask about that the procedure records do not hold: banks, telecoms, private
 * insurance, fines, visas abroad, utilities, and public services missing from the national
 * export (school transfers, unemployment benefit, military service …). A question naming one is
 * answered only by a procedure whose name names it too. The vocabulary lives in
 * knowledge/data/absent-topics.json.
 * @module
 */
import { z } from 'zod'
import { builtOnce, loadDataFile } from '../load-built-in-data.ts'
import { analyzeText } from '../search/normalize-vietnamese.ts'

export const ZAbsentTopicsFile = z.object({
  $comment: z.string().optional(),
  /** The groups whose topics a private provider or utility serves (its complaints go to it). */
  providers: z
    .object({
      $comment: z.string().optional(),
      groups: z.array(z.string().min(1)),
      /** The providers' own names ("ngân hàng", "điện lực"), read for complaints only. */
      names: z.array(z.string().min(1)).optional(),
    })
    .optional(),
  /** group (for readers) → phrases */
  topics: z.record(z.string(), z.array(z.string().min(1))),
})
export type AbsentTopicsFile = z.infer<typeof ZAbsentTopicsFile>

export type AbsentTopics = {
  /** The topic phrases (folded) the question's folded words name, longest first. */
  find: (folded: readonly string[]) => string[]
  /** Whether a folded procedure name (or base name) names the topic. */
  named: (topic: string, foldedName: string) => boolean
  /**
   * Whether the question's folded words name a topic a bank, telecom operator, insurer or utility serves,
   * or the provider itself ("ngân hàng", "điện lực"): read for complaints only.
   */
  ofProvider: (folded: readonly string[]) => boolean
}

const spaced = (s: string) => ` ${s} `

/** @param model the vocabulary (defaults to knowledge/data/absent-topics.json) */
export const createAbsentTopics = (model: AbsentTopicsFile = loadAbsentTopics()): AbsentTopics => {
  const foldAll = (list: readonly string[]) =>
    [
      ...new Set(
        list
          .map((p) =>
            analyzeText(p)
              .map((t) => t.folded)
              .join(' '),
          )
          .filter(Boolean),
      ),
    ].sort((a, b) => b.length - a.length)
  const phrases = foldAll(Object.values(model.topics).flat())
  const providers = foldAll([
    ...(model.providers?.groups ?? []).flatMap((g) => model.topics[g] ?? []),
    ...(model.providers?.names ?? []),
  ])
  const within = (list: readonly string[], folded: readonly string[]) => {
    const whole = spaced(folded.join(' '))
    return list.filter((p) => whole.includes(spaced(p)))
  }
  return {
    find: (folded) => within(phrases, folded),
    ofProvider: (folded) => within(providers, folded).length > 0,
    named: (topic, foldedName) => spaced(foldedName).includes(spaced(topic)),
  }
}

/** Reads and validates the vocabulary file. */
export const loadAbsentTopics = (
  path = new URL('../data/absent-topics.json', import.meta.url),
): AbsentTopicsFile => loadDataFile(ZAbsentTopicsFile, path)

/** The built-in vocabulary, compiled once on first use. */
export const builtInAbsentTopics: () => AbsentTopics = builtOnce(() => createAbsentTopics())
