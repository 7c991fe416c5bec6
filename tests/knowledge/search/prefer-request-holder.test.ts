import { describe, expect, it } from 'vitest'
import type { QueryTerm } from '../../../knowledge/search/expand-query.ts'
import { preferRequestHolder } from '../../../knowledge/search/prefer-request-holder.ts'
import type { SearchResult } from '../../../knowledge/search/search.types.ts'
import { describeOnPortal } from '../../helpers/portal-knowledge-base.ts'

const term = (folded: string, story = false): QueryTerm => ({
  text: folded,
  folded,
  accented: false,
  weight: 1,
  fromSynonym: false,
  ...(story ? { story: true as const } : {}),
})
const result = (code: string, group: string, uncovered: string[], precision = 0.8): SearchResult => ({
  code,
  name: group,
  levels: [],
  field: '',
  score: 1,
  coverage: 0.5,
  idfCoverage: 0.5,
  precision,
  uncovered,
  forPeople: true,
  group,
  levelRank: 0,
})
// "… chồng tôi và tôi đã đăng ký kết hôn, giờ làm giấy khai sinh cho cháu …"
const terms = [term('ket', true), term('hon', true), term('dang'), term('ky'), term('khai'), term('sinh')]
const marriage = result('1', 'dang ky ket hon', ['khai', 'sinh'])
const birth = result('2', 'dang ky khai sinh', ['ket', 'hon'])
const codes = (list: SearchResult[]) => list.map((r) => r.code)

describe('the request decides between the first results', () => {
  it('puts first the result holding the request topic when the leader holds only the story', () => {
    const out = preferRequestHolder({
      results: [marriage, birth],
      terms,
      topicPairs: ['khai_sinh'],
      namedPairs: ['khai_sinh'],
    })
    expect(codes(out)).toEqual(['2', '1'])
  })

  it('keeps the order without a story, a request topic, or when the leader answers the request too', () => {
    const plain = terms.map((t) => term(t.folded))
    expect(
      codes(
        preferRequestHolder({
          results: [marriage, birth],
          terms: plain,
          topicPairs: ['khai_sinh'],
          namedPairs: ['khai_sinh'],
        }),
      ),
    ).toEqual(['1', '2'])
    expect(
      codes(preferRequestHolder({ results: [marriage, birth], terms, topicPairs: [], namedPairs: [] })),
    ).toEqual(['1', '2'])
    expect(
      codes(
        preferRequestHolder({
          results: [marriage, birth],
          terms,
          topicPairs: ['khai_sinh'],
          namedPairs: ['khai_sinh', 'ket_hon'],
        }),
      ),
    ).toEqual(['1', '2'])
  })

  it('does not lift a long name that holds the topic among many other things', () => {
    const long = result('3', 'dang ky bien dong khai sinh', ['ket', 'hon'], 0.2)
    expect(
      codes(
        preferRequestHolder({
          results: [marriage, long],
          terms,
          topicPairs: ['khai_sinh'],
          namedPairs: ['khai_sinh'],
        }),
      ),
    ).toEqual(['1', '3'])
  })
})

describeOnPortal('a story naming another procedure before the request', (portal) => {
  it('finds the procedure the request asks for first', () => {
    const first = (q: string) => portal.kb.search(q, { limit: 3 })[0]?.code
    // Birth registration, not the marriage the story says is done.
    expect(
      first(
        'Con gái tôi sinh ở nhà theo phong tục, không có giấy chứng sinh của bệnh viện, chồng tôi và tôi đã đăng ký kết hôn, giờ làm giấy khai sinh cho cháu thế nầo?',
      ),
    ).toBe('1.001193')
  })
})
