import { describe, expect, it } from 'vitest'
import { createAbsentTopics } from '../../../knowledge/answer/absent-topics.ts'
import { classifyMessage, isOutsideRecords } from '../../../knowledge/answer/classify-message.ts'
import { findAdminEvidence } from '../../../knowledge/answer/find-admin-evidence.ts'
import { createAdminEvidenceReader } from '../../../knowledge/answer/read-admin-evidence.ts'
import { expandQuery } from '../../../knowledge/search/expand-query.ts'
import { loadSynonyms } from '../../../knowledge/search/load-synonyms.ts'

const synonyms = loadSynonyms()
const topics = createAbsentTopics({ topics: { banks: ['thẻ tín dụng'] } })
/** Word shares that count how often the names are asked about. */
const counted = (pairs: string[]) => {
  const asked = { times: 0 }
  const share = (word: string) => {
    asked.times++
    return pairs.includes(word) ? 0.001 : 0
  }
  return { asked, share }
}

const MESSAGES: [string, string[]][] = [
  ['nuôi chim yến trong nhà', ['chim_yen']],
  ['nuôi chim yến trong nhà', []],
  ['học tiếng Nhật ở đâu tốt', []],
  ['mở thẻ tín dụng', []],
  ['mất cà vẹt xe máy', []],
  ['cách nhuộm tóc tại nhà', []],
]

describe('createAdminEvidenceReader', () => {
  it('finds what findAdminEvidence finds, reading the names once however often it is asked', () => {
    for (const [text, pairs] of MESSAGES) {
      const query = expandQuery(text, synonyms)
      const once = counted(pairs)
      const expected = findAdminEvidence({ query, synonyms, wordShare: once.share, topics })
      const reader = counted(pairs)
      const evidence = createAdminEvidenceReader({ query, synonyms, wordShare: reader.share, topics })
      expect([evidence(), evidence()], text).toEqual([expected, expected])
      expect(reader.asked.times, text).toBe(once.asked.times)
    }
  })

  it('lets classification and the records check share one search of the message', () => {
    for (const [text, pairs] of MESSAGES) {
      const query = expandQuery(text, synonyms)
      const alone = counted(pairs)
      const kind = classifyMessage({ query, synonyms, text, wordShare: alone.share, topics })
      const outside = isOutsideRecords({ query, synonyms, wordShare: alone.share, topics })
      const shared = counted(pairs)
      const evidence = createAdminEvidenceReader({ query, synonyms, wordShare: shared.share, topics })
      expect(
        classifyMessage({ query, synonyms, text, wordShare: shared.share, topics, evidence }),
        text,
      ).toBe(kind)
      expect(isOutsideRecords({ query, synonyms, wordShare: shared.share, topics, evidence }), text).toBe(
        outside,
      )
      // Both checks together read the names no more often than classification alone did.
      const once = counted(pairs)
      classifyMessage({ query, synonyms, text, wordShare: once.share, topics })
      expect(shared.asked.times, text).toBeLessThanOrEqual(once.asked.times)
      if (alone.asked.times > once.asked.times)
        expect(shared.asked.times, text).toBeLessThan(alone.asked.times)
    }
  })
})
