import { describe, expect, it } from 'vitest'
import { STATUS_LABELS as SERVER_LABELS } from '../../api/documents/document-header.ts'
import { STATUS_LABELS, statusLabel } from '../../contracts/document-codes.ts'
import { statusLabels as extensionLabels } from '../../extension/components/dom.ts'

describe('QCVN 102 status labels: one table for the server and the extension', () => {
  it('shows the same label for every code on both sides', () => {
    expect(extensionLabels).toEqual(SERVER_LABELS)
    expect(extensionLabels).toBe(STATUS_LABELS)
  })

  it('labels 04 as QCVN 102:2016 does (Phân công), the recall codes as the sender taking it back', () => {
    expect(statusLabel('04')).toBe('Phân công')
    expect(extensionLabels['04']).toBe('Phân công')
    expect(statusLabel('13')).toBe('Bên gửi lấy lại')
    expect(statusLabel('99')).toBe('99')
  })
})
