/**
 * What a paper already held is for: "có giấy chứng sinh của bệnh viện rồi, giờ làm gì tiếp" names a
 * paper, not a procedure, and no procedure's name holds "giấy chứng sinh". The records' papers do: the
 * procedures whose documents list it ("Bản chính Giấy chứng sinh …" in the birth registration) are what
 * it is brought to. They are offered, plain ones first, never answered as if sure.
 * @module
 */
import type { Procedure } from '../procedures/procedure.types.ts'
import { foldVietnamese } from '../search/normalize-vietnamese.ts'

/** The paper held: "(đã) có X rồi" opening the message, X of two to eight words. */
const HELD =
  /^\s*(?:[\p{L}\s]{0,20}?\s)?(?:đã\s+|da\s+)?(?:có|co)\s+((?:[\p{L}\p{N}]+\s+){1,7}[\p{L}\p{N}]+?)\s+(?:rồi|roi)(?![\p{L}\p{N}])/iu

/** Fewest words of the paper's name compared with the records ("giấy chứng sinh", not "giấy"). */
const MIN_PAPER_WORDS = 3
/** More procedures than this take the paper: it is too common to say what it is for ("giấy phép xây dựng"). */
const MAX_USES = 8

/** Folded papers of each record, worked out once per set of records. */
const foldedPapers = new WeakMap<ReadonlyMap<string, Procedure>, { code: string; papers: string }[]>()
const papersOf = (records: ReadonlyMap<string, Procedure>) => {
  let list = foldedPapers.get(records)
  if (!list) {
    list = [...records.values()].map((p) => ({
      code: p.code,
      papers: ` ${p.documents.map((d) => foldVietnamese(d.name)).join(' | ')} `,
    }))
    foldedPapers.set(records, list)
  }
  return list
}

/**
 * @returns the paper a message tells it already holds, folded ("giay chung sinh cua benh vien"); null when none
 * @example heldPaper('có giấy chứng sinh của bệnh viện rồi, giờ làm gì tiếp') // 'giay chung sinh cua benh vien'
 */
export const heldPaper = (text: string): string | null => {
  const paper = HELD.exec(text.normalize('NFC'))?.[1]
  if (!paper) return null
  const folded = foldVietnamese(paper)
  return folded.split(' ').length >= MIN_PAPER_WORDS ? folded : null
}

/**
 * @param paper the paper held, folded
 * @param records the records, by code
 * @returns the codes of the procedures whose papers name it, in the records' order: the longest start of
 *   the paper's words (three at least) that some record's papers hold; empty when none or too many do
 */
export const findPaperUses = (paper: string, records: ReadonlyMap<string, Procedure>): string[] => {
  const words = paper.split(' ')
  const list = papersOf(records)
  for (let n = words.length; n >= MIN_PAPER_WORDS; n--) {
    const phrase = ` ${words.slice(0, n).join(' ')} `
    const uses = list.filter((r) => r.papers.includes(phrase)).map((r) => r.code)
    if (uses.length) return uses.length <= MAX_USES ? uses : []
  }
  return []
}
