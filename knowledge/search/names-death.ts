/**
 * Whether a "mất" in a question tells of a death rather than of a lost paper: a relative before it,
 * with the speaker's pronoun, a side of the family or both between ("mẹ em mất", "ông nội tôi vừa mất",
 * "bo toi mat o nha"), or a clause ending in "thì mất" ("mẹ tôi đang hưởng lương hưu thì mất, …").
 * A paper named right after it keeps the loss ("bố tôi mất căn cước"), and so does a cost or a
 * duration after "thì mất" ("thì mất bao lâu"). The fixed phrases ("bố mất", "mới mất", "mất năm")
 * stay in the vocabulary; this reads the ones a list cannot hold. The other side of the same word,
 * a paper lost anywhere in the message ("bị móc túi mất bằng lái"), is read here too (`namesLostPaper`).
 * @module
 */
import type { AnalyzedToken } from './normalize-vietnamese.ts'

/** Relatives whose "mất" is a death: marked form → folded form. Bare "ba", "má", "bo", "vo" are left out: unmarked they are also "three", "ghost", "leave", "shell". */
const RELATIVES = new Map([
  ['bố', 'bo'],
  ['mẹ', 'me'],
  ['cha', 'cha'],
  ['ông', 'ong'],
  ['bà', 'ba'],
  ['chồng', 'chong'],
  ['vợ', 'vo'],
  ['cụ', 'cu'],
])
/** Typed without marks, these fold onto a relative and nothing common beside "mất". */
const UNMARKED_RELATIVES = new Set(['me', 'cha', 'ong', 'chong'])
/**
 * Relatives as the South and the centre call them ("ba", "má", "tía"), and the bare forms left out
 * above: a relative only with the speaker's pronoun or a side of the family between ("ba tôi mất",
 * "ma em mat"), where "three" or "ghost" cannot stand.
 */
const RELATIVES_BEFORE_PRONOUN = new Set(['ba', 'ma', 'tia', 'bo', 'vo', 'bam', 'u'])

/** Words between the relative and "mất": the speaker's pronoun, a side of the family, "ấy". */
const BETWEEN = new Set([
  'em',
  'toi',
  'minh',
  'tui',
  'con',
  'chau',
  'noi',
  'ngoai',
  'ruot',
  'ay',
  'anh',
  'chi',
  'ban',
])
/** Words just before "mất" that tell of time ("đã mất", "vừa mất"). */
const WHEN = new Set(['da', 'moi', 'vua'])
/** Heads of a paper or belonging after "mất": then it is a loss ("mẹ em mất sổ hộ khẩu"); marked form → folded form. */
const LOST_THINGS = new Map([
  ['giấy', 'giay'],
  ['thẻ', 'the'],
  ['sổ', 'so'],
  ['bằng', 'bang'],
  ['hộ', 'ho'],
  ['căn', 'can'],
  ['chứng', 'chung'],
  ['ví', 'vi'],
  ['điện', 'dien'],
  ['máy', 'may'],
  ['xe', 'xe'],
  ['tiền', 'tien'],
  ['bản', 'ban'],
  ['văn', 'van'],
  ['quyết', 'quyet'],
  ['tài', 'tai'],
  ['biển', 'bien'],
  ['đăng', 'dang'],
  ['cà', 'ca'],
  ['sim', 'sim'],
])
/** Typed without marks: heads that are a paper alone, and heads that are one only before the word given ("can cuoc", not "can lam"). */
const UNMARKED_THINGS = new Set([
  'giay',
  'bang',
  'vi',
  'dien',
  'xe',
  'tien',
  'van',
  'quyet',
  'bien',
  'dang',
  'sim',
])
const UNMARKED_THINGS_BEFORE = new Map([
  ['can', ['cuoc']],
  ['ho', ['chieu', 'khau']],
  ['so', ['ho', 'do', 'hong', 'bao']],
  ['the', ['bhyt', 'can', 'cccd', 'bao', 'ngan', 'atm']],
  ['tai', ['khoan']],
  ['may', ['tinh']],
  ['chung', ['minh', 'chi', 'nhan', 'tu']],
  ['ban', ['goc', 'sao']],
  ['ca', ['vet']],
])
/** Abbreviated papers. */
const ABBREVIATED_THINGS = new Set(['cccd', 'cmnd', 'gplx', 'bhyt', 'bhxh', 'hc', 'passport', 'cavet'])

/** Whether a word heads a paper or a belonging (marked, unmarked before the word given, or abbreviated): "thẻ", "can cuoc", "cccd". */
export const isLostThing = (t: AnalyzedToken | undefined, after: AnalyzedToken | undefined): boolean => {
  if (!t) return false
  if (ABBREVIATED_THINGS.has(t.folded)) return true
  if (t.accented) return LOST_THINGS.get(t.text) === t.folded
  if (UNMARKED_THINGS.has(t.folded)) return true
  return UNMARKED_THINGS_BEFORE.get(t.folded)?.includes(after?.folded ?? '') ?? false
}
/** Words after "thì mất" that ask a cost or a duration ("thì mất bao lâu", "thì mất phí không"). */
const COST_OR_TIME = new Set([
  'bao',
  'may',
  'phi',
  'tien',
  'het',
  'khoang',
  'nhieu',
  'bn',
  'it',
  'nhung',
  'gi',
  'chi',
])

