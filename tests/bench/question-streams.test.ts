import { describe, expect, it } from 'vitest'
import { CITIZEN_QUESTIONS } from '../../bench/citizen-questions.ts'
import { cacheHits, createQuestionStream, readEvaluationQuestions } from '../../bench/question-streams.ts'

describe('question streams for the HTTP benchmarks', () => {
  it('replays a stream through a least-recently-used cache, counting only after the warm-up', () => {
    expect(cacheHits([0, 1, 0, 2, 1], 2)).toBeCloseTo(1 / 5)
    // 0 1 2 evicts 0 from a two-entry cache; the second 1 and 2 are held
    expect(cacheHits([0, 1, 2, 0, 1, 2], 3, 3)).toBe(1)
    expect(cacheHits([0, 1, 2, 0, 1, 2], 2, 3)).toBe(0)
    expect(cacheHits([0, 0, 0], 0)).toBe(0)
  })

  it('cycles the ten everyday questions by default', () => {
    const ten = createQuestionStream('ten')
    expect(ten.distinct).toBe(CITIZEN_QUESTIONS.length)
    expect(ten.at(10)).toBe(ten.at(0))
  })

  it('asks every distinct evaluation question once per cycle, the same order on every run', () => {
    const questions = readEvaluationQuestions()
    expect(questions.length).toBeGreaterThan(1000)
    expect(new Set(questions).size).toBe(questions.length)
    const a = createQuestionStream('eval')
    const b = createQuestionStream('eval')
    const cycle = Array.from({ length: a.distinct }, (_, i) => a.at(i))
    expect(new Set(cycle).size).toBe(questions.length)
    expect(cycle.slice(0, 50)).toEqual(Array.from({ length: 50 }, (_, i) => b.at(i)))
    // cycled through a cache far smaller than the questions, nothing is ever held again
    const asked = Array.from({ length: 3 * a.distinct }, (_, i) => a.index(i))
    expect(cacheHits(asked, 1000, a.distinct)).toBe(0)
  })

  it('draws popular questions far more often than the tail (Zipf), seeded', () => {
    const zipf = createQuestionStream('zipf')
    const counts = new Map<number, number>()
    for (let i = 0; i < 100_000; i++) counts.set(zipf.index(i), (counts.get(zipf.index(i)) ?? 0) + 1)
    const first = counts.get(0) ?? 0
    // rank 0 is asked about 1 / H(n) of the time, rank 99 a hundred times less
    expect(first).toBeGreaterThan(100_000 / (Math.log(zipf.distinct) + 1) / 1.2)
    expect(first / (counts.get(99) ?? 1)).toBeGreaterThan(50)
    expect(createQuestionStream('zipf').at(12345)).toBe(zipf.at(12345))
    // a 1,000-entry cache holds a good share of such traffic, but not all of it
    const asked = Array.from({ length: 50_000 }, (_, i) => zipf.index(i))
    const held = cacheHits(asked, 1000, 500)
    expect(held).toBeGreaterThan(0.4)
    expect(held).toBeLessThan(0.95)
  })
})
