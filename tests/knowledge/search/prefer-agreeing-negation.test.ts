import { describe, expect, it } from 'vitest'
import { analyzeText } from '../../../knowledge/search/normalize-vietnamese.ts'
import { preferAgreeingNegation, readPairs } from '../../../knowledge/search/prefer-agreeing-negation.ts'
import { exportResult } from '../../helpers/export-names.ts'
import { usePortalKnowledgeBase } from '../../helpers/portal-knowledge-base.ts'

// "… mà người dịch là cộng tác viên dịch thuật …" and "… không phải là cộng tác viên dịch thuật …"
const collaborator = exportResult('2.000992', 2.096)
const notCollaborator = exportResult('2.001008', 2.074)
const diplomat = exportResult('2.000988', 1.062)

const order = (text: string, results = [collaborator, notCollaborator, diplomat]) =>
  preferAgreeingNegation({ results, tokens: analyzeText(text) }).map((r) => r.code)

describe('readPairs', () => {
  it('sets the pair after "không phải (là)" apart from the plain pairs', () => {
    const pairs = readPairs(analyzeText('tôi không phải là cộng tác viên của xã'))
    expect([...pairs.negated]).toEqual(['cong_tac'])
    expect(pairs.plain.has('cong_tac')).toBe(false)
    expect(pairs.plain.has('tac_vien')).toBe(true)
  })

  it('reads "ko phải" and unmarked "khong phai", not "không" alone nor other marks', () => {
    expect([...readPairs(analyzeText('ko phải cộng tác viên')).negated]).toEqual(['cong_tac'])
    expect([...readPairs(analyzeText('khong phai cong tac vien')).negated]).toEqual(['cong_tac'])
    expect(readPairs(analyzeText('không có cộng tác viên')).negated.size).toBe(0)
    // "phai" typed as "phái" (a faction) is no "phải"
    expect(readPairs(analyzeText('không phái cộng tác viên')).negated.size).toBe(0)
  })
})

describe('preferAgreeingNegation', () => {
  it('puts the name that negates what the message negates first', () => {
    expect(
      order('tôi không phải cộng tác viên dịch thuật của xã, chứng thực chữ ký người dịch ở đâu'),
    ).toEqual(['2.001008', '2.000992', '2.000988'])
  })

  it('moves a name that negates what the message holds plainly below the next one', () => {
    const out = order('người dịch là cộng tác viên dịch thuật, chứng thực chữ ký ở đâu', [
      notCollaborator,
      collaborator,
      diplomat,
    ])
    expect(out).toEqual(['2.000992', '2.001008', '2.000988'])
  })

  it('leaves the order when the message says nothing of the negated words or agrees with the first', () => {
    const results = [collaborator, notCollaborator, diplomat]
    expect(preferAgreeingNegation({ results, tokens: analyzeText('chứng thực chữ ký người dịch') })).toBe(
      results,
    )
    expect(
      preferAgreeingNegation({
        results,
        tokens: analyzeText('người dịch là cộng tác viên dịch thuật của xã'),
      }),
    ).toBe(results)
  })
})

describe('negations on the portal export', () => {
  const portal = usePortalKnowledgeBase()

  it('finds the translator who is not a collaborator first when the citizen says so', () => {
    const q =
      'tôi tự dịch hợp đồng tiếng Anh, không phải cộng tác viên dịch thuật của xã, chứng thực chữ ký người dịch ở đâu'
    expect(portal.kb.search(q, { limit: 3 })[0]?.code).toBe('2.001008')
  })

  it('does not put the treaty that is "not a double-taxation agreement" first for one that is', () => {
    const q = 'nguoi nuoc ngoai xin mien thue theo hiep dinh tranh danh thue hai lan'
    expect(portal.kb.search(q, { limit: 3 })[0]?.code).not.toBe('1.008585')
  })
})
