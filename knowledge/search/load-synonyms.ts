/**
 * Loads the abbreviation/synonym dictionary (knowledge/data/synonyms.json) and merges an
 * admin's extra file of the same shape, validated with zod, into the folded lookup tables
 * the query expander uses.
 * @module
 */
import { readFileSync } from 'node:fs'
import { z } from 'zod'
import { FACETS, type Facet } from '../answer/answer.types.ts'
import { AppError } from '../errors.ts'
import { memoize } from './create-lru-cache.ts'
import { type AnalyzedToken, analyzeText, foldToken } from './normalize-vietnamese.ts'

const ZPhraseList = z.array(z.string().min(1))

export const ZSynonymsFile = z
  .object({
    /** Chat-speak and short forms rewritten before anything else ("ko" → "không"). */
    abbreviations: z.record(z.string().min(1), z.string()).default({}),
    /**
     * Everyday names → official terms; `keep` also keeps the typed words; `when`/`unless` need context
     * words; `oneWord`: the official term is one word of two syllables ("thị thực"), found only whole.
     */
    expansions: z
      .array(
        z.object({
          from: ZPhraseList.min(1),
          to: z.string(),
          keep: z.boolean().optional(),
          oneWord: z.boolean().optional(),
          when: ZPhraseList.optional(),
          unless: ZPhraseList.optional(),
        }),
      )
      .default([]),
    /** Words that carry no topic ("tôi", "thủ tục", "làm sao"); dropped from the search query. */
    filler: ZPhraseList.default([]),
    /** Phrases that say which part of a procedure is asked about ("bao nhiêu tiền" → fees). */
    cues: z.partialRecord(z.enum(FACETS), ZPhraseList).default({}),
    /** Filler that, typed without marks, may be a real word ("thi" exam vs "thì"): kept as a weak term then. */
    ambiguousFiller: ZPhraseList.default([]),
    smalltalk: ZPhraseList.default([]),
    outOfScope: ZPhraseList.default([]),
    /** Typed words that count less when ranking ("mất", "người"). */
    weak: ZPhraseList.default([]),
  })
  .strict()

export type SynonymsFile = z.infer<typeof ZSynonymsFile>

export type Expansion = {
  to: string
  keep: boolean
  /** `to` is one word of two syllables: each counts in a name only beside the other ("thị" of "đô thị" does not). */
  oneWord?: boolean
  when: string[]
  /** Words that hold the expansion back, analysed: read as typed (a marked "ở" is no "ố", `typedPhraseIn`). */
  unless: AnalyzedToken[][]
  /**
   * Expansions of the same phrase that need context words (`when`), tried first: "giấy phép kinh
   * doanh" next to "công ty" is the company's certificate, otherwise the household business's.
   */
  before?: Expansion[]
}

/**
 * Phrases keyed by their folded form, remembering the accented forms they were written in:
 * a word the user typed with marks only matches an entry with the same marks ("thì" is
 * filler, "thi" is an exam; "đi" is filler, "di chúc" is not).
 */
export type PhraseMap<T> = Map<string, { value: T; forms: string[][] }>

/** Folded, ready-to-match dictionary. Phrases are folded token strings joined by one space. */
export type Synonyms = {
  abbreviations: Map<string, string>
  expansions: PhraseMap<Expansion>
  filler: PhraseMap<true>
  /** Folded filler words kept (weakly) when typed without marks. */
  ambiguousFiller: Set<string>
  cues: PhraseMap<Facet>
  smalltalk: Set<string>
  outOfScope: PhraseMap<true>
  weak: Set<string>
  /** Longest phrase length in tokens, to bound the matcher. */
  maxPhrase: number
  /** First words of multi-word phrases: anywhere else only one-word phrases can start. */
  starts: Set<string>
  /** For the first word of a multi-word phrase, the longest phrase (in tokens) that starts with it. */
  longest: Map<string, number>
}

