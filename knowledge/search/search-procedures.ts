/**
 * Ranked procedure search: a typed code wins outright; otherwise the expanded query runs
 * against the folded name, the accented name (for users who typed diacritics) and word
 * pairs, then a rerank prefers names that cover the query, citizen-level variants (Cấp xã,
 * Cấp tỉnh before central-level copies, kept as distinct results) and exact accents.
 * @module
 */
import type { Query } from 'minisearch'
import { countPhrase, MODIFIERS, type SearchIndex } from './build-search-index.ts'
import { type ExpandedQuery, expandQuery, type QueryTerm } from './expand-query.ts'
import type { Synonyms } from './load-synonyms.ts'
import type { SearchResult } from './search.types.ts'

export type SearchProceduresOptions = {
  index: SearchIndex
  synonyms: Synonyms
  /** Free text, or a query already expanded by `expandQuery`. */
  query: string | ExpandedQuery
  limit?: number
}

const CANDIDATES = 60

const weightOf = (terms: QueryTerm[]): Map<string, number> => new Map(terms.map((t) => [t.folded, t.weight]))

/** 1-based occurrence number of `all[i]` among equal entries up to i. */
const countOf = (all: number[], m: number, i: number): number =>
  all.slice(0, i + 1).filter((x) => x === m).length

const hasPair = (tokens: string[], pair: string): boolean => {
  const cut = pair.indexOf('_')
  const a = pair.slice(0, cut)
  const b = pair.slice(cut + 1)
  for (let i = 0; i + 1 < tokens.length; i++) if (tokens[i] === a && tokens[i + 1] === b) return true
  return false
}

/**
 * @returns up to `limit` results (default 10), best first; codes typed in the query come first
 */
export const searchProcedures = ({
  index,
  synonyms,
  query,
  limit = 10,
}: SearchProceduresOptions): SearchResult[] => {
  const q = typeof query === 'string' ? expandQuery(query, synonyms) : query
  const results: SearchResult[] = []
  const seen = new Set<string>()
  for (const code of q.codes) {
    const f = index.facts.get(code)
    if (!f || seen.has(code)) continue
    seen.add(code)
    results.push({
      code,
      name: f.name,
      levels: f.levels,
      field: f.field,
      score: 1000,
      coverage: 1,
      group: f.baseName,
      levelRank: f.levelRank,
    })
  }
  const terms = q.terms
  if (!terms.length) return results.slice(0, limit)

  const weights = weightOf(terms)
  const folded = terms.map((t) => t.folded)
  const typedAccented = terms.filter((t) => t.accented && !t.fromSynonym).map((t) => t.text)
  const accentedTerms = terms.filter((t) => t.accented).map((t) => t.text)
  const boostTerm = (term: string) => weights.get(term) ?? 1
  const queries: Query[] = [
    {
      queries: [folded.join(' ')],
      fields: ['nameFolded', 'fieldFolded', 'aliases'],
      boost: { nameFolded: 1, fieldFolded: 0.2, aliases: 1 },
      fuzzy: (term: string) => (term.length >= 5 && !/\d/.test(term) ? 1 : false),
      prefix: (term: string, i: number, all: string[]) => i === all.length - 1 && term.length >= 3,
      boostTerm,
    },
    ...(accentedTerms.length
      ? [{ queries: [accentedTerms.join(' ')], fields: ['nameText'], boost: { nameText: 0.3 } }]
      : []),
    ...(q.bigrams.length
      ? [{ queries: [q.bigrams.join(' ')], fields: ['nameBigrams'], boost: { nameBigrams: 1.2 } }]
      : []),
  ]
  const hits = index.mini.search({ combineWith: 'OR', queries }).slice(0, CANDIDATES)
  if (!hits.length) return results.slice(0, limit)

  const wholeQuery = ` ${folded.join(' ')} `
  // "lại" and "lái" fold alike: words typed with marks are compared with marks, the rest folded.
  const markedQuery = q.terms.map((t) => (t.accented ? t.text : t.folded)).join(' ')
  const askedModifiers = MODIFIERS.map(
    (m) =>
      countPhrase(markedQuery, m.accented) +
      (m.folded === m.accented ? 0 : countPhrase(markedQuery, m.folded)),
  )
  const bundleAsked = wholeQuery.includes(' lien thong ') || wholeQuery.includes(' ket hop ')
  const totalWeight = terms.reduce((s, t) => s + t.weight, 0)
  const top = hits[0]?.score ?? 1
  const ranked: SearchResult[] = []
  for (const hit of hits) {
    const f = index.facts.get(String(hit.id))
    if (!f || seen.has(f.code)) continue
    let covered = 0
    let matched = 0
    for (const t of terms) {
      if (f.baseTokens.includes(t.folded)) {
        covered += t.weight
        matched++
      }
    }
    const coverage = covered / totalWeight
    const pairShare = q.bigrams.length
      ? q.bigrams.filter((p) => hasPair(f.folded, p)).length / q.bigrams.length
      : 0
    const accentShare = typedAccented.length
      ? typedAccented.filter((t) => f.accented.includes(t)).length / typedAccented.length
      : 0
    const extra = Math.max(0, f.mainLength - matched)
    const precision = f.mainLength ? Math.min(1, matched / f.mainLength) : 0
    // A modifier counts as asked only as often as the query says it.
    const unasked = new Set(f.modifiers.filter((m, i, all) => (askedModifiers[m] ?? 0) < countOf(all, m, i)))
      .size
    const score =
      (0.6 * hit.score) / top +
      coverage +
      0.4 * pairShare +
      0.15 * accentShare +
      0.2 * precision -
      Math.min(0.12, 0.06 * unasked) -
      0.04 * f.levelRank +
      (f.citizen ? 0.1 : 0) -
      (f.bundle && !bundleAsked ? 0.1 : 0) -
      Math.min(0.25, 0.008 * extra)
    ranked.push({
      code: f.code,
      name: f.name,
      levels: f.levels,
      field: f.field,
      score: Math.round(score * 1000) / 1000,
      coverage: Math.round(coverage * 1000) / 1000,
      group: f.baseName,
      levelRank: f.levelRank,
    })
  }
  ranked.sort((a, b) => b.score - a.score || a.levelRank - b.levelRank || a.code.localeCompare(b.code))
  return [...results, ...ranked].slice(0, limit)
}
