/**
 * What a citizen takes back in the message itself: "đổi bằng lái, à không, làm lại bằng lái vì bị mất",
 * "muốn gia hạn hộ chiếu, ý tôi là làm hộ chiếu mới", or says is not meant after the ask: "gia hạn tạm
 * trú chứ không phải đăng ký mới". The words from the start of the clause before a
 * correction ("à không", "à nhầm", "ý tôi là", "nói nhầm") up to the correction itself are not what is
 * asked; what follows is. expand-query.ts reads them as a refusal ("không phải …"): when they share a
 * word pair with the rest, the words said only there are no words of the ask.
 * @module
 */
import { type AnalyzedToken, analyzeText } from './normalize-vietnamese.ts'
import { typedPhraseAt } from './typed-phrase-at.ts'

/** Corrections: what comes before them is taken back ("đổi bằng lái, à không, làm lại …"). */
const CORRECTIONS = [
  'à không',
  'à nhầm',
  'nói nhầm',
  'ghi nhầm',
  'gõ nhầm',
  'ý tôi là',
  'ý em là',
  'ý mình là',
  'ý tui là',
  'ý con là',
].map((c) => analyzeText(c))
const A_KHONG = CORRECTIONS[0]

/** "chứ không phải": what follows it, up to the clause's end, is not meant. */
const NOT_THAT = analyzeText('chứ không phải')

/** Fewest words after a correction for it to carry an ask of its own. */
const ASKED_AFTER = 2

/** The length of the correction at tokens[i], 0 when there is none. */
const correctionAt = (tokens: readonly AnalyzedToken[], i: number): number => {
  for (const c of CORRECTIONS)
    if (
      typedPhraseAt(tokens, i, c, true) &&
      // "à không" stands apart ("…, à không, …"): in a sentence it is a question's close or "không biết"
      (c !== A_KHONG || !!tokens[i]?.clause || !!tokens[i + 2]?.clause)
    )
      return c.length
  return 0
}

/**
 * @returns per token, whether the citizen took it back (the clause before the last correction, with the
 *   correction); null when the message takes nothing back
 * @example findTakenBack(analyzeMessage('đổi bằng lái, à không, làm lại bằng lái vì bị mất'))
 *   // true for "đổi bằng lái, à không"
 */
export const findTakenBack = (tokens: readonly AnalyzedToken[]): boolean[] | null => {
  let taken: boolean[] | null = null
  let from = 0
  for (let i = 0; i < tokens.length; i++) {
    const n = correctionAt(tokens, i)
    if (!n) continue
    // The clause taken back: the one the correction ends, or the one before it when it opens its own.
    let start = i
    while (start > from && !tokens[start]?.clause) start--
    if (start === i && i > from) {
      start--
      while (start > from && !tokens[start]?.clause) start--
    }
    if (start === i || tokens.length - (i + n) < ASKED_AFTER) continue
    taken ??= new Array<boolean>(tokens.length).fill(false)
    taken.fill(true, start, i + n)
    from = i + n
    i += n - 1
  }
  // "gia hạn tạm trú chứ không phải đăng ký mới": from "chứ không phải" to the clause's end.
  for (let i = 1; i < tokens.length; i++) {
    if (!typedPhraseAt(tokens, i, NOT_THAT, true)) continue
    const n = NOT_THAT.length
    let end = i + n
    while (end < tokens.length && !tokens[end]?.clause) end++
    if (end === i + n) continue
    taken ??= new Array<boolean>(tokens.length).fill(false)
    taken.fill(true, i, end)
    i = end - 1
  }
  return taken
}
