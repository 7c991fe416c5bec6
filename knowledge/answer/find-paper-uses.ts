/**
 * What a paper already held is for: "có giấy chứng sinh của bệnh viện rồi, giờ làm gì tiếp" names a
 * paper (read by `without-held-clause.ts`), not a procedure, and no procedure's name holds "giấy chứng
 * sinh". The records' papers do: the procedures whose documents list it ("Bản chính Giấy chứng sinh …" in
 * the birth registration) are what it is brought to. They are offered, plain ones first, never answered
 * as if sure.
 * @module
 */
import type { Procedure } from '../procedures/procedure.types.ts'
import { foldVietnamese } from '../search/normalize-vietnamese.ts'
import type { ProcedureActions } from './procedure-actions.ts'

/** Fewest words of the paper's name compared with the records ("giấy chứng sinh", not "giấy"). */
const MIN_PAPER_WORDS = 3
/** More procedures than this take the paper: it is too common to say what it is for ("giấy phép xây dựng"). */
const MAX_USES = 8

/** Folded papers of each record, worked out once per set of records (only when a paper held is asked about). */
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
 * @param paper the paper held, as typed ("giấy chứng sinh của bệnh viện")
 * @param records the records, by code
 * @returns the codes of the procedures whose papers name it, in the records' order: the longest start of
 *   the paper's words (three at least) that some record's papers hold; empty when none or too many do
 */
export const findPaperUses = (paper: string, records: ReadonlyMap<string, Procedure>): string[] => {
  const words = foldVietnamese(paper).split(' ')
  const list = papersOf(records)
  for (let n = words.length; n >= MIN_PAPER_WORDS; n--) {
    const phrase = ` ${words.slice(0, n).join(' ')} `
    const uses = list.filter((r) => r.papers.includes(phrase)).map((r) => r.code)
    if (uses.length) return uses.length <= MAX_USES ? uses : []
  }
  return []
}

/**
 * @returns the procedures a paper is used for, those a citizen files at a commune or province first (not
 *   the forces' own), then those naming no special case ("lưu động", "có yếu tố nước ngoài"), then the
 *   shorter names, the more general: "Thủ tục đăng ký khai tử" before an allowance's
 */
export const orderPaperUses = (
  procedures: readonly Procedure[],
  actions: ProcedureActions,
  servesForces: (code: string) => boolean,
): Procedure[] =>
  procedures
    .map((p, order) => ({
      p,
      order,
      special: actions.ofName(p.name).variants.size,
      citizen: p.levels.some((l) => /cấp (?:xã|tỉnh)/iu.test(l)) && !servesForces(p.code),
    }))
    .sort(
      (a, b) =>
        Number(b.citizen) - Number(a.citizen) ||
        a.special - b.special ||
        a.p.name.length - b.p.name.length ||
        a.order - b.order,
    )
    .map(({ p }) => p)
