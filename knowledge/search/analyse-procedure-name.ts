/**
 * What the index learns from a procedure's name, once, when it is built: tone-normalised and
 * folded tokens, the base name without the level suffix, the level, the audience, modifier
 * words that make a secondary variant, the abbreviations citizens use for words in the name,
 * and the function words the index skips. Tokens are interned so 100,000 procedures stay small.
 * @module
 */
import type { Synonyms } from './load-synonyms.ts'
import {
  foldToken,
  normalizeVietnamese,
  tokenizeNormalized,
  tokenizeVietnamese,
} from './normalize-vietnamese.ts'
import type { DocFacts, IndexableProcedure } from './search-index.types.ts'
import { servesForces } from './serves-forces.ts'

/** The level suffix; some records spell the level without marks ("(thực hiện tại cấp tinh)"). */
const LEVEL_SUFFIX =
  /\(?\s*(thực hiện|thuc hien)?\s*(tại|ở|o|tai)\s*cấp\s*(trung ương|trung uong|tỉnh|tinh|huyện|huyen|xã|xa|bộ)\s*\)?\s*$/iu

/** 0 for procedures a commune handles, 1 province, 2 ministry or central level. */
export const levelRankOf = (name: string, levels: string[]): number => {
  const n = name.normalize('NFC').toLowerCase()
  if (/cấp trung ương|tại bộ|cục quản lý/.test(n)) return 2
  if (/thực hiện (tại|ở) cấp (tỉnh|tinh|huyện|huyen)\b/.test(n)) return 1
  if (levels.some((l) => /xã/i.test(l))) return 0
  if (levels.some((l) => /tỉnh/i.test(l))) return 1
  return 2
}

/** The folded base name: level variants of one procedure share it. */
export const baseNameOf = (facts: DocFacts): string => facts.folded.slice(0, facts.baseLength).join(' ')

const MODIFIER_WORDS = [
  'xóa',
  'dừng',
  'thu hồi',
  'thay đổi',
  'điều chỉnh',
  'gia hạn',
  'tạm ngừng',
  'chấm dứt',
  'hủy',
  'lưu động',
  'đính chính',
  'lại',
  'đổi',
  'bổ sung',
  'sửa đổi',
  'giải thể',
  'rút',
  'phúc khảo',
]
/**
 * Words that turn a procedure into a secondary variant of a main one ("Xóa đăng ký tạm trú",
 * "Cấp lại …", "… lưu động"). A query that does not ask for them prefers the main procedure.
 * Accented forms are matched in names ("dừng" is not "dụng"), folded ones in unaccented queries.
 * After "bị" the word is a condition, not the procedure's action ("giải thể trong trường hợp bị
 * thu hồi Giấy chứng nhận", "cấp lại … khi bị hủy hoại"), so it is not counted there.
 */
export const MODIFIERS = MODIFIER_WORDS.map((m) => ({
  accented: tokenizeVietnamese(m).join(' '),
  folded: tokenizeVietnamese(m).map(foldToken).join(' '),
}))

/** The passive marker before a modifier that names a condition ("bị thu hồi"). */
const PASSIVE = tokenizeVietnamese('bị').join(' ')

/** Audience entries that are people rather than organisations. */
const PEOPLE = /công dân|người|cán bộ|công chức|viên chức|cá nhân|hộ gia đình/iu

/** How often a phrase occurs in a space-joined text, on word boundaries. */
export const countPhrase = (text: string, phrase: string): number => {
  // Non-overlapping, left to right (as splitting on the phrase counts), without building the parts.
  const haystack = ` ${text} `
  const needle = ` ${phrase} `
  let n = 0
  for (let at = haystack.indexOf(needle); at !== -1; at = haystack.indexOf(needle, at + needle.length)) n++
  return n
}

/**
 * How often a modifier is one more item of a list the name covers ("ghi vào Sổ hộ tịch việc ly
 * hôn, hủy việc kết hôn", "cấp, gia hạn, cấp lại chứng chỉ", "cấp lại/điều chỉnh/gia hạn giấy
 * phép"): after a comma, a slash or "hoặc" it is an alternative the procedure also handles, not
 * the action that makes it a secondary variant. A ";" starts another clause and still counts.
 */
export const countListed = (text: string, modifier: string): number => {
  let n = 0
  for (const lead of [',', '/', ' hoặc'])
    for (let at = text.indexOf(lead); at !== -1; at = text.indexOf(lead, at + lead.length)) {
      let i = at + lead.length
      while (text[i] === ' ') i++
      if (!text.startsWith(modifier, i)) continue
      const after = text[i + modifier.length]
      if (after === undefined || !/[\p{L}\p{N}]/u.test(after)) n++
    }
  return n
}

const NO_MODIFIERS: number[] = []

export const createInterner = () => {
  const pool = new Map<string, string>()
  return (s: string): string => {
    const seen = pool.get(s)
    if (seen !== undefined) return seen
    pool.set(s, s)
    return s
  }
}

const foldCache = new Map<string, string>()
export const foldCached = (token: string): string => {
  let folded = foldCache.get(token)
  if (folded === undefined) {
    folded = foldToken(token)
    if (foldCache.size < 500_000) foldCache.set(token, folded)
  }
  return folded
}

