import { describe, expect, it } from 'vitest'
import { detectFacet, detectFacets } from '../../../knowledge/answer/detect-facet.ts'
import { loadSynonyms } from '../../../knowledge/search/load-synonyms.ts'
import { readCases } from '../../helpers/read-cases.ts'

const synonyms = loadSynonyms()
const facet = (text: string) => detectFacet({ text, synonyms })

describe('detectFacet', () => {
  it.each(readCases('detect-facet'))('"%s" → %s', (text, expected) => {
    expect(facet(text)).toBe(expected)
  })

  it('lists several facets in the order they are asked', () => {
    expect(detectFacets({ text: 'lệ phí và thời gian giải quyết bao lâu', synonyms })).toEqual([
      'fees',
      'duration',
    ])
  })
})
