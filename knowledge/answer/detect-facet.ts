/**
 * Which part of a procedure the citizen asks about (documents, fees, duration, where,
 * online, …), from cue phrases in the synonyms dictionary ("giấy tờ gì", "bao nhiêu tiền",
 * "mấy ngày", "nộp ở đâu", "qua mạng"). No cue means an overview.
 * @module
 */
import { type CueSpan, findCueSpans, rewriteAbbreviations } from '../search/expand-query.ts'
import { LONG_MESSAGE_WORDS } from '../search/find-request-clause.ts'
import type { Synonyms } from '../search/load-synonyms.ts'
import { type AnalyzedToken, analyzeText } from '../search/normalize-vietnamese.ts'
import type { Facet } from './answer.types.ts'
import { findAskedClause } from './find-asked-clause.ts'

export type DetectFacetOptions = {
  /** The message, or its tokens when already analysed. */
  text: string | AnalyzedToken[]
  synonyms: Synonyms
  /** The message as typed, when `text` is its tokens: a long message is read by its clauses. */
  message?: string
}

/** The message's tokens, analysed and rewritten unless they come so. */
const tokensOf = ({ text, synonyms }: DetectFacetOptions): AnalyzedToken[] =>
  typeof text === 'string' ? rewriteAbbreviations(analyzeText(text), synonyms) : text

/** @returns every facet asked about, in order of appearance, without repeats */
export const detectFacets = (options: DetectFacetOptions): Facet[] => [
  ...new Set(cueSpans(tokensOf(options), options.synonyms).map((c) => c.facet)),
]

/** Words before "bao giờ" that make it "ever" ("chưa có căn cước bao giờ"), not "when" — folded. */
const NEVER = new Set(['chua', 'khong', 'chang'])

/**
 * What a bare "bao nhiêu" counts when one of these follows it, folded: members, people, years of age,
 * times, copies, areas and weights — not money ("hợp tác xã cần tối thiểu bao nhiêu thành viên").
 */
const COUNTED = new Set([
  'thanh vien',
  'nguoi',
  'tuoi',
  'lan',
  'ban',
  'm2',
  'met',
  'ha',
  'hecta',
  'tan',
  'km',
  'cay',
  'can',
  'diem',
  'phan tram',
  'thang tuoi',
])

/** Words after "bao nhiêu" that make it money ("bao nhiêu tiền", "bao nhiêu đồng") — folded. */
const MONEY = new Set(['tien', 'dong', 'phi', 'vnd', 'nghin', 'ngan', 'trieu', 'k'])

/** Whether a cue is a bare "bao nhiêu" that counts something other than money, or asks a limit. */
const countsOtherThanMoney = (c: CueSpan, tokens: AnalyzedToken[]) => {
  if (c.facet !== 'fees' || c.end - c.start !== 2 || tokens[c.start]?.folded !== 'bao') return false
  // "diện tích tối thiểu (là) bao nhiêu", "vốn tối đa bao nhiêu": a limit asked, not a fee
  const before = tokens
    .slice(Math.max(0, c.start - 3), c.start)
    .map((t) => t.folded)
    .join(' ')
  const next = tokens[c.end]
  // (not "lệ phí tối thiểu bao nhiêu", "tối thiểu bao nhiêu tiền": a fee's limit is a fee)
  const money = /(?:^| )(?:phi|tien|gia)(?: |$)/.test(before) || MONEY.has(next?.folded ?? '')
  if (/(?:^| )toi (?:thieu|da)(?: la)?$/.test(before) && !money) return true
  // "đến tuổi bao nhiêu thì phải đổi", "độ tuổi là bao nhiêu": an age asked
  if (/(?:^| )tuoi(?: la)?$/.test(before) && !money) return true
  // "cần vốn bao nhiêu", "vốn điều lệ bao nhiêu": the capital asked, not a fee
  if (/(?:^| )von(?: \S+){0,2}$/.test(before) && !money) return true
  if (!next || next.clause) return false
  return COUNTED.has(next.folded) || COUNTED.has(`${next.folded} ${tokens[c.end + 1]?.folded ?? ''}`)
}