/** How many tokens a phrase starting at `i` can span (1 unless a multi-word phrase starts with that word). */
export const spanLimit = (synonyms: Synonyms, folded: readonly string[], i: number): number =>
  synonyms.starts.has(folded[i] ?? '')
    ? Math.min(synonyms.maxPhrase, folded.length - i)
    : Math.min(1, folded.length - i)

/**
 * As `spanLimit`, bounded by the longest phrase of the dictionary's own maps (abbreviations,
 * expansions, filler, cues, small talk, out of scope) that starts with that word: longer spans
 * cannot name any of their entries, so a matcher over those maps need not build their keys.
 */
export const phraseSpan = (synonyms: Synonyms, folded: readonly string[], i: number): number =>
  Math.min(synonyms.longest.get(folded[i] ?? '') ?? 1, folded.length - i)

const addPhrase = <T>(map: PhraseMap<T>, phrase: string, value: T): string => {
  const tokens = analyzeText(phrase)
  const key = tokens.map((t) => t.folded).join(' ')
  const entry = map.get(key)
  const form = tokens.map((t) => (t.accented ? t.text : ''))
  if (entry) {
    entry.value = value
    entry.forms.push(form)
  } else map.set(key, { value, forms: [form] })
  return key
}

/** Per phrase map: the most words a phrase starting with each first word has (kept with the map's size). */
const startsOf = new WeakMap<PhraseMap<unknown>, { size: number; longest: Map<string, number> }>()
const phraseStarts = (map: PhraseMap<unknown>): Map<string, number> => {
  let starts = startsOf.get(map)
  if (!starts || starts.size !== map.size) {
    const longest = new Map<string, number>()
    for (const key of map.keys()) {
      const words = key.split(' ')
      const first = words[0] as string
      longest.set(first, Math.max(longest.get(first) ?? 0, words.length))
    }
    starts = { size: map.size, longest }
    startsOf.set(map, starts)
  }
  return starts.longest
}

/** A phrase this long or longer may hold one word typed with a slip of its marks. */
const SLIP_PHRASE_WORDS = 3

/** Per phrase map: every marked word its phrases hold (a word it knows is never a slip of another's marks). */
const wordsOf = new WeakMap<PhraseMap<unknown>, { size: number; words: Set<string> }>()
const markedWords = (map: PhraseMap<unknown>): Set<string> => {
  let known = wordsOf.get(map)
  if (!known || known.size !== map.size) {
    const words = new Set<string>()
    for (const { forms } of map.values()) for (const form of forms) for (const w of form) if (w) words.add(w)
    known = { size: map.size, words }
    wordsOf.set(map, known)
  }
  return known.words
}

/** The word pairs the dictionary's phrases hold, folded ("so_do", "hanh_an"), per dictionary. */
const pairsOf = new WeakMap<Synonyms, Set<string>>()
export const dictionaryPairs = (synonyms: Synonyms): Set<string> => {
  let pairs = pairsOf.get(synonyms)
  if (pairs) return pairs
  pairs = new Set()
  for (const map of [
    synonyms.abbreviations,
    synonyms.expansions,
    synonyms.filler,
    synonyms.cues,
    synonyms.outOfScope,
  ])
    for (const key of map.keys()) {
      const words = key.split(' ')
      for (let k = 0; k + 1 < words.length; k++) pairs.add(`${words[k]}_${words[k + 1]}`)
    }
  pairsOf.set(synonyms, pairs)
  return pairs
}

/** Whether a phrase of the dictionary holds the word as typed, marks and all ("rồi", "giờ"). */
export const dictionaryHoldsMarked = (synonyms: Synonyms, word: string): boolean =>
  [synonyms.expansions, synonyms.filler, synonyms.cues, synonyms.outOfScope].some((map) =>
    markedWords(map).has(word),
  )

