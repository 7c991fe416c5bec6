/**
 * Ranked procedure search: a typed code wins outright; otherwise the expanded query's
 * distinctive words (and word pairs) retrieve candidates from MiniSearch, and a rerank
 * prefers names that cover the whole query, exact accents when the user typed them,
 * citizen-level variants (Cấp xã, Cấp tỉnh before central-level copies, kept as distinct
 * results) and main procedures over variants the query did not ask for.
 * @module
 */
import { foldCached } from './analyse-procedure-name.ts'
import {
  baseNameOf,
  commonLimit,
  type DocFacts,
  FIELD_BOOSTS,
  type SearchIndex,
} from './build-search-index.ts'
import { countAskedModifiers } from './count-asked-modifiers.ts'
import { type ExpandedQuery, expandQuery, type QueryTerm } from './expand-query.ts'
import { factsByDoc } from './facts-by-doc.ts'
import { fewNamesHold } from './few-names-hold.ts'
import type { Synonyms } from './load-synonyms.ts'
import { NAMED_SCORE } from './named-outright.ts'
import { normalizeVietnamese, tokenizeNormalized } from './normalize-vietnamese.ts'
import { preferAgreeingNegation } from './prefer-agreeing-negation.ts'
import { preferRequestHolder } from './prefer-request-holder.ts'
import { preferToldVariant } from './prefer-told-variant.ts'
import { retrieveByPairs } from './retrieve-by-pairs.ts'
import { type RetrievalTerm, retrieveDocsByTerms } from './retrieve-by-terms.ts'
import type { SearchResult } from './search.types.ts'
import { asksForForces } from './serves-forces.ts'
import { speaksForOrganisation } from './speaks-for-organisation.ts'

export type SearchProceduresOptions = {
  index: SearchIndex
  synonyms: Synonyms
  /** Free text, or a query already expanded by `expandQuery`. */
  query: string | ExpandedQuery
  limit?: number
  /**
   * Reorders all candidates (scored, best first) before the cut to `limit`: the knowledge base
   * passes the fit model's ranking (knowledge/answer/rank-by-fit.ts), so a neighbouring procedure
   * whose action, variant or qualifier the question does not ask for is not ranked first.
   */
  rerank?: (results: SearchResult[], query: ExpandedQuery) => SearchResult[]
}

/** Candidates taken from MiniSearch into the rerank. */
const CANDIDATES = 80
/** Fewest retrieval words kept even when all are common. */
const MIN_RETRIEVAL_TERMS = 1
const MAX_POSTINGS = 3000
const MAX_RETRIEVAL_TERMS = 5
/** Word pairs the names hold, left out of the retrieval budget, that retrieve candidates of their own. */
const MAX_RETRIEVAL_PAIRS = 8
/** Candidates those pairs add to the rerank. */
const PAIR_CANDIDATES = 20
/** Retrieval reads at most this many common-word cuts' worth of postings. */
const POSTINGS_BUDGET = 3
const EXTRA_SLOPE = 0.004
const EXTRA_CAP = 0.15
const MISSING_WEIGHT = 0.06
/** Per action word in the name the query did not ask for ("thu hồi", "lại"). */
const UNASKED_WEIGHT = 0.1
const MINI_WEIGHT = 0.2
const IDF_WEIGHT = 0.6
const PRECISION_WEIGHT = 0.3
const CITIZEN_BONUS = 0.1
/** A procedure only members of the police or the army file, for a question that does not speak of them. */
const FORCES_PENALTY = 0.5
/** "lần đầu", "đầu tiên", a newly bought vehicle: the first issue, so re-issue, change and withdrawal variants are further off. */
const FIRST_TIME = [
  ' lan dau ',
  ' dau tien ',
  ' lan 1 ',
  ' lan thu nhat ',
  ' xe moi ',
  ' xe may moi ',
  ' moi mua ',
  ' mua moi ',
]
const FIRST_TIME_WEIGHT = 0.15
/**
 * Words of a purpose clause ("chuyển đất vườn sang đất ở để xây nhà") count this much in the
 * rerank when the words before "để" hold a pair two or more names hold: the question names its object
 * first, and the purpose ("xây nhà") should not pull in the procedures named after it.
 */
