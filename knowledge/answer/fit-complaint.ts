/**
 * A complaint or a denunciation ("khiếu nại", "tố cáo") is about a body's decision or an official's
 * conduct: the procedure that answers it is the one that resolves complaints about that body, never
 * the procedure the complaint mentions ("khiếu nại việc công an phường không giải quyết đăng ký
 * thường trú" is a complaint about the police, not a residence registration; "khiếu nại UBND xã về
 * hồ sơ đất" is not a land registration whose long name lists "khiếu nại, tố cáo về đất đai").
 * A complaint procedure fits when the question names the body it is about (the police: "công an",
 * "cảnh sát", "CSGT"; legal aid), and its level when the question names the unit ("công an phường"
 * → cấp xã, "công an tỉnh" → cấp tỉnh, "Bộ Công an" → cấp bộ).
 * @module
 */
import { containsPhrase } from '../search/contains-phrase.ts'
import { foldPhrase } from '../search/load-synonyms.ts'
import type { SearchResult } from '../search/search.types.ts'

export type ComplaintAct = 'khieu nai' | 'to cao'

/** The bodies complaint procedures are about, as their names say it and as citizens do (folded). */
const BODIES = [
  { name: 'cong an', asked: ['cong an', 'canh sat', 'csgt'] },
  { name: 'tro giup phap li', asked: ['tro giup phap li', 'tro giup vien phap li'] },
]

/** Levels as the records write them, and the units a question names for each (folded). */
const LEVELS: { level: string; asked: RegExp }[] = [
  // "cán bộ công an" is an officer, not the ministry
  { level: 'cap bo', asked: /(?<!\bcan )\b(?:bo cong an|trung uong)\b/ },
  { level: 'cap tinh', asked: /\b(?:cong an|csgt|canh sat) (?:tinh|thanh pho)\b/ },
  { level: 'cap xa', asked: /\b(?:cong an|csgt|canh sat) (?:xa|phuong|thi tran|dac khu)\b/ },
]

/** The complaint the question makes ("khiếu nại", "tố cáo"), or null; a result of one ("giải quyết khiếu nại") is not made. */
export const complaintAct = (folded: readonly string[]): ComplaintAct | null => {
  for (let i = 0; i + 1 < folded.length; i++) {
    const pair = `${folded[i]} ${folded[i + 1]}`
    if ((pair === 'khieu nai' || pair === 'to cao') && folded[i - 1] !== 'quyet') return pair
  }
  return null
}

/** Whether a procedure resolves complaints or denunciations ("Giải quyết khiếu nại …"). */
export const isComplaintProcedure = (name: string): boolean =>
  /^(?:thu tuc )?giai quyet (?:khieu nai|to cao)\b/.test(foldPhrase(name))

export type FitComplaintOptions = {
  act: ComplaintAct
  /** The question's folded words. */
  folded: readonly string[]
  /** Complaint procedures to choose from (others are ignored). */
  results: readonly SearchResult[]
  /** Every level's procedure, whatever unit the question names. */
  anyLevel?: boolean
}

/**
 * @returns the complaint procedures that fit the question: the act's, about the body the question
 *   names, at the level it names (every level when it names none or several); empty when none fits
 */
export const fitComplaint = ({
  act,
  folded,
  results,
  anyLevel = false,
}: FitComplaintOptions): SearchResult[] => {
  const whole = folded.join(' ')
  const named = BODIES.filter((b) => b.asked.some((a) => containsPhrase(whole, a)))
  const fitting = results.filter((r) => {
    const name = foldPhrase(r.name)
    return (
      isComplaintProcedure(r.name) && name.includes(act) && named.some((b) => containsPhrase(name, b.name))
    )
  })
  const levels = anyLevel ? [] : LEVELS.filter((l) => l.asked.test(whole)).map((l) => l.level)
  const atLevel =
    levels.length === 1 ? fitting.filter((r) => r.levels.some((l) => foldPhrase(l) === levels[0])) : []
  const chosen = atLevel.length ? atLevel : fitting
  const seen = new Set<string>()
  return chosen.filter((r) => !seen.has(r.code) && seen.add(r.code))
}
