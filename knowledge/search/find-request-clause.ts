/**
 * Where a long message's request starts. Citizens often tell their situation first ("vợ em mới
 * sinh bé ở bệnh viện Từ Dũ, nhà em ở quận Gò Vấp cũ") and ask last ("giờ làm giấy khai sinh cho
 * bé thì làm ở đâu"): the story's family, places, times and jobs are not what is asked for, and
 * should not weigh like the request's words. The message is cut into clauses at punctuation and
 * at words that move the story to now ("giờ", "bây giờ", "nhưng"); the request is the run of
 * clauses at the end that each ask something (a wish or need: "muốn", "cần", "xin", "phải"; a
 * question word: "gì", "sao", "nào", "đâu", "bao nhiêu", a closing "không"; "hỏi"). The clauses
 * that ask nothing and tell of a person or a time ("nhà tôi", "năm 1998", "vừa"), before the last
 * one that asks, are the story; one with neither ("sổ đỏ còn ghi số chứng minh thư cũ") names the object.
 * @module
 */
import { type Clauses, findNegatedFacts, negationAt } from './find-negated-facts.ts'
import type { AnalyzedToken } from './normalize-vietnamese.ts'

/** Messages of more words than this may carry a story; a shorter one is all request. */
export const LONG_MESSAGE_WORDS = 12

/** Words that make a clause a request, folded → the marked form they must have when typed with marks. */
const ASKING = new Map([
  ['muon', 'muốn'],
  ['xin', 'xin'],
  ['phai', 'phải'],
  ['gi', 'gì'],
  ['j', 'j'],
  ['sao', 'sao'],
  ['nao', 'nào'],
  ['dau', 'đâu'],
  ['hoi', 'hỏi'],
  ['can', 'cần'],
])
/** Phrases that make a clause a request (folded). */
const ASKING_PHRASES = ['bao nhieu', 'bao lau', 'the nao', 'lam sao', 'ra sao']
/** "can" typed without marks before these is "căn" (căn cước, căn hộ, căn nhà), not "cần". */
const NOT_NEED_AFTER = new Set(['cuoc', 'ho', 'nha', 'phong', 'cu'])
/** "hoi" typed without marks before these is "hồi" (hồi đó, hồi trước: a time), not "hỏi". */
const THEN_AFTER = new Set(['do', 'truoc', 'xua', 'nho', 'ay', 'nam', 'thang', 'con'])
/** "phải" after these is "is not" ("không phải", "chứ đâu phải"), not "must". */
const NOT_BEFORE = new Set(['khong', 'ko', 'k', 'chang', 'dau'])
/** A closing "không" asks a yes/no question ("… có mất phí không"). */
const CLOSING_NO = new Set(['khong', 'ko', 'k', 'hok', 'hong'])
/** Particles that may follow a closing "không". */
const PARTICLES = new Set(['a', 'nhi', 'nhe', 'vay', 'the', 'ha', 'z', 'ta'])
/** Words that bring the story to the present and open the request: folded → marked form. */
const NOW = new Map([
  ['gio', 'giờ'],
  ['nhung', 'nhưng'],
])
/** A "giờ" after these is an hour or "ever" ("mấy giờ", "bao giờ"), not "now". */
const NOT_NOW_AFTER = new Set(['bao', 'may', 'gio', 'tieng', 'hanh'])
/**
 * Words that make a clause tell a story: a person (the speaker, kin, a household) or a time. A clause
 * with neither ("sổ đỏ còn ghi số chứng minh thư cũ") names the object the request is about.
 * Folded → marked form.
 */
const TELLING = new Map([
  ['toi', 'tôi'],
  ['tui', 'tui'],
  ['em', 'em'],
  ['minh', 'mình'],
  ['anh', 'anh'],
  ['chi', 'chị'],
  ['vo', 'vợ'],
  ['chong', 'chồng'],
  ['bo', 'bố'],
  ['me', 'mẹ'],
  ['cha', 'cha'],
  ['ong', 'ông'],
  ['con', 'con'],
  ['chau', 'cháu'],
  ['nha', 'nhà'],
  ['nam', 'năm'],
  ['thang', 'tháng'],
  ['tuan', 'tuần'],
  ['hom', 'hôm'],
  ['xua', 'xưa'],
  ['hoi', 'hồi'],
  ['vua', 'vừa'],
  ['roi', 'rồi'],
  ['da', 'đã'],
])
/** Whether a folded word tells of a person or a time ("con", "mẹ", "tháng", "rồi"), not of a thing. */
export const isTellingWord = (folded: string): boolean => TELLING.has(folded)

/**
 * Punctuation that ends a clause: a comma, a stop followed by a space (not "2.000", "tp.hcm"), or
 * emoji, which chat messages put where a stop would be ("… được về sớm 😂 tranh thủ hỏi luôn").
 */