const isWord = (t: AnalyzedToken | undefined, marked: string, folded: string): boolean =>
  t !== undefined && t.folded === folded && (!t.accented || t.text === marked)

const isRelative = (t: AnalyzedToken | undefined): boolean => {
  if (!t) return false
  if (t.accented) return RELATIVES.get(t.text) === t.folded
  return UNMARKED_RELATIVES.has(t.folded)
}

/**
 * @param tokens the question's words
 * @param i the index of a word
 * @returns whether tokens[i] is a "mất" that tells of a death
 */
export const namesDeath = (tokens: readonly AnalyzedToken[], i: number): boolean => {
  if (!isWord(tokens[i], 'mất', 'mat')) return false
  const next = tokens[i + 1]
  if (isLostThing(next, tokens[i + 2])) return false
  let k = i - 1
  if (isWord(tokens[k], 'thì', 'thi') && k >= 2) return !(next && COST_OR_TIME.has(next.folded))
  if (WHEN.has(tokens[k]?.folded ?? '')) k--
  // "mẹ mất", "mẹ em mất", "ông nội tôi mất": up to two words between.
  const stop = k - 2
  const last = k
  while (k > stop && BETWEEN.has(tokens[k]?.folded ?? '')) k--
  return isRelative(tokens[k]) || (k < last && RELATIVES_BEFORE_PRONOUN.has(tokens[k]?.folded ?? ''))
}

/** Words between "mất" and the paper lost with other things ("mất ví lẫn thẻ", "mất luôn cccd"). */
const ALONG = new Set(['lan', 'va', 'voi', 'luon', 'ca', 'het', 'cung', 'thoai', 'roi'])
/** How many words after "mất" may name the paper lost. */
const LOST_REACH = 4

/** Words after a "mất" that end its clause ("mất rồi", "mất thì sao", "mất luôn"). */
const CLAUSE_END = new Set([
  'roi',
  'r',
  'thi',
  'luon',
  'tieu',
  'het',
  'nua',
  'oi',
  'a',
  'ha',
  'hic',
  'roai',
  'zoi',
])
/** How many words before such a "mất" may name the paper (the head of "bằng lái xe mất"). */
const LOST_BACK = 3

/** Belongings lost that are no paper ("mất điện" is a power cut, "mất ví", "mất xe", "mất tiền"). */
export const NOT_PAPERS = new Set(['dien', 'may', 'tien', 'vi', 'xe', 'sim', 'tai'])

/**
 * @param tokens the question's words
 * @param i the index of a word
 * @returns whether tokens[i] is a "mất" that tells of a paper lost: a paper named right after it
 *   ("bị móc túi mất bằng lái", "rơi mất căn cước"), or just before it when it ends the clause ("bằng
 *   mất thì sao"), not money or time ("mất tiền", "mất bao lâu")
 */
export const namesLostPaper = (tokens: readonly AnalyzedToken[], i: number): boolean => {
  if (!isWord(tokens[i], 'mất', 'mat')) return false
  if (COST_OR_TIME.has(tokens[i + 1]?.folded ?? '')) return false
  // "bằng mất thì sao", "căn cước mất rồi": a paper named just before a "mất" that ends the clause
  // (not "hộ chiếu mất 5 ngày", a duration)
  const next = tokens[i + 1]
  if (!next || CLAUSE_END.has(next.folded))
    for (let k = i - 1; k >= Math.max(0, i - LOST_BACK); k--) {
      const t = tokens[k]
      if (t && !NOT_PAPERS.has(t.folded) && isLostThing(t, tokens[k + 1])) return true
    }
  // "mất ví lẫn thẻ căn cước", "mất luôn cccd": a paper among the things lost, a few words on
  for (let k = i + 1; k <= i + LOST_REACH; k++) {
    const t = tokens[k]
    if (!t) return false
    if (!NOT_PAPERS.has(t.folded) && isLostThing(t, tokens[k + 1])) return true
    if (!NOT_PAPERS.has(t.folded) && !ALONG.has(t.folded)) return false
  }
  return false
}

/**
 * @param tokens the words of a follow-up on a death's procedure
 * @returns whether they open with a "mất" that tells the death without naming the person ("mất lâu rồi
 *   không có giấy báo tử"): not a paper or a belonging lost ("mất giấy chứng tử rồi"), not a cost or a
 *   duration asked ("mất bao lâu", "mất phí không")
 */
export const opensWithDeath = (tokens: readonly AnalyzedToken[]): boolean =>
  isWord(tokens[0], 'mất', 'mat') &&
  !isLostThing(tokens[1], tokens[2]) &&
  !COST_OR_TIME.has(tokens[1]?.folded ?? '') &&
  !namesLostPaper(tokens, 0)