const PURPOSE_WEIGHT = 0.5
/** A pair held by fewer names than this is a coincidence, not a topic names speak of. */
const PURPOSE_TOPIC_NAMES = 2
/**
 * Words said only in the story a long message tells before its request (family, places, times:
 * find-request-clause.ts) count this much when the request holds a pair two or more names hold.
 */
const STORY_WEIGHT = 0.5
/**
 * Words the story says were not done ("chưa đăng ký kết hôn": find-negated-facts.ts) count this much
 * more when the request names a topic: a fact of the situation, not what is asked.
 */
const NEGATED_WEIGHT = 0.5
/** What a name holding a pair the message denies loses ("không phải khai sinh có yếu tố nước ngoài"). */
const DENIED_PENALTY = 0.3
/**
 * A request's pair names a topic only when at most this share of names hold it: "gia hạn",
 * "điều chỉnh", "cấp lại" are actions many names share ("tạm trú của em sắp hết hạn, có phải … gia
 * hạn không" asks about the story's object).
 */
export const REQUEST_TOPIC_SHARE = 0.015
/** … and at least this many: fewer is a chance meeting of words ("lên công an quận": "an_quận"). */
const REQUEST_TOPIC_NAMES = 5
/** Words before "nước ngoài" that make it a place ("ở nước ngoài"), not a person's nationality. */
const PLACE_BEFORE = new Set(['o', 'tai', 'ra'])
/**
 * Query phrases naming a foreign person or investor ("nhà đầu tư nước ngoài" invests in Viet Nam): a
 * name's "ra nước ngoài" or "ở nước ngoài" (a place abroad) does not cover their "nước ngoài".
 */
const FOREIGN_PERSON = [
  ' nha dau tu nuoc ngoai ',
  ' doanh nghiep nuoc ngoai ',
  ' cong ti nuoc ngoai ',
  ' cong ty nuoc ngoai ',
  ' to chuc nuoc ngoai ',
]
/** Query phrases that ask about a place abroad: then "ở nước ngoài" in a name is asked for. */
const ABROAD_ASKED = [
  ' o nuoc ngoai ',
  ' tai nuoc ngoai ',
  ' ra nuoc ngoai ',
  ' di nuoc ngoai ',
  ' sang nuoc ngoai ',
  ' tu nuoc ngoai ',
  ' dinh cu ',
  ' xuat canh ',
]

const hasTerm = (terms: readonly QueryTerm[], folded: string): boolean =>
  terms.some((t) => t.folded === folded)

/** Whether words[i] is the "nước" or "ngoài" of a place ("ở nước ngoài", "tại nước ngoài"). */
const inAbroadPlace = (words: readonly string[], i: number): boolean => {
  const w = words[i]
  if (w === 'nuoc') return words[i + 1] === 'ngoai' && PLACE_BEFORE.has(words[i - 1] ?? '')
  if (w === 'ngoai') return words[i - 1] === 'nuoc' && PLACE_BEFORE.has(words[i - 2] ?? '')
  return false
}

/**
 * Whether an abbreviation written in the name stands for the term ("BHYT" for "bảo"). The spelled-out
 * words keep their marks: a word typed with marks must agree ("báo" in "thẻ nhà báo" is not the
 * "bảo" of BHYT); typed without marks, both stay possible.
 */
const coversSpelled = (f: DocFacts, t: QueryTerm): boolean => {
  const words = f.expanded
  if (!words) return false
  for (let i = 0; i < words.length; i++) {
    if (words[i] === t.folded && (!t.accented || t.fromSynonym || f.expandedAccented?.[i] === t.text))
      return true
  }
  return false
}

/**
 * Distinct modifiers the name holds more often than the query asks for them (`asked` per modifier):
 * a modifier counts as asked only as often as the query says it. Counted without allocating.
 */
const countUnasked = (modifiers: number[], asked: number[]): number => {
  let n = 0
  for (let i = 0; i < modifiers.length; i++) {
    const m = modifiers[i] as number
    if (modifiers.indexOf(m) !== i) continue
    let times = 0
    for (let k = i; k < modifiers.length; k++) if (modifiers[k] === m) times++
    if ((asked[m] ?? 0) < times) n++
  }
  return n
}