const CLAUSE_END = /,|[.;:!?…]+(?=\s|$)|\n|\s[-–]\s|\p{Extended_Pictographic}+/gu

/** The message's pieces between clause-ending punctuation, each with whether a question mark closes it. */
const questionedPieces = (text: string): { piece: string; questioned: boolean }[] => {
  const out: { piece: string; questioned: boolean }[] = []
  let from = 0
  for (const m of text.matchAll(CLAUSE_END)) {
    out.push({ piece: text.slice(from, m.index), questioned: m[0].includes('?') })
    from = m.index + m[0].length
  }
  out.push({ piece: text.slice(from), questioned: false })
  return out
}

/** The message's pieces between clause-ending punctuation (also read by the facet's asked clause). */
export const splitClauses = (text: string): string[] => questionedPieces(text).map((p) => p.piece)

export type FindRequestClauseOptions = {
  /** The message as typed. */
  text: string
  /** Its tokens as the query reads them (after chat-speak rewriting). */
  tokens: readonly AnalyzedToken[]
  /** The same analysis as `tokens` for a piece of the message, to find where each clause's tokens start. */
  analyse: (text: string) => AnalyzedToken[]
}

const typedAs = (t: AnalyzedToken, marked: string): boolean => !t.accented || t.text === marked

/** Words a message may open with before asking leave to ask ("dạ chào ad, cho em xin hỏi"), folded. */
const OPENING = new Set([
  'da',
  'chao',
  'xin',
  'ad',
  'admin',
  'ban',
  'bot',
  'lam',
  'on',
  'vui',
  'long',
  'cho',
  'kinh',
  'thua',
  'muon',
  'em',
  'toi',
  'minh',
  'tui',
  'chau',
  'con',
  'anh',
  'chi',
  'co',
  'chu',
  'bac',
  'to',
])

/** Whether the word at `i` comes after opening words only, from the message's start. */
const opensMessage = (tokens: readonly AnalyzedToken[], i: number): boolean =>
  tokens.slice(0, i).every((t) => OPENING.has(t.folded))

/** Whether the clause tokens[from, to) asks something. */
const asks = (tokens: readonly AnalyzedToken[], from: number, to: number): boolean => {
  const words = tokens.slice(from, to).map((t) => t.folded)
  const joined = ` ${words.join(' ')} `
  if (ASKING_PHRASES.some((p) => joined.includes(` ${p} `))) return true
  for (let i = from; i < to; i++) {
    const t = tokens[i] as AnalyzedToken
    const marked = ASKING.get(t.folded)
    if (marked === undefined || !typedAs(t, marked)) continue
    if (t.folded === 'can' && !t.accented && NOT_NEED_AFTER.has(tokens[i + 1]?.folded ?? '')) continue
    if (t.folded === 'hoi' && !t.accented && THEN_AFTER.has(tokens[i + 1]?.folded ?? '')) continue
    // "chào ad, cho em hỏi …", "làm ơn cho hỏi …": asking leave opens the whole message, and asks nothing of its clause
    if (t.folded === 'hoi' && opensMessage(tokens, i)) continue
    // "em muốn hỏi về …" opens it the same way
    if (t.folded === 'muon' && tokens[i + 1]?.folded === 'hoi' && opensMessage(tokens, i)) continue
    // "không phải khai sinh có yếu tố nước ngoài, …": "is not", what the citizen does not want
    if (t.folded === 'phai' && NOT_BEFORE.has(tokens[i - 1]?.folded ?? '')) continue
    return true
  }
  let last = to - 1
  while (last > from && PARTICLES.has(tokens[last]?.folded ?? '')) last--
  return CLOSING_NO.has(tokens[last]?.folded ?? '')
}

/** A telling word after these is part of another word ("chứng minh", "phản ánh", "địa chỉ", "Việt Nam"). */
const PART_AFTER = new Map([
  ['minh', new Set(['chung', 'thong', 'van', 'quang', 'xac'])],
  ['anh', new Set(['phan', 'hinh', 'bao', 'chup'])],
  ['chi', new Set(['dia', 'thi', 'phat'])],
  ['nam', new Set(['viet', 'mien', 'ha', 'quang', 'dinh', 'phuong', 'hai'])],
  ['con', new Set(['giay', 'van', 'ban'])],
])
/** A telling word before these is part of another word ("chi nhánh", "chi phí", "nhà nước"). */
const PART_BEFORE = new Map([
  ['chi', new Set(['nhanh', 'phi', 'tiet', 'tra', 'cuc', 'hoi'])],
  ['nha', new Set(['nuoc'])],
])

