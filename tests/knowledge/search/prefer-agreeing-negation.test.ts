import { describe, expect, it } from 'vitest'
import { foldVietnamese } from '../../../knowledge/search/normalize-vietnamese.ts'
import {
  disagreesWithMessage,
  preferAgreeingNegation,
} from '../../../knowledge/search/prefer-agreeing-negation.ts'
import type { SearchResult } from '../../../knowledge/search/search.types.ts'
import { describeOnPortal } from '../../helpers/portal-knowledge-base.ts'

const words = (text: string) => foldVietnamese(text).split(' ')
const NOT_MEMBER =
  'Chứng thực chữ ký người dịch mà người dịch không phải là cộng tác viên dịch thuật của Ủy ban nhân dân cấp xã'
const MEMBER =
  'Chứng thực chữ ký người dịch mà người dịch là cộng tác viên dịch thuật của Ủy ban nhân dân cấp xã'
const OTHER_TREATY =
  'Miễn thuế, giảm thuế theo Điều ước quốc tế không phải là Hiệp định tránh đánh thuế hai lần'

const result = (code: string, name: string, score: number) =>
  ({
    code,
    name,
    score,
    coverage: 1,
    idfCoverage: 1,
    precision: 1,
    uncovered: [],
    group: '',
  }) as unknown as SearchResult

describe('disagreesWithMessage', () => {
  it('reads a name that denies what the message names as disagreeing', () => {
    expect(
      disagreesWithMessage(OTHER_TREATY, words('xin miễn thuế theo hiệp định tránh đánh thuế hai lần')),
    ).toBe(true)
    expect(disagreesWithMessage(OTHER_TREATY, words('miễn thuế theo điều ước quốc tế'))).toBe(false)
  })

  it('reads a name that names what the message denies as disagreeing, and one that denies it too as agreeing', () => {
    const message = words('tôi không phải cộng tác viên dịch thuật, chứng thực chữ ký người dịch')
    expect(disagreesWithMessage(MEMBER, message)).toBe(true)
    expect(disagreesWithMessage(NOT_MEMBER, message)).toBe(false)
  })

  it('does not read a question whether something is needed as naming it', () => {
    const name =
      'Đăng ký biến động chuyển mục đích sử dụng đất không phải xin phép cơ quan nhà nước có thẩm quyền'
    expect(
      disagreesWithMessage(
        name,
        words('chuyển mục đích sử dụng đất có phải xin phép cơ quan nhà nước không'),
      ),
    ).toBe(false)
  })
})

describe('preferAgreeingNegation', () => {
  it('moves a disagreeing first result below those that agree', () => {
    const results = [
      result('a', MEMBER, 2.1),
      result('b', NOT_MEMBER, 2.0),
      result('c', 'Chứng thực chữ ký', 1.0),
    ]
    const ordered = preferAgreeingNegation({ results, message: words('người dịch không phải cộng tác viên') })
    expect(ordered.map((r) => r.code)).toEqual(['b', 'c', 'a'])
    expect(ordered[2]?.score).toBeLessThan(ordered[1]?.score ?? 0)
  })

  it('leaves the results alone when the message denies nothing a name names', () => {
    const results = [result('a', MEMBER, 2.1), result('b', NOT_MEMBER, 2.0)]
    expect(preferAgreeingNegation({ results, message: words('chứng thực chữ ký người dịch') })).toBe(results)
  })
})

describeOnPortal('names that deny, on the portal export', (portal) => {
  it('finds the translator who is not a collaborator first for a message that says so', () => {
    const [first] = portal.kb.search(
      'mình không phải cộng tác viên dịch thuật, muốn chứng thực chữ ký người dịch',
      {
        limit: 1,
      },
    )
    expect(first?.code).toBe('2.001008')
  })

  it('does not answer a double-taxation treaty with the treaties that are not one', async () => {
    const answer = await portal.kb.answer(
      'xin miễn thuế theo hiệp định tránh đánh thuế hai lần cho người nước ngoài',
      {},
    )
    expect(answer.kind === 'answer' && answer.procedure?.code === '1.008585').toBe(false)
  })
})
