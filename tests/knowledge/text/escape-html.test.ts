import { describe, expect, it } from 'vitest'
import { escapeHtml } from '../../../knowledge/text/escape-html.ts'
import { readCaseGroup } from '../../helpers/read-cases.ts'

describe('escapeHtml', () => {
  it.each(readCaseGroup('escape-text', 'html'))('escapes %j', (input, escaped) => {
    expect(escapeHtml(input)).toBe(escaped)
  })
})