/** Whether the clause tokens[from, to) tells of a person or a time. */
const tells = (tokens: readonly AnalyzedToken[], from: number, to: number): boolean => {
  for (let i = from; i < to; i++) {
    const t = tokens[i] as AnalyzedToken
    const marked = TELLING.get(t.folded)
    if (marked === undefined || !typedAs(t, marked)) continue
    if (PART_AFTER.get(t.folded)?.has(tokens[i - 1]?.folded ?? '')) continue
    if (PART_BEFORE.get(t.folded)?.has(tokens[i + 1]?.folded ?? '')) continue
    return true
  }
  return false
}

/** Whether the word at `i` brings the story to now ("giờ", "nhưng"; not the "giờ" of "mấy giờ"). */
const opensNow = (tokens: readonly AnalyzedToken[], i: number): boolean => {
  const t = tokens[i]
  const marked = t && NOW.get(t.folded)
  if (!t || marked === undefined || !typedAs(t, marked)) return false
  return !(t.folded === 'gio' && NOT_NOW_AFTER.has(tokens[i - 1]?.folded ?? ''))
}

/**
 * Token indices where a clause starts: after punctuation, and at a word that brings the story to now;
 * and where a clause closed by a question mark ends.
 */
const clauseStarts = ({ text, tokens, analyse }: FindRequestClauseOptions) => {
  const starts = new Set<number>([0])
  // Each piece between punctuation, analysed alone, must give the message's tokens in order;
  // when it does not (a rewritten phrase across a comma), only the words below cut clauses.
  let at = 0
  const cuts: number[] = []
  const questionedEnds = new Set<number>()
  for (const { piece, questioned } of questionedPieces(text)) {
    const n = analyse(piece).length
    if (n) cuts.push(at)
    at += n
    if (n && questioned) questionedEnds.add(at)
  }
  const fits = at === tokens.length
  if (fits) for (const c of cuts) starts.add(c)
  tokens.forEach((_, i) => {
    if (i > 0 && opensNow(tokens, i)) starts.add(i)
  })
  return {
    starts: [...starts].sort((a, b) => a - b),
    questionedEnds: fits ? questionedEnds : new Set<number>(),
  }
}

/** A long message's clauses, or null when it is short or asks nothing. */
export const readClauses = (options: FindRequestClauseOptions): Clauses | null => {
  const { tokens } = options
  if (tokens.length <= LONG_MESSAGE_WORDS) return null
  const { starts, questionedEnds } = clauseStarts(options)
  const ends = [...starts.slice(1), tokens.length]
  // (a clause closed by a question mark asks: "… hồ sơ thai sản em nộp cho công ty hay tự mang lên BHXH?")
  const asking = starts.map(
    (from, k) => questionedEnds.has(ends[k] as number) || asks(tokens, from, ends[k] as number),
  )
  return asking.includes(true) ? { starts, ends, asking } : null
}

/** The story a long message tells, and what it says was not done (find-negated-facts.ts). */
export type RequestClause = { story: boolean[]; negated: boolean[] | null }

/**
 * @returns per token, whether it tells the story (a clause that asks nothing and tells of a person, a
 *   time or what was not done, before the last clause that asks), and the words under a negation;
 *   null when the message is short, asks nothing, or tells no story
 * @example findRequestClause({ text: 'vợ em mới sinh bé ở bệnh viện tỉnh, giờ làm giấy khai sinh ở đâu', … })
 *   // story: true for "vợ em mới sinh bé ở bệnh viện tỉnh", false from "giờ" on
 */
export const findStory = (options: FindRequestClauseOptions): RequestClause | null => {
  const { tokens } = options
  const clauses = readClauses(options)
  if (!clauses) return null
  const { starts, ends, asking } = clauses
  const last = asking.lastIndexOf(true)
  // The story brought to now ("…, tháng sau lại phải bay đi công tác, giờ phải báo mất ở đâu"): what
  // the clauses before it must or want to do is told, not asked.
  let now = -1
  for (let k = 1; k <= last; k++) if (opensNow(tokens, starts[k] as number)) now = k
  const story = new Array<boolean>(tokens.length).fill(false)
  let told = false
  for (let k = 0; k < last; k++) {
    const from = starts[k] as number
    const to = ends[k] as number
    if ((asking[k] && k >= now) || (!tells(tokens, from, to) && negationAt(tokens, from, to) < 0)) continue
    story.fill(true, from, to)
    told = true
  }
  return told ? { story, negated: findNegatedFacts(tokens, clauses) } : null
}

/** @returns per token, whether it tells the story ({@link findStory}); null when there is none */
export const findRequestClause = (options: FindRequestClauseOptions): boolean[] | null =>
  findStory(options)?.story ?? null