/** Finds the entry for tokens[i, i+n) whose accents agree with what the user typed. */
export const lookupPhrase = <T>(
  map: PhraseMap<T>,
  tokens: AnalyzedToken[],
  i: number,
  n: number,
  /** The folded words of tokens[i, i+n) joined by spaces, when the caller already has them. */
  folded?: string,
): T | undefined => {
  let key = folded
  if (key === undefined) {
    // No phrase of the map starts with this word and is this long: no key to join and look up.
    if ((phraseStarts(map).get(tokens[i]?.folded ?? '') ?? 0) < n) return undefined
    key = tokens[i]?.folded ?? ''
    for (let k = 1; k < n; k++) key += ` ${tokens[i + k]?.folded}`
  }
  const entry = map.get(key)
  if (!entry) return undefined
  // a phrase is not read across a clause break ("xây dựng, hồ sơ")
  for (let k = 1; k < n; k++) if (tokens[i + k]?.clause) return undefined
  for (const form of entry.forms) {
    let fits = true
    for (let k = 0; k < n && fits; k++) {
      const t = tokens[i + k] as AnalyzedToken
      fits = !t.accented || !form[k] || form[k] === t.text
    }
    if (fits) return entry.value
  }
  // One word of three or more typed with marks no phrase holds, its neighbours agreeing in theirs,
  // was a slip ("xây dưng nhà" is "xây dựng nhà"); a word the dictionary knows is as typed ("chưa
  // có số" is not "chưa có sổ"), and two words are too few to tell ("hải quân" is not "hải quan").
  if (n < SLIP_PHRASE_WORDS) return undefined
  for (const form of entry.forms) {
    let agree = 0
    let differ = 0
    for (let k = 0; k < n && differ <= 1; k++) {
      const t = tokens[i + k] as AnalyzedToken
      if (!t.accented || !form[k]) continue
      if (form[k] === t.text) agree++
      else differ += markedWords(map).has(t.text) ? 2 : 1
    }
    if (differ <= 1 && agree >= SLIP_PHRASE_WORDS - 1) return entry.value
  }
  return undefined
}

/**
 * Folds a phrase the way queries are folded (Telex repair included). Remembered: answers fold
 * the same procedure names again and again.
 */
export const foldPhrase: (phrase: string) => string = memoize(
  (phrase) =>
    analyzeText(phrase)
      .map((t) => t.folded)
      .join(' '),
  { maxEntries: 20_000 },
)

const defaultFile = new URL('../data/synonyms.json', import.meta.url)

const readSynonymsFile = (path: string | URL): SynonymsFile => {
  let raw: unknown
  try {
    raw = JSON.parse(readFileSync(path, 'utf8'))
  } catch (cause) {
    throw new AppError(
      'BAD_REQUEST',
      `Không đọc được tệp từ đồng nghĩa ${String(path)}: ${(cause as Error).message}`,
      {
        cause,
      },
    )
  }
  const parsed = ZSynonymsFile.safeParse(raw)
  if (!parsed.success) {
    const issue = parsed.error.issues[0]
    throw new AppError(
      'BAD_REQUEST',
      `Tệp từ đồng nghĩa ${String(path)} không đúng định dạng: ${issue?.path.join('.') || '(gốc)'}: ${issue?.message}`,
      { details: parsed.error.issues },
    )
  }
  return parsed.data
}