/**
 * The base name of a procedure (what the reranker compares siblings by), joined once per
 * procedure and kept on its facts (nothing else in them changes once the index is built).
 */
const groupOf = (f: DocFacts): string => {
  f.group ??= baseNameOf(f)
  return f.group
}

/** The folded words of a name outside its brackets, joined once per procedure and kept on its facts. */
const mainWordsOf = (f: DocFacts): string => {
  f.main ??= ` ${tokenizeNormalized(normalizeVietnamese(f.name).replace(/\([^)]*\)?/g, ' '))
    .map(foldCached)
    .join(' ')} `
  return f.main
}

/**
 * The rarest terms, then more while they stay under the common-word cut and the postings
 * budget: words in a large share of names retrieve little and cost much; they still count
 * in the rerank.
 */
const distinctive = (
  terms: string[],
  df: Map<string, number>,
  size: number,
  keep: number,
  most = MAX_RETRIEVAL_TERMS,
): string[] => {
  const limit = commonLimit(size)
  const byRarity = [...terms].sort((a, b) => (df.get(a) ?? 0) - (df.get(b) ?? 0))
  const budget = Math.min(POSTINGS_BUDGET * limit, MAX_POSTINGS)
  const out: string[] = []
  let postings = 0
  for (const t of byRarity) {
    const n = df.get(t) ?? 0
    const fits = n <= limit && postings + n <= budget && out.length < most
    if (out.length >= keep && !fits) break
    out.push(t)
    postings += n
  }
  return out
}

/**
 * Per token number: the query term it is (k + 1) and the pairs it starts (list + 1), 0 elsewhere;
 * `marked`: the numbers the last search set, which the next one clears before setting its own.
 */
type TokenTables = { term: Int32Array; pairs: Int32Array; marked: number[] }
/** One set of tables per token table (searches run one at a time: each is synchronous). */
const tablesOf = new WeakMap<ReadonlyMap<string, number>, TokenTables>()
const tokenTables = (ids: ReadonlyMap<string, number>): TokenTables => {
  let tables = tablesOf.get(ids)
  if (!tables) {
    tables = { term: new Int32Array(ids.size), pairs: new Int32Array(ids.size), marked: [] }
    tablesOf.set(ids, tables)
  }
  return tables
}

/** A procedure named outright (a typed code, a phrase staff taught): first, with full marks; null when unknown. */
export const exactResult = (index: SearchIndex, code: string): SearchResult | null => {
  const f = index.facts.get(code)
  if (!f) return null
  return {
    code,
    name: f.name,
    levels: f.levels,
    field: f.field,
    score: NAMED_SCORE,
    coverage: 1,
    idfCoverage: 1,
    precision: 1,
    uncovered: [],
    forPeople: f.people,
    group: groupOf(f),
    levelRank: f.levelRank,
  }
}

const codeResults = (index: SearchIndex, q: ExpandedQuery): SearchResult[] => {
  const typed = [...q.codes, ...q.folded.filter((w) => /^\d{6,7}$/.test(w))]
  const out: SearchResult[] = []
  for (const key of typed) {
    for (const code of index.codes.get(key) ?? []) {
      if (out.some((r) => r.code === code)) continue
      const exact = exactResult(index, code)
      if (exact) out.push(exact)
    }
  }
  return out
}

/**
 * Candidates when every query word is very common (kept out of MiniSearch): the procedures
 * naming the word, shortest names first, scored as a single-term BM25 would order them.
 */
const commonWordHits = (index: SearchIndex, word: string): Hit[] => {
  const list = index.common.get(word) ?? new Uint32Array()
  const out: Hit[] = []
  for (const ordinal of list.subarray(0, CANDIDATES)) {
    const f = index.ordered[ordinal]
    if (f) out.push({ f, score: 1 / Math.max(1, f.mainLength) })
  }
  return out
}

/** A retrieved candidate: its facts (read by document number, not looked up by code) and retrieval score. */
type Hit = { f: DocFacts | undefined; score: number }

