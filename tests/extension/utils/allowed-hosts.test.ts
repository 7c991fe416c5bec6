import { describe, expect, it } from 'vitest'
import {
  mergeHostEntries,
  patternMatchesUrl,
  toMatchPattern,
} from '../../../extension/utils/allowed-hosts.ts'

describe('toMatchPattern', () => {
  it.each([
    ['mail.hanoi.gov.vn', '*://mail.hanoi.gov.vn/*'],
    ['  Mail.HaNoi.gov.vn  ', '*://mail.hanoi.gov.vn/*'],
    ['https://qlvb.hanoi.gov.vn/', 'https://qlvb.hanoi.gov.vn/*'],
    ['https://qlvb.hanoi.gov.vn/path/x?y', 'https://qlvb.hanoi.gov.vn/*'],
    ['http://127.0.0.1:8080', 'http://127.0.0.1/*'],
    ['*.hanoi.gov.vn', '*://*.hanoi.gov.vn/*'],
    ['localhost', '*://localhost/*'],
  ])('turns %j into %j', (input, pattern) => {
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
  it.each([
    ['*://mail.hanoi.gov.vn/*', 'https://mail.hanoi.gov.vn/?_task=mail', true],
    ['*://mail.hanoi.gov.vn/*', 'http://mail.hanoi.gov.vn:8080/x', true],
    ['https://mail.hanoi.gov.vn/*', 'http://mail.hanoi.gov.vn/', false],
    ['*://*.hanoi.gov.vn/*', 'https://qlvb.hanoi.gov.vn/', true],
    ['*://*.hanoi.gov.vn/*', 'https://hanoi.gov.vn/', true],
    ['*://*.hanoi.gov.vn/*', 'https://evilhanoi.gov.vn/', false],
    ['*://mail.hanoi.gov.vn/*', 'https://mail.hanoi.gov.vn.evil.com/', false],
    ['*://127.0.0.1/*', 'http://localhost:3000/', false],
    ['*://mail.hanoi.gov.vn/*', 'file:///mail.hanoi.gov.vn/', false],
  ])('%s on %s → %s', (pattern, url, expected) => {
    expect(patternMatchesUrl(pattern, url)).toBe(expected)
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