/** Words of telling after where something was read ("trên mạng nói", "trên mạng đồn"), folded. */
const HEARSAY = new Set(['noi', 'bao', 'don', 'viet', 'ghi', 'thay'])

/**
 * The cue phrases, without an online one that tells where something was read ("trên mạng nói"), a "bao giờ" that a "chưa" or "không" before it in its clause makes "ever"
 * ("cháu chưa có căn cước bao giờ": never had one, not asking how long), and without a "bao nhiêu" that
 * counts something other than money.
 */
const cueSpans = (tokens: AnalyzedToken[], synonyms: Synonyms): CueSpan[] =>
  findCueSpans(tokens, synonyms).filter((c) => {
    if (countsOtherThanMoney(c, tokens)) return false
    // "trên mạng nói …", "trên mạng thấy ghi …": where the citizen read it, not a question of applying online
    if (c.facet === 'online' && HEARSAY.has(tokens[c.end]?.folded ?? '')) return false
    if (c.facet !== 'duration' || c.end - c.start !== 2 || tokens[c.start]?.folded !== 'bao') return true
    for (let k = c.start - 1; k >= 0; k--) {
      const t = tokens[k] as AnalyzedToken
      if (NEVER.has(t.folded)) return false
      if (t.clause) break
    }
    return true
  })

/** Question words, folded: "gì", "j", "nào", "bao (nhiêu, lâu)", "đâu", "không", "chưa", "sao", "mấy". */
const QUESTION_WORDS = new Set([
  'gi',
  'j',
  'nao',
  'bao',
  'dau',
  'khong',
  'ko',
  'k',
  'hong',
  'chua',
  'sao',
  'may',
])

/**
 * The facet a clause (or a message read whole) asks about: a cue that is itself a question ("giấy tờ gì", "bao nhiêu", "ở
 * đâu") before one a question word follows ("lệ phí là bao nhiêu", "online được không") before a
 * bare noun ("yêu cầu", "tờ khai", "kinh phí"), the first of the best kind.
 */
const askedFacet = (clause: string, synonyms: Synonyms): Facet | undefined => {
  const ranked = rankCues(rewriteAbbreviations(analyzeText(clause), synonyms), synonyms)
  const best = Math.min(...ranked.map((c) => c.rank))
  return ranked.find((c) => c.rank === best)?.facet
}

/** The question words that ask about one more part: a "chưa" after a cue tells what has not happened ("hồ sơ chưa có kết quả"). */
const ASKING_WORDS = new Set([...QUESTION_WORDS].filter((w) => w !== 'chua'))

/** Each cue in order, ranked 0 when it is itself a question, 1 when a question word follows it, else 2. */
const rankCues = (
  tokens: AnalyzedToken[],
  synonyms: Synonyms,
  questionWords: ReadonlySet<string> = QUESTION_WORDS,
): { facet: Facet; rank: number }[] => {
  const spans = cueSpans(tokens, synonyms)
  // a question word inside another part's cue asks about that part ("nộp yêu cầu ở đâu": where, not conditions)
  const otherCue = (i: number, facet: Facet) =>
    spans.some((c) => c.facet !== facet && c.start <= i && i < c.end)
  const asks = (from: number, to: number, facet?: Facet) =>
    tokens
      .slice(from, to)
      .some((t, k) => questionWords.has(t.folded) && !(facet && otherCue(from + k, facet)))
  return spans.map((c) => ({
    facet: c.facet,
    rank: asks(c.start, c.end) ? 0 : asks(c.end, c.end + 3, c.facet) ? 1 : 2,
  }))
}

/** The first cue a question word goes with (in it or just after it), else the first cue. */
const firstAskedFacet = (tokens: AnalyzedToken[], synonyms: Synonyms): Facet | undefined => {
  const ranked = rankCues(tokens, synonyms)
  return (ranked.find((c) => c.rank < 2) ?? ranked[0])?.facet
}

