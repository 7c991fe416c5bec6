import { describe, expect, it } from 'vitest'
import { escapeHtml } from '../../../knowledge/text/escape-html.ts'

describe('escapeHtml', () => {
  it.each([
    ['<b>&"\'</b>', '&lt;b&gt;&amp;&quot;&#39;&lt;/b&gt;'],
    ['Phường Ba Đình', 'Phường Ba Đình'],
    ['&amp;', '&amp;amp;'],
  ])('escapes %j', (input, escaped) => {
    expect(escapeHtml(input)).toBe(escaped)
  })
})
