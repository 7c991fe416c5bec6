import { describe, expect, it } from 'vitest'
import { mapPortalRecord, ZPortalRecord } from '../../../knowledge/procedures/map-portal-record.ts'
import { isOfficialUrl } from '../../../knowledge/procedures/official-url.ts'
import { ZProcedure } from '../../../knowledge/procedures/procedure.types.ts'
import { readProceduresText } from '../../helpers/paths.ts'

const CASES: [string, boolean][] = [
  ['https://dichvucong.gov.vn/thu-tuc-hanh-chinh/019d2bfd', true],
  ['https://example.com/thu-tuc', true],
  ['http://dichvucong.gov.vn/p/1', true],
  ['http://hanam.gov.vn/p/1', true],
  ['HTTP://DVC.HANAM.GOV.VN/p', true],
  ['http://gov.vn/', true],
  ['http://example.com/p', false],
  ['http://gov.vn.example.com/p', false],
  ['http://evilgov.vn/p', false],
  ['javascript:alert(document.cookie)', false],
  ['JavaScript:alert(1)', false],
  [' javascript:alert(1)', false],
  ['data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==', false],
  ['vbscript:msgbox(1)', false],
  ['file:///etc/passwd', false],
  ['ftp://dichvucong.gov.vn/p', false],
  ['https://user:pass@dichvucong.gov.vn/', false],
  ['//dichvucong.gov.vn/p', false],
  ['không có', false],
]

it.each(CASES)('isOfficialUrl(%j) is %s', (url, ok) => {
  expect(isOfficialUrl(url)).toBe(ok)
})

describe('official URLs on import', () => {
  const line = readProceduresText().split('\n')[0]!
  const record = ZPortalRecord.parse(JSON.parse(line))

  it.each(CASES)('detail_url %j: kept only when allowed, otherwise dropped with a warning', (url, ok) => {
    const { value, warnings } = mapPortalRecord({
      record: { ...record, detail_url: url },
      asOf: '2026-07-15',
    })
    // the record itself is always kept and valid; only the link goes
    expect(ZProcedure.safeParse(value).success).toBe(true)
    if (ok) {
      expect(value.url).toBe(url)
      expect(warnings.map((w) => w.code)).not.toContain('URL_NOT_ALLOWED')
    } else {
      expect(value.url).toBeNull()
      expect(warnings.map((w) => w.code).some((c) => c === 'URL_NOT_ALLOWED' || c === 'URL_INVALID')).toBe(
        true,
      )
    }
  })

  it('names the refused scheme with URL_NOT_ALLOWED', () => {
    const { warnings } = mapPortalRecord({
      record: { ...record, detail_url: 'javascript:alert(1)' },
      asOf: '2026-07-15',
    })
    expect(warnings).toContainEqual({ code: 'URL_NOT_ALLOWED', message: expect.stringContaining('https://') })
  })
})