/** "hồ sơ …", "giấy tờ …" opening a message that asks nothing else: the papers for what follows. */
const DOSSIER_OPENINGS = [
  ['ho', 'so'],
  ['giay', 'to'],
]

/** "hồ sơ bị trả lại", "hồ sơ của tôi đã…": about a dossier already filed, not what to bring. */
const STATUS_WORDS = ['bị', 'đã', 'chưa', 'đang', 'của', 'không', 'vẫn', 'này', 'đó', 'mình', 'tôi', 'em']
const STATUS_ACCENTED = new Set(STATUS_WORDS)
/** Typed without marks: "dang" is as likely "đăng (ký)" as "đang", so it does not count. */
const STATUS_FOLDED = new Set(
  STATUS_WORDS.map((w) => analyzeText(w)[0]?.folded ?? w).filter((w) => w !== 'dang'),
)
const isStatusWord = (t: AnalyzedToken | undefined) =>
  t !== undefined && (t.accented ? STATUS_ACCENTED.has(t.text) : STATUS_FOLDED.has(t.folded))

/** How many parts asked besides the main one are answered too. */
export const MAX_OTHER_FACETS = 2

/**
 * The parts asked besides the main one, in the order asked: each cue that is itself a question or
 * that a question word follows ("cần giấy tờ gì và lệ phí bao nhiêu": the fees beside the documents;
 * "mất mấy ngày, làm online được không": online beside the duration). A bare noun ("hồ sơ đã nộp")
 * asks nothing.
 * @returns at most {@link MAX_OTHER_FACETS} facets, without `main` and the overview
 * @example detectOtherFacets({ text: 'đăng ký kết hôn cần giấy tờ gì và lệ phí bao nhiêu', synonyms }, 'documents') // ['fees']
 */
export const detectOtherFacets = (options: DetectFacetOptions, main: Facet): Facet[] => {
  const asked = rankCues(tokensOf(options), options.synonyms, ASKING_WORDS).filter((c) => c.rank < 2)
  return [...new Set(asked.map((c) => c.facet))]
    .filter((f) => f !== main && f !== 'overview')
    .slice(0, MAX_OTHER_FACETS)
}

/** @returns the main facet asked about, `overview` when the message names none */
export const detectFacet = (options: DetectFacetOptions): Facet => {
  const message = typeof options.text === 'string' ? options.text : options.message
  // a short message is one ask: its clauses are not read apart (find-asked-clause.ts)
  const long = typeof options.text === 'string' || options.text.length > LONG_MESSAGE_WORDS
  if (message !== undefined && long) {
    const cuesOf = (clause: string) => detectFacets({ text: clause, synonyms: options.synonyms })
    const asked = findAskedClause(message, (clause) => cuesOf(clause).length > 0)
    if (asked?.kind === 'how-to') return 'overview'
    if (asked?.kind === 'clause') return askedFacet(asked.text, options.synonyms) ?? 'overview'
  }
  const tokens = tokensOf(options)
  // "nộp yêu cầu ở đâu", "nộp tiền … online được không": the first cue a question word goes with, not a
  // bare noun before it; several parts asked ("giấy tờ gì, lệ phí bao nhiêu"): the first
  const asked = firstAskedFacet(tokens, options.synonyms)
  if (asked) return asked
  const opening = tokens.slice(0, 2).map((t) => t.folded)
  // "hồ sơ" alone (a reply in a conversation): the papers
  if (tokens.length === 2 && DOSSIER_OPENINGS.some(([a, b]) => opening[0] === a && opening[1] === b))
    return 'documents'
  return tokens.length > 2 &&
    !isStatusWord(tokens[2]) &&
    DOSSIER_OPENINGS.some(([a, b]) => opening[0] === a && opening[1] === b)
    ? 'documents'
    : 'overview'
}
