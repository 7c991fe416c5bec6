/**
 * What citizens ask, as a stream of requests for the HTTP benchmarks (`BENCH_QUESTIONS`):
 * - `ten` (default): the ten everyday questions of citizen-questions.ts, cycled, so every request
 *   after the first ten is answered from the server's caches;
 * - `eval`: every distinct question of the evaluation sets (tests/fixtures/eval/*.tsv), in a fixed
 *   shuffled order, cycled: with thousands of distinct questions and a cache of `KB_CACHE_ENTRIES`
 *   (default 1,000), almost every request is a question the server has not kept;
 * - `zipf`: the same questions drawn by popularity (the k-th most asked k times less often than the
 *   first, Zipf's law with exponent 1), seeded: a few everyday questions make most of the traffic and a
 *   long tail is asked once, as a public-service desk sees it.
 * `cacheHits` replays a stream through a least-recently-used cache of the server's size, to tell
 * how many of the measured requests a server could have answered from memory.
 * @module
 */
import { readdirSync, readFileSync } from 'node:fs'
import { fileURLToPath } from 'node:url'
import { CITIZEN_QUESTIONS } from './citizen-questions.ts'

export type QuestionStreamKind = 'ten' | 'eval' | 'zipf'

export type QuestionStream = {
  kind: QuestionStreamKind
  /** How many distinct questions the stream draws from. */
  distinct: number
  /** The question of the i-th request. */
  at: (i: number) => string
  /** Which distinct question the i-th request asks (0 … distinct − 1). */
  index: (i: number) => number
}

const EVAL_DIR = fileURLToPath(new URL('../tests/fixtures/eval/', import.meta.url))

/** Every distinct question of the evaluation sets (their fourth column), in file and line order. */
export const readEvaluationQuestions = (dir = EVAL_DIR): string[] => {
  const seen = new Set<string>()
  for (const file of readdirSync(dir)
    .filter((f) => f.endsWith('.tsv'))
    .sort())
    for (const line of readFileSync(`${dir}${file}`, 'utf8').split('\n')) {
      if (!line.trim() || line.startsWith('#')) continue
      const question = line.split('\t')[3]?.trim()
      if (question) seen.add(question)
    }
  return [...seen]
}

/** A small seeded generator (mulberry32): the same stream on every run. */
const seeded = (seed: number) => {
  let a = seed >>> 0
  return () => {
    a = (a + 0x6d2b79f5) >>> 0
    let t = a
    t = Math.imul(t ^ (t >>> 15), t | 1)
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61)
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296
  }
}

/** Requests drawn ahead for the Zipf stream (a benchmark run sends far fewer; beyond, it cycles). */
const DRAWN = 1 << 20

/** The questions asked in turn, again and again. */
const cycled = (kind: QuestionStreamKind, questions: readonly string[]): QuestionStream => ({
  kind,
  distinct: questions.length,
  at: (i) => questions[i % questions.length] as string,
  index: (i) => i % questions.length,
})

export const createQuestionStream = (kind: QuestionStreamKind, seed = 20261206): QuestionStream => {
  if (kind === 'ten') return cycled(kind, CITIZEN_QUESTIONS)
  const random = seeded(seed)
  const questions = readEvaluationQuestions()
  // Fisher–Yates: the popularity order is not the files' order.
  for (let k = questions.length - 1; k > 0; k--) {
    const j = Math.floor(random() * (k + 1))
    ;[questions[k], questions[j]] = [questions[j] as string, questions[k] as string]
  }
  if (kind === 'eval') return cycled(kind, questions)
  // Zipf with exponent 1: rank k drawn with probability proportional to 1 / (k + 1).
  const cumulative = new Float64Array(questions.length)
  let total = 0
  for (let k = 0; k < questions.length; k++) {
    total += 1 / (k + 1)
    cumulative[k] = total
  }
  const drawn = new Uint32Array(DRAWN)
  for (let i = 0; i < DRAWN; i++) {
    const target = random() * total
    let lo = 0
    let hi = questions.length - 1
    while (lo < hi) {
      const mid = (lo + hi) >> 1
      if ((cumulative[mid] as number) < target) lo = mid + 1
      else hi = mid
    }
    drawn[i] = lo
  }
  const index = (i: number) => drawn[i % DRAWN] as number
  return { kind, distinct: questions.length, at: (i) => questions[index(i)] as string, index }
}

/**
 * @param indices the distinct questions asked, in order
 * @param capacity entries a least-recently-used cache keeps
 * @param from requests before this one only fill the cache (a warm-up), they are not counted
 * @returns the share of the counted requests the cache already held
 * @example cacheHits([0, 1, 0, 2, 1], 2) // 0.2: only the second 0 is still held
 */
export const cacheHits = (indices: ArrayLike<number>, capacity: number, from = 0): number => {
  if (capacity <= 0 || indices.length <= from) return 0
  const cache = new Map<number, true>()
  let hits = 0
  for (let i = 0; i < indices.length; i++) {
    const q = indices[i] as number
    const held = cache.delete(q)
    if (held && i >= from) hits++
    cache.set(q, true)
    if (cache.size > capacity) cache.delete(cache.keys().next().value as number)
  }
  return hits / (indices.length - from)
}
