import { describe, expect, it } from 'vitest'
import {
  mergeHostEntries,
  patternMatchesUrl,
  toMatchPattern,
} from '../../../extension/utils/allowed-hosts.ts'
import { readCaseGroup } from '../../helpers/read-cases.ts'

describe('toMatchPattern', () => {
  it.each(readCaseGroup('extension-urls', 'match-pattern'))('turns %j into %j', (input, pattern) => {
    expect(toMatchPattern(input)).toBe(pattern)
  })

  it.each(['', '*', '<all_urls>', '*.vn', 'ftp://x.gov.vn', 'mail hanoi', 'https://', '*.'])(
    'refuses %j with a Vietnamese explanation',
    (input) => {
      expect(() => toMatchPattern(input)).toThrow(/máy chủ|quá rộng|tất cả/)
    },
  )
})

describe('patternMatchesUrl', () => {
  it.each(readCaseGroup('extension-urls', 'matches'))('%s on %s → %s', (pattern, url, expected) => {
    expect(patternMatchesUrl(pattern, url)).toBe(expected === 'true')
  })
})

describe('mergeHostEntries', () => {
  it('puts policy hosts first, drops duplicates and skips invalid entries', () => {
    expect(
      mergeHostEntries(['mail.hanoi.gov.vn', 'bad host'], ['MAIL.hanoi.gov.vn', 'https://qlvb.hanoi.gov.vn']),
    ).toEqual([
      { pattern: '*://mail.hanoi.gov.vn/*', source: 'policy' },
      { pattern: 'https://qlvb.hanoi.gov.vn/*', source: 'official' },
    ])
  })
})