/** Builds folded lookup tables from one or more parsed files; later files win on conflicts. */
export const compileSynonyms = (files: SynonymsFile[]): Synonyms => {
  const out: Synonyms = {
    abbreviations: new Map(),
    expansions: new Map(),
    filler: new Map(),
    ambiguousFiller: new Set(),
    cues: new Map(),
    smalltalk: new Set(),
    outOfScope: new Map(),
    weak: new Set(),
    maxPhrase: 1,
    starts: new Set(),
    longest: new Map(),
  }
  const track = (phrase: string): string => {
    const words = phrase.split(' ')
    out.maxPhrase = Math.max(out.maxPhrase, words.length)
    if (words.length > 1) {
      const first = words[0] as string
      out.starts.add(first)
      out.longest.set(first, Math.max(out.longest.get(first) ?? 1, words.length))
    }
    return phrase
  }
  // Abbreviations are matched token by token on the raw fold (before Telex repair would alter them).
  const foldRaw = (s: string) =>
    s
      .split(/\s+/)
      .filter(Boolean)
      .map((w) => foldToken(w.normalize('NFC').toLocaleLowerCase('vi')))
      .join(' ')
  for (const file of files) {
    for (const [from, to] of Object.entries(file.abbreviations))
      out.abbreviations.set(track(foldRaw(from)), to)
    for (const e of file.expansions) {
      const expansion: Expansion = {
        to: e.to,
        keep: e.keep ?? false,
        ...(e.oneWord ? { oneWord: true } : {}),
        when: (e.when ?? []).map(foldPhrase),
        unless: (e.unless ?? []).map((u) => analyzeText(u)),
      }
      for (const from of e.from) {
        const prior = out.expansions.get(foldPhrase(from))?.value
        const key = track(addPhrase(out.expansions, from, expansion))
        // A phrase given a plain and context-bound expansions keeps them all, the bound ones first in
        // the order written ("ghi sai" beside "sổ đỏ", beside "khai sinh", beside "BHXH"); a later one
        // for the same context, or a later plain one, replaces the earlier.
        if (prior) {
          const entry = out.expansions.get(key)
          if (entry) entry.value = combineExpansions(prior, expansion)
        }
      }
    }
    for (const f of file.filler) track(addPhrase(out.filler, f, true))
    for (const [facet, phrases] of Object.entries(file.cues) as [Facet, string[]][]) {
      for (const p of phrases) track(addPhrase(out.cues, p, facet))
    }
    for (const p of file.ambiguousFiller) out.ambiguousFiller.add(foldPhrase(p))
    for (const p of file.smalltalk) out.smalltalk.add(track(foldPhrase(p)))
    for (const p of file.outOfScope) track(addPhrase(out.outOfScope, p, true))
    for (const p of file.weak) out.weak.add(foldPhrase(p))
  }
  return out
}

/** The expansions of one phrase as tried: context-bound ones first (`before`), then the plain one. */
const chainOf = ({ before, ...e }: Expansion): Expansion[] => [...(before ?? []), e]
const contextOf = (e: Expansion): string =>
  `${e.when.join('|')}/${e.unless.map((u) => u.map((t) => t.folded).join(' ')).join('|')}`
const combineExpansions = (prior: Expansion, next: Expansion): Expansion => {
  const all = [...chainOf(prior), ...chainOf(next)]
  const plain = all.filter((e) => !e.when.length).at(-1)
  const bound: Expansion[] = []
  for (const e of all) {
    if (!e.when.length) continue
    const same = bound.findIndex((b) => contextOf(b) === contextOf(e))
    if (same >= 0) bound[same] = e
    else bound.push(e)
  }
  const last = plain ?? (bound.pop() as Expansion)
  return bound.length ? { ...last, before: bound } : last
}

export type LoadSynonymsOptions = {
  /** An admin's extra file (same JSON shape); its entries are added to, and override, the built-in ones. */
  extraFile?: string | null
}

/**
 * @returns the built-in dictionary merged with the admin's extra file
 * @throws AppError BAD_REQUEST when a file cannot be read or does not match the shape
 */
export const loadSynonyms = (options: LoadSynonymsOptions = {}): Synonyms =>
  compileSynonyms(readSynonymFiles(options))

/**
 * @returns the built-in file and the admin's extra file, parsed, in the order they apply
 *   (vocabulary taught in the console is compiled after them)
 * @throws AppError BAD_REQUEST when a file cannot be read or does not match the shape
 */
export const readSynonymFiles = ({ extraFile }: LoadSynonymsOptions = {}): SynonymsFile[] => {
  const files = [readSynonymsFile(defaultFile)]
  if (extraFile) files.push(readSynonymsFile(extraFile))
  return files
}
