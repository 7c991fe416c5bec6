/**
 * Procedures for another applicant: the best name says whom it is for ("Quyết toán thuế thu nhập cá
 * nhân đối với hộ kinh doanh, cá nhân kinh doanh"), the question says nothing of it, and a fitting
 * rival close behind, holding as much of the question, is for someone else ("… đối với tổ chức, cá
 * nhân trả thu nhập từ tiền lương, tiền công", "… đối với công trình có quy mô dưới 5.000 m3/ngày
 * đêm"). Answering the best one would guess who asks; the reply asks instead. A procedure citizens
 * carry out stays the answer beside one only organisations do: the question names no organisation.
 * @module
 */
import { memoize } from '../search/create-lru-cache.ts'
import { analyzeText } from '../search/normalize-vietnamese.ts'
import type { SearchResult } from '../search/search.types.ts'

/**
 * A rival scoring further than this below the best one is not looked at. It holds every word of the
 * question the best one holds, so what it loses is mostly its longer name.
 */
export const OTHER_APPLICANT_MARGIN = 0.5
/** Rounding slack of the search's shares (3 decimals). */
const SLACK = 0.001

export type FindOtherApplicantOptions = {
  /** The procedure about to be given as the answer. */
  top: SearchResult
  /** One fitting result per procedure (level variants merged), best first. */
  groups: readonly SearchResult[]
  /** The question's content words (folded). */
  words: ReadonlySet<string>
}

type Parts = { head: ReadonlySet<string>; applicant: string | null; applicantWords: ReadonlySet<string> }

/**
 * A name's words before "đối với" (its head) and after it up to its bracketed cases (whom it is for).
 * Names come back question after question: each is read once (bounded).
 */
const partsOf: (name: string) => Parts = memoize(
  (name) => {
    const words = analyzeText(name.split('(')[0] ?? name).map((t) => t.folded)
    let at = -1
    for (let i = 0; i + 1 < words.length; i++)
      if (words[i] === 'doi' && words[i + 1] === 'voi') {
        at = i
        break
      }
    if (at < 1) return { head: new Set(words), applicant: null, applicantWords: new Set() }
    const after = words.slice(at + 2)
    return {
      head: new Set(words.slice(0, at)),
      applicant: after.length ? after.join(' ') : null,
      applicantWords: new Set(after),
    }
  },
  { maxEntries: 10_000 },
)

/** @returns the rivals for another applicant, best first; none when the question names whom it is for */
export const findOtherApplicant = ({ top, groups, words }: FindOtherApplicantOptions): SearchResult[] => {
  const own = partsOf(top.name)
  if (own.applicant === null) return []
  // A word of the applicant the question says (and the head does not): the question chose it.
  for (const w of words) if (own.applicantWords.has(w) && !own.head.has(w)) return []
  return groups.filter((g) => {
    if (g === top || g.group === top.group || top.score - g.score >= OTHER_APPLICANT_MARGIN) return false
    if (g.coverage < top.coverage - SLACK) return false
    // A citizen's procedure is not put in doubt by the organisations' own ("Tổ chức đang sử dụng đất").
    if (top.forPeople && !g.forPeople) return false
    const rival = partsOf(g.name)
    return rival.applicant !== null && rival.applicant !== own.applicant
  })
}