/** MiniSearch's best candidates for the retrieval words, with their facts read by document number. */
const retrievedHits = (index: SearchIndex, terms: RetrievalTerm[]): Hit[] => {
  const { docs, scores } = retrieveDocsByTerms({
    mini: index.mini,
    terms,
    fieldBoosts: FIELD_BOOSTS,
    limit: CANDIDATES,
  })
  const facts = factsByDoc(index)
  return docs.map((doc, k) => ({ f: facts[doc], score: scores[k] as number }))
}

/**
 * @returns up to `limit` results (default 10), best first; codes typed in the query come first
 */
export const searchProcedures = ({
  index,
  synonyms,
  query,
  limit = 10,
  rerank,
}: SearchProceduresOptions): SearchResult[] => {
  const q = typeof query === 'string' ? expandQuery(query, synonyms, index) : query
  const results = codeResults(index, q)
  const seen = new Set(results.map((r) => r.code))
  const terms = q.terms.filter((t) => !/^\d{6,7}$/.test(t.folded) || !index.codes.has(t.folded))
  if (!terms.length) return results.slice(0, limit)

  const folded = terms.map((t) => t.folded)
  const known = (t: string) => index.df.has(t)
  // Only pairs rare enough to be indexed can retrieve (see COMMON_SHARE).
  const pairLimit = commonLimit(index.size)
  const indexedPair = (p: string) => {
    const n = index.df.get(p) ?? 0
    return n > 0 && n <= pairLimit
  }
  // Words and (indexed, so rare) word pairs compete for the retrieval budget, rarest first.
  const retrieval = distinctive(
    [...folded, ...q.bigrams.filter(indexedPair)],
    index.df,
    index.size,
    MIN_RETRIEVAL_TERMS,
  )
  if (!retrieval.length) retrieval.push(...folded)
  // In a long question rare words about something else ("1995", "thất lạc") can take the whole
  // budget: the rarest pairs left out retrieve candidates of their own, which only join the rerank.
  const morePairs = distinctive(
    q.bigrams.filter((p) => indexedPair(p) && !retrieval.includes(p)),
    index.df,
    index.size,
    0,
    MAX_RETRIEVAL_PAIRS,
  )
  const weights = new Map(terms.map((t) => [t.folded, t.weight]))
  const last = folded.at(-1)
  // MiniSearch's scores for these words in every field, read from the postings (retrieve-by-terms.ts).
  const retrievalTerms: RetrievalTerm[] = retrieval.map((term) => ({
    term,
    // Typos only: a word the index knows is taken as typed.
    fuzzy: term.length >= 5 && !/[\d_]/.test(term) && !known(term) ? 1 : false,
    // Type-ahead on the last word only, when it is not a whole word yet.
    prefix: term === last && term.length >= 3 && !known(term),
    boost: weights.get(term) ?? 1,
  }))
  const hits: Hit[] = index.common.has(retrieval[0] ?? '')
    ? commonWordHits(index, retrieval[0] as string)
    : retrievedHits(index, retrievalTerms)
  if (morePairs.length) {
    const found = new Set(hits.map((h) => h.f?.code))
    // Read from the pairs' postings: MiniSearch's best PAIR_CANDIDATES without scoring objects for all.
    const byPairs = retrieveByPairs({ mini: index.mini, pairs: morePairs, limit: PAIR_CANDIDATES })
    for (const h of byPairs) if (!found.has(h.id)) hits.push({ f: index.facts.get(h.id), score: 0 })
  }
  if (!hits.length) return results.slice(0, limit)

  const wholeQuery = ` ${folded.join(' ')} `
  // "lại" and "lái" fold alike: words typed with marks are compared with marks, the rest folded.
  const markedQuery = terms.map((t) => (t.accented ? t.text : t.folded)).join(' ')
  // After "bị" a modifier is a condition ("bằng lái bị thu hồi"), as in the names, not the action
  // asked; "bị" itself is not a search term, so it is read from the typed words.
  const typed = q.tokens.some((t) => t.folded === 'bi')
    ? q.tokens.map((t) => (t.accented ? t.text : t.folded)).join(' ')
    : ''
  const { asked: askedModifiers, surely: askedSurely } = countAskedModifiers(markedQuery, typed)
  const bundleAsked = wholeQuery.includes(' lien thong ') || wholeQuery.includes(' ket hop ')
  const firstTime = FIRST_TIME.some((phrase) => wholeQuery.includes(phrase))
  // A company's question: procedures open to citizens are no closer to it.
  const citizenBonus = speaksForOrganisation(q.tokens) ? 0 : CITIZEN_BONUS
  // A procedure the forces' own members file fits only a question that speaks of them (serves-forces.ts).
  const forcesPenalty = asksForForces(q.folded) ? 0 : FORCES_PENALTY
  // A purpose clause weighs less when the words before it name a topic names speak of.
  const purposeCounts = !!q.headPairs?.some((p) => (index.df.get(p) ?? 0) >= PURPOSE_TOPIC_NAMES)
  // So does a story told before the request, when the request names a topic itself.
  const namesTopic = (n: number): boolean => n >= REQUEST_TOPIC_NAMES && n <= index.size * REQUEST_TOPIC_SHARE
  const storyCounts = !!q.requestPairs?.some((p) => namesTopic(index.df.get(p) ?? 0))
  const weightOf = terms.map(
    (t) =>
      (t.refused ? 0 : t.weight) *
      (purposeCounts && t.purpose ? PURPOSE_WEIGHT : 1) *
      (storyCounts && t.story ? STORY_WEIGHT : 1) *
      (storyCounts && t.negated ? NEGATED_WEIGHT : 1),
  )
  // A foreign person ("người nước ngoài", "người Hàn"), not a place abroad: a name's "ở nước
  // ngoài" (nationality abroad vs. in the country) does not cover the question's "nước ngoài".
  // A country named as a place ("ở Đức", "sang Nhật") adds the qualifier "[ở nước ngoài]".
  const countryNamed = terms.some((t) => t.qualifier && t.folded === 'ngoai')
  // Every word typed, filler included ("nhà đầu tư nước ngoài").
  const typedQuery = ` ${q.folded.join(' ')} `
  // "nhà đầu tư nước ngoài" names a foreign investor even though its "tư nước ngoài" folds like "từ nước ngoài".
  const foreignPerson =
    hasTerm(terms, 'ngoai') &&
    !countryNamed &&
    (FOREIGN_PERSON.some((phrase) => typedQuery.includes(phrase)) ||
      ((wholeQuery.includes(' nguoi nuoc ngoai ') || !q.folded.includes('ngoai')) &&
        !ABROAD_ASKED.some((phrase) => wholeQuery.includes(phrase))))
  const totalWeight = weightOf.reduce((s, w) => s + w, 0)
  // Rare words say more about the topic than "đăng ký" or "cấp" do.
  const idf = new Map(folded.map((t) => [t, Math.log(1 + index.size / (1 + (index.df.get(t) ?? 0)))]))
  const totalIdf = terms.reduce((s, t, k) => s + (weightOf[k] as number) * (idf.get(t.folded) ?? 0), 0)
  const termIdf = terms.map((t) => idf.get(t.folded) ?? 0)
  // Each candidate's name is read once, word by word, against tables of the query's terms and
  // pairs; a term or pair found is stamped with the candidate's number (no arrays per candidate).
  // Query terms are distinct by their folded form, and so are the pairs.
  const termAt = new Map(terms.map((t, k) => [t.folded, k]))
  // A word the user typed with marks must agree in marks too ("quán" is not "quan" in "hải quan");
  // unmarked words match folded.
  const strict = terms.map((t) => t.accented && !t.fromSynonym)
  const typedAccented = strict.filter(Boolean).length
  // … unless its marks were a slip: a marked word few names hold ("giây", "dưng"), found beside a
  // word of the query as the query pairs them, that word agreeing in its own marks ("giây phép",
  // "xây dưng" are "giấy phép", "xây dựng"; "hải quân" is not "hải quan": names say "quân" often).
  const slip = terms.map(
    (t, k) => strict[k] && t.text !== t.folded && fewNamesHold(index.markedDf?.get(t.text) ?? 0, index),
  )
  const pairAt = new Map(q.bigrams.map((p, k) => [p, k]))
  // A syllable of a two-syllable word the dictionary gave counts only where its pair is found.
  const boundPair = terms.map((t) => (t.bound === undefined ? -1 : (pairAt.get(t.bound) ?? -1)))
  const pairsFrom = new Map<string, Map<string, number>>()
  q.bigrams.forEach((p, k) => {
    const cut = p.indexOf('_')
    const first = p.slice(0, cut)
    const seconds = pairsFrom.get(first) ?? new Map<string, number>()
    if (!seconds.has(p.slice(cut + 1))) seconds.set(p.slice(cut + 1), k)
    pairsFrom.set(first, seconds)
  })
  // The same tables by token number (pack-facts.ts), to read packed names without building
  // arrays or hashing strings; a word no name holds has no number and never matches.
  const ids = index.tokenIds
  const textIdOf = new Int32Array(terms.length).fill(-1)
  // By token number, in the index's scratch tables (read without hashing): the term (k + 1) a
  // word is, and the pairs it starts (1 + its list in `secondsOf`).
  const table = ids ? tokenTables(ids) : null
  const secondsOf: number[][] = []
  if (ids && table) {
    const { marked } = table
    // What the previous search set is cleared first (so nothing it left behind is ever read).
    for (const id of marked) {
      table.term[id] = 0
      table.pairs[id] = 0
    }
    marked.length = 0
    terms.forEach((t, k) => {
      const id = ids.get(t.folded)
      // as `termAt`: a later term of the same folded form wins
      if (id !== undefined) {
        table.term[id] = k + 1
        marked.push(id)
      }
      textIdOf[k] = ids.get(t.text) ?? -1
    })
    for (const [first, seconds] of pairsFrom) {
      const a = ids.get(first)
      if (a === undefined) continue
      // pairs of `a` as (second word's number, pair number), flat
      const byId: number[] = []
      for (const [second, k] of seconds) {
        const b = ids.get(second)
        if (b !== undefined) byId.push(b, k)
      }
      if (!byId.length) continue
      secondsOf.push(byId)
      table.pairs[a] = secondsOf.length
      marked.push(a)
    }
  }
  // Whether the words at a and b of a packed name are a pair of the query, the word at `other` agreeing in marks.
  const pairedAt = (f: DocFacts, a: number, b: number, other: number): boolean => {
    const { term, pairs } = table as TokenTables
    const foldedIds = f.foldedIds as ArrayLike<number>
    const start = f.tokenStart as number
    const list = pairs[foldedIds[start + a] as number] as number
    if (!list) return false
    const seconds = secondsOf[list - 1] as number[]
    const second = foldedIds[start + b] as number
    let found = false
    for (let p = 0; p < seconds.length && !found; p += 2) found = seconds[p] === second
    if (!found) return false
    const j = (term[foldedIds[start + other] as number] as number) - 1
    return j >= 0 && (!strict[j] || (f.accentedIds as ArrayLike<number>)[start + other] === textIdOf[j])
  }
  // A slip of the marks at word i of a packed name: the word before or after it is paired with it as typed.
  const slipAt = (f: DocFacts, i: number): boolean =>
    (i > 0 && pairedAt(f, i - 1, i, i - 1)) ||
    (i + 1 < (f.tokenCount as number) && pairedAt(f, i, i + 1, i + 1))
  // (the same, for names read as strings)
  const pairedIn = (words: string[], accented: string[], a: number, b: number, other: number): boolean => {
    if (!pairsFrom.get(words[a] as string)?.has(words[b] as string)) return false
    const j = termAt.get(words[other] as string)
    return j !== undefined && (!strict[j] || accented[other] === (terms[j] as QueryTerm).text)
  }
  const slipIn = (words: string[], accented: string[], i: number): boolean =>
    (i > 0 && pairedIn(words, accented, i - 1, i, i - 1)) ||
    (i + 1 < words.length && pairedIn(words, accented, i, i + 1, i + 1))
  const readingOf = new Map(terms.filter((t) => t.readAs).map((t) => [t.folded, t.readAs as string[]]))
  const hasReadings = readingOf.size > 0
  const deniedAt = (q.deniedPairs ?? []).map((p) => pairAt.get(p) ?? -1).filter((k) => k >= 0)
  const coveredIn = new Int32Array(terms.length).fill(-1)
  const accentIn = new Int32Array(terms.length).fill(-1)
  const pairIn = new Int32Array(q.bigrams.length).fill(-1)
  const top = hits[0]?.score ?? 1
  const ranked: SearchResult[] = []
  for (let c = 0; c < hits.length; c++) {
    const hit = hits[c] as Hit
    const f = hit.f
    if (!f || seen.has(f.code)) continue
    const foldedIds = ids ? f.foldedIds : undefined
    const length = f.tokenCount ?? f.folded.length
    if (foldedIds !== undefined) {
      // Packed names are read as token numbers, compared with the query's (the same tests as below).
      const accentedIds = f.accentedIds as ArrayLike<number>
      const start = f.tokenStart as number
      const termOf = (table as TokenTables).term
      const pairsOf = (table as TokenTables).pairs
      for (let i = 0; i < length; i++) {
        const w = foldedIds[start + i] as number
        const k = (termOf[w] as number) - 1
        if (k >= 0 && !(foreignPerson && inAbroadPlace(f.folded, i))) {
          const same = accentedIds[start + i] === textIdOf[k]
          if (i < f.baseLength && (!strict[k] || same || (slip[k] && slipAt(f, i)))) coveredIn[k] = c
          if (strict[k] && same) accentIn[k] = c
        }
        const list = pairsOf[w] as number
        if (list && i + 1 < length) {
          const next = foldedIds[start + i + 1] as number
          const seconds = secondsOf[list - 1] as number[]
          for (let p = 0; p < seconds.length; p += 2)
            if (seconds[p] === next) pairIn[seconds[p + 1] as number] = c
        }
      }
    } else {
      // Read once: the facts keep name tokens in columns and build these arrays when asked.
      const words = f.folded
      const accented = f.accented
      for (let i = 0; i < words.length; i++) {
        const w = words[i] as string
        const k = termAt.get(w)
        if (k !== undefined && !(foreignPerson && inAbroadPlace(words, i))) {
          // The base name covers the term; anywhere in the name, a marked word typed agrees.
          const same = accented[i] === (terms[k] as QueryTerm).text
          if (i < f.baseLength && (!strict[k] || same || (slip[k] && slipIn(words, accented, i))))
            coveredIn[k] = c
          if (strict[k] && same) accentIn[k] = c
        }
        if (i + 1 < words.length) {
          const pk = pairsFrom.get(w)?.get(words[i + 1] as string)
          if (pk !== undefined) pairIn[pk] = c
        }
      }
    }
    if (f.expandedPairs)
      for (const p of f.expandedPairs) {
        const pk = pairAt.get(p)
        if (pk !== undefined) pairIn[pk] = c
      }
    let covered = 0
    let matched = 0
    let matchedMain = 0
    let informative = 0
    // A bracketed scope ("(đối với dự án đầu tư xây dựng công trình …)") is not counted in the
    // name's length, so the words it covers do not count for precision either.
    const main = f.mainLength < length ? mainWordsOf(f) : null
    const uncovered: string[] = []
    for (let k = 0; k < terms.length; k++) {
      const t = terms[k] as QueryTerm
      const bound = boundPair[k] as number
      if ((coveredIn[k] === c && (bound < 0 || pairIn[bound] === c)) || coversSpelled(f, t)) {
        covered += weightOf[k] as number
        informative += (weightOf[k] as number) * (termIdf[k] as number)
        matched++
        if (!main || main.includes(` ${t.folded} `)) matchedMain++
      } else if (t.weight >= 1 && !t.qualifier) uncovered.push(t.folded)
    }
    // A typed word whose reading the name holds in full is not missing ("công ty": "doanh nghiệp").
    if (uncovered.length && hasReadings)
      for (let k = uncovered.length - 1; k >= 0; k--) {
        const reading = readingOf.get(uncovered[k] as string)
        if (
          reading?.length &&
          reading.every((w) => {
            const j = termAt.get(w)
            return j !== undefined && coveredIn[j] === c
          })
        )
          uncovered.splice(k, 1)
      }
    const coverage = covered / totalWeight
    const idfCoverage = totalIdf ? informative / totalIdf : 0
    // Counted in loops: no arrays per candidate (80 per query).
    let pairs = 0
    for (let k = 0; k < pairIn.length; k++) if (pairIn[k] === c) pairs++
    const pairShare = pairIn.length ? pairs / pairIn.length : 0
    let accents = 0
    for (let k = 0; k < accentIn.length; k++) if (accentIn[k] === c) accents++
    const accentShare = typedAccented ? accents / typedAccented : 0
    const extra = Math.max(0, f.mainLength - matched)
    const precision = f.mainLength ? Math.min(1, matchedMain / f.mainLength) : 0
    // A modifier counts as asked only as often as the query says it.
    const unasked = f.modifiers.length ? countUnasked(f.modifiers, askedModifiers) : 0
    // A name holding a pair the message denies ("không phải … có yếu tố nước ngoài") is not what is asked.
    let denied = 0
    for (const k of deniedAt) if (pairIn[k] === c) denied++
    // "cấp lại" asked: the re-issue, not the first issue.
    let missing = 0
    for (const m of askedSurely) if (!f.modifiers.includes(m)) missing++
    const score =
      (MINI_WEIGHT * hit.score) / top +
      IDF_WEIGHT * idfCoverage +
      coverage +
      0.4 * pairShare +
      0.15 * accentShare +
      PRECISION_WEIGHT * precision -
      Math.min(0.2, UNASKED_WEIGHT * unasked) -
      (firstTime && unasked > 0 ? FIRST_TIME_WEIGHT : 0) -
      Math.min(0.12, MISSING_WEIGHT * missing) -
      0.04 * f.levelRank +
      (f.citizen ? citizenBonus : 0) -
      (f.forces ? forcesPenalty : 0) -
      (f.bundle && !bundleAsked ? 0.1 : 0) -
      Math.min(EXTRA_CAP, EXTRA_SLOPE * extra) -
      (denied ? DENIED_PENALTY : 0)
    ranked.push({
      code: f.code,
      name: f.name,
      levels: f.levels,
      field: f.field,
      score: Math.round(score * 1000) / 1000,
      coverage: Math.round(coverage * 1000) / 1000,
      idfCoverage: Math.round(idfCoverage * 1000) / 1000,
      precision: Math.round(precision * 1000) / 1000,
      uncovered,
      forPeople: f.people,
      // The reranker compares siblings by their base names; without it the base name is joined
      // only for the results returned (below).
      group: rerank ? groupOf(f) : '',
      levelRank: f.levelRank,
    })
  }
  ranked.sort((a, b) => b.score - a.score || a.levelRank - b.levelRank || a.code.localeCompare(b.code))
  const fitted = rerank ? rerank(ranked, q) : ranked
  // A long message's request decides between the first results a story's words put ahead.
  // Pairs some names hold, and not so many that they name no topic ("đăng ký", "cấp lại").
  const namedPairs = (q.requestPairs ?? []).filter(
    (p) => (index.df.get(p) ?? 0) <= index.size * REQUEST_TOPIC_SHARE && index.df.has(p),
  )
  const topicPairs = namedPairs.filter((p) => namesTopic(index.df.get(p) ?? 0))
  const held = preferRequestHolder({ results: fitted, terms, topicPairs, namedPairs })
  // … and a variant the message's facts decide goes before its plain sibling; a name that denies what the
  // message names, or names what it denies, goes below those that do not.
  const told = preferToldVariant({ results: held, variants: q.variants ?? [], ruledOut: q.ruledOut ?? [] })
  const out = [...results, ...preferAgreeingNegation({ results: told, message: q.folded })].slice(0, limit)
  for (const r of out) {
    if (r.group !== '') continue
    const f = index.facts.get(r.code)
    if (f) r.group = groupOf(f)
  }
  return out
}
