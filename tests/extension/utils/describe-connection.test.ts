import { describe, expect, it } from 'vitest'
import { connectedAs, hostOfPattern, isInsecureApiUrl } from '../../../extension/utils/describe-connection.ts'
import { readCaseGroup } from '../../helpers/read-cases.ts'

describe('connection words on the options page', () => {
  it('names the official, the agency and the role in plain Vietnamese', () => {
    expect(
      connectedAs({ official: { name: 'Nguyễn Văn A', role: 'clerk' }, agency: { name: 'Sở Tư pháp' } }),
    ).toBe('Đã kết nối: Nguyễn Văn A — Sở Tư pháp (văn thư)')
    expect(
      connectedAs({ official: { name: 'Trần B', role: 'approver' }, agency: { name: 'UBND tỉnh' } }),
    ).toBe('Đã kết nối: Trần B — UBND tỉnh (lãnh đạo)')
  })

  it.each(readCaseGroup('extension-urls', 'insecure'))('%s → insecure %s', (url, insecure) => {
    expect(isInsecureApiUrl(url)).toBe(insecure === 'true')
  })

  it('shows hosts as host names', () => {
    expect(hostOfPattern('*://mail.example.gov.vn/*')).toBe('mail.example.gov.vn')
    expect(hostOfPattern('https://*.example.gov.vn/*')).toBe('*.example.gov.vn')
  })
})
