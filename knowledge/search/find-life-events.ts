/**
 * Life events told in a long message's story ("vợ tôi vừa sinh em bé", "bố tôi mới mất", "sắp cưới",
 * "mới mua xe") and the procedure words each leads to (`knowledge/data/life-events.json`): a citizen
 * who tells that a baby was born and then asks "giờ phải làm giấy tờ gì cho cháu" asks for the birth
 * registration without naming it.
 * @module
 */
import { z } from 'zod'
import { builtOnce, loadDataFile } from '../load-built-in-data.ts'
import { type AnalyzedToken, analyzeText } from './normalize-vietnamese.ts'
import { typedPhraseAt } from './typed-phrase-at.ts'

export const ZLifeEventsFile = z.object({
  $comment: z.string().optional(),
  events: z
    .array(
      z.object({
        /** What the citizen says happened, with marks. */
        phrases: z.array(z.string().min(1)).min(1),
        /** The words of the procedure names it leads to. */
        leadsTo: z.string().min(1),
        /** The records whose names hold those words ("code name"), the entry's justification. */
        records: z.array(z.string().min(1)).min(1),
        /** Whether the event is told in a message with no story apart too ("bố tôi vừa qua đời thì …"). */
        anywhere: z.boolean().optional(),
        /** Whether the event is told only by a message with no story apart, never in a story ("ở trọ 8 năm nay, …"). */
        alone: z.boolean().optional(),
        /** Whether a "mất" that tells of a death (names-death.ts: "ông nội em mất") tells this event too. */
        died: z.boolean().optional(),
      }),
    )
    .min(1),
})

export type LifeEvents = {
  phrase: AnalyzedToken[]
  leadsTo: string
  anywhere: boolean
  alone: boolean
  died: boolean
}[]

/** The events with their phrases analysed once. */
export const compileLifeEvents = (file: z.infer<typeof ZLifeEventsFile>): LifeEvents =>
  file.events.flatMap((e) =>
    e.phrases.map((p) => ({
      phrase: analyzeText(p),
      leadsTo: e.leadsTo,
      anywhere: e.anywhere ?? e.alone ?? false,
      alone: e.alone ?? false,
      died: e.died ?? false,
    })),
  )

export const builtInLifeEvents = builtOnce(() =>
  compileLifeEvents(loadDataFile(ZLifeEventsFile, new URL('../data/life-events.json', import.meta.url))),
)

export type FindLifeEventsOptions = {
  tokens: readonly AnalyzedToken[]
  /** Per token, whether it tells the story (find-request-clause.ts). */
  story: readonly boolean[]
  /**
   * Set when the message tells no story apart: only the events told anywhere count, and this says
   * whether the word at an index is a "mất" that tells of a death.
   */
  diedAt?: (i: number) => boolean
  /** The story comes before a request of nothing but paperwork: the events told only alone count too. */
  bare?: boolean
  events?: LifeEvents
}

/**
 * @returns the procedure words of each life event the story tells, once each, in the order told
 * @example findLifeEvents({ tokens: analyzeText('vợ tôi vừa sinh em bé, …'), story }) // ['đăng ký khai sinh']
 */
export const findLifeEvents = ({
  tokens,
  story,
  diedAt,
  bare = false,
  events = builtInLifeEvents(),
}: FindLifeEventsOptions): string[] => {
  const found: string[] = []
  for (let i = 0; i < tokens.length; i++) {
    if (!story[i]) continue
    const died = diedAt?.(i) ?? false
    for (const e of events)
      if (
        !found.includes(e.leadsTo) &&
        (diedAt ? e.anywhere : bare || !e.alone) &&
        ((died && e.died) || (story[i + e.phrase.length - 1] && typedPhraseAt(tokens, i, e.phrase)))
      )
        found.push(e.leadsTo)
  }
  return found
}
