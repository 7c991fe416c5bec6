/**
 * A card the question names ("thẻ tạm trú", "thẻ thường trú") that the chosen name does not speak
 * of at all, while other fitting names hold it word for word ("Cấp thẻ tạm trú cho người nước
 * ngoài …"): the chosen one (a civil-status record "có yếu tố nước ngoài", "Đăng ký thường trú")
 * is about something else, so the reply asks, with the names that hold the card among the options.
 * @module
 */
import { foldPhrase } from '../search/load-synonyms.ts'
import { isNamedOutright } from '../search/named-outright.ts'
import type { SearchResult } from '../search/search.types.ts'

const CARD = 'the'
/** Words after "thẻ" that make the card's name ("thẻ tạm trú", "thẻ bảo hiểm y tế"). */
const CARD_WORDS = 2

const foldedName = (name: string) => ` ${foldPhrase(name)} `

export type FindNamedCardOptions = {
  /** The question's folded words. */
  folded: readonly string[]
  top: SearchResult
  /** Procedures that fit the question, best first. */
  fitting: readonly SearchResult[]
}

/** @returns the fitting names holding the card the question names, when the chosen name names no card; else [] */
export const findNamedCard = ({ folded, top, fitting }: FindNamedCardOptions): SearchResult[] => {
  if (isNamedOutright(top) || foldedName(top.name).includes(` ${CARD} `)) return []
  for (let i = 0; i + CARD_WORDS < folded.length; i++) {
    if (folded[i] !== CARD) continue
    const card = ` ${folded.slice(i, i + 1 + CARD_WORDS).join(' ')} `
    const holders = fitting.filter((r) => r.code !== top.code && foldedName(r.name).includes(card))
    if (holders.length) return holders
  }
  return []
}
