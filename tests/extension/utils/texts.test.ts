import { describe, expect, it } from 'vitest'
import { texts } from '../../../extension/utils/texts.ts'

const allStrings = (): string[] => {
  const out: string[] = []
  const files = [{ name: '123_QĐ-UBND.pdf', leaderSigned: false }]
  for (const value of Object.values(texts)) {
    if (typeof value === 'string') out.push(value)
    else if (Array.isArray(value)) out.push(...value)
  }
  out.push(texts.unsignedTitle(files), ...texts.unsignedLines(files, '123/QĐ-UBND'))
  out.push(...texts.scannedLines('scan.pdf', [{ width: 800, height: 1100, colour: false, dpi: 96 }], false))
  out.push(
    ...texts.outcomeLines({
      ok: true,
      kind: 'routed',
      documentId: 'd',
      signatureStatus: 'signed_valid',
      recipients: [{ agencyCode: 'A', status: '01' }],
      notation: '1/QĐ-UBND',
    }),
  )
  out.push(...texts.outcomeLines({ ok: true, kind: 'drafted', fileName: 'a.pdf', draftId: 'd1' }))
  return out
}

describe('texts shown to officials', () => {
  it('are Vietnamese in NFC', () => {
    for (const text of allStrings()) expect(text).toBe(text.normalize('NFC'))
  })

  it('quote the file name and the document number in the unsigned-attachment nudge', () => {
    const lines = texts.unsignedLines([{ name: 'QD 123.pdf', leaderSigned: false }], '123/QĐ-UBND')
    expect(lines[0]).toBe('Bạn đang gửi “QD 123.pdf” (số, ký hiệu 123/QĐ-UBND); tệp chưa được ký số.')
  })

  it('says when only the organisation signature is missing', () => {
    const files = [{ name: 'a.pdf', leaderSigned: true }]
    expect(texts.unsignedTitle(files)).toBe('Tệp PDF chưa có chữ ký số của cơ quan')
    expect(texts.unsignedLines(files, null)[0]).toContain('đã có chữ ký của người có thẩm quyền')
  })

  it('states the legal minimum for scans and whether the file meets it', () => {
    const low = texts.scannedLines('scan.pdf', [{ width: 800, height: 1100, colour: false, dpi: 96 }], false)
    expect(low[0]).toContain('khoảng 96 dpi, ảnh đen trắng')
    expect(low.join(' ')).toContain('Nghị định 30/2020/NĐ-CP (Phụ lục I)')
    expect(low.join(' ')).toContain('tối thiểu 200 dpi')
    expect(low.at(-1)).toBe('Tệp này chưa đạt mức tối thiểu đó.')
    const ok = texts.scannedLines('scan.pdf', [{ width: 1700, height: 2300, colour: true, dpi: 200 }], true)
    expect(ok.at(-1)).not.toBe('Tệp này chưa đạt mức tối thiểu đó.')
  })
})
