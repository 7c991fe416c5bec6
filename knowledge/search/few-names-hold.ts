/**
 * Whether a word is one few procedure names hold: typed so, it may be a slip of the marks or a
 * syllable spelled as spoken (`search-procedures.ts`, `respell-spoken.ts`), where a word many names hold
 * is meant as typed.
 * @module
 */
import type { NameWords } from './search-index.types.ts'

/** A word held by at most this many names, or this share of them, is one few names hold. */
const FEW_NAMES = 2
const FEW_SHARE = 0.001

/** Whether a word `count` names hold is one few names hold: typed, it may be a slip for another. */
export const fewNamesHold = (count: number, names: Pick<NameWords, 'size'>): boolean =>
  count <= Math.max(FEW_NAMES, names.size * FEW_SHARE)