/** Word pairs of a folded token list, for the phrase field. */
export const pairsOf = (tokens: string[]): string[] => {
  const out: string[] = []
  for (let i = 0; i + 1 < tokens.length; i++) out.push(`${tokens[i]}_${tokens[i + 1]}`)
  return out
}

/**
 * What one-word abbreviations written in names stand for, in accented tokens ("bhyt" → bảo hiểm
 * y tế): the official expansions, then the chat-speak abbreviations.
 */
export const spelledTable = (synonyms: Synonyms | undefined): [string, string[]][] => {
  if (!synonyms) return []
  const out = new Map<string, string[]>()
  for (const [from, { value }] of synonyms.expansions) {
    if (from.includes(' ') || value.keep || value.when.length) continue
    const to = tokenizeVietnamese(value.to)
    if (to.length && to.map(foldToken).join(' ') !== from) out.set(from, to)
  }
  for (const [from, to] of synonyms.abbreviations)
    if (!from.includes(' ')) out.set(from, tokenizeVietnamese(to))
  return [...out]
}

/** Abbreviations whose official phrase appears in a folded name ("the can cuoc" → "cccd"). */
export const aliasTable = (synonyms: Synonyms | undefined): [string, string][] => {
  if (!synonyms) return []
  const out: [string, string][] = []
  for (const [from, { value }] of synonyms.expansions) {
    if (from.includes(' ') || value.keep || value.when.length) continue
    const to = tokenizeVietnamese(value.to).map(foldToken).join(' ')
    if (to && to !== from) out.push([from, to])
  }
  return out
}

/**
 * Function words that occur in a large share of names and never pick a procedure out
 * ("của", "đối với", "cho"). They stay in the rerank facts; MiniSearch skips them, which
 * keeps the index small. Action words (cấp, lại, đổi, mất …) are never on this list.
 */
export const INDEX_STOPWORDS = new Set(
  [
    'của',
    'và',
    'các',
    'đối',
    'với',
    'trong',
    'cho',
    'tại',
    'theo',
    'hoặc',
    'là',
    'có',
    'những',
    'về',
    'từ',
    'trên',
    'do',
    'khi',
    'này',
    'đó',
    'được',
    'thì',
    'mà',
    'để',
  ].map((w) => tokenizeVietnamese(w)[0] ?? w),
)

/** Word pairs in more than this share of names are never used to retrieve, so they are not indexed. */
export const COMMON_SHARE = 0.04
export const commonLimit = (size: number): number => Math.max(50, size * COMMON_SHARE)

/** Words in more names than this live in compact lists instead of MiniSearch (`SearchIndex.common`). */
export const compactLimit = (size: number): number => Math.max(2000, size * 0.1)

export const analyseProcedureName = (
  p: IndexableProcedure,
  intern: (s: string) => string,
  aliases: Map<string, [string, string][]>,
  spelled: Map<string, string[]>,
): DocFacts => {
  const text = normalizeVietnamese(p.name)
  const tokens = tokenizeNormalized(text).map(intern)
  const folded = tokens.map((t) => intern(foldCached(t)))
  // The suffix is short and at the end: matching the tail keeps the regex cheap on long names.
  const tail = Math.max(0, p.name.length - 60)
  const suffix = LEVEL_SUFFIX.exec(p.name.slice(tail))
  const baseLength = suffix ? tokenizeVietnamese(p.name.slice(0, tail + suffix.index)).length : tokens.length
  const mainLength = text.includes('(')
    ? tokenizeNormalized(text.replace(/\([^)]*\)?/g, ' ')).length
    : tokens.length
  const baseAccented = tokens.slice(0, baseLength).join(' ')
  let modifiers = NO_MODIFIERS
  MODIFIERS.forEach((m, k) => {
    if (!baseAccented.includes(m.accented)) return
    const n =
      countPhrase(baseAccented, m.accented) -
      countPhrase(baseAccented, `${PASSIVE} ${m.accented}`) -
      countListed(text, m.accented)
    if (n > 0) modifiers = [...modifiers, ...Array<number>(n).fill(k)]
  })
  const found: string[] = []
  let foldedText: string | null = null
  for (const t of folded) {
    const candidates = aliases.get(t)
    if (!candidates) continue
    foldedText ??= ` ${folded.join(' ')} `
    for (const [from, to] of candidates)
      if (!found.includes(from) && foldedText.includes(` ${to} `)) found.push(from)
  }
  const expanded: string[] = []
  const expandedAccented: string[] = []
  for (const t of folded)
    for (const w of spelled.get(t) ?? []) {
      if (expandedAccented.includes(w)) continue
      expanded.push(intern(foldCached(w)))
      expandedAccented.push(intern(w))
    }
  return {
    code: p.code,
    name: p.name,
    levels: p.levels,
    field: p.field,
    folded,
    accented: tokens,
    baseLength,
    mainLength,
    levelRank: levelRankOf(p.name, p.levels),
    citizen: p.audience.some((a) => /công dân/i.test(a)),
    people: !p.audience.length || p.audience.some((a) => PEOPLE.test(a)),
    forces: servesForces(p),
    bundle: tokens[0] === 'liên' && tokens[1] === 'thông' ? true : text.includes('kết hợp'),
    modifiers,
    ...(found.length ? { aliases: found } : {}),
    ...(expanded.length ? { expanded, expandedAccented } : {}),
  }
}
