import { describe, expect, it } from 'vitest'
import {
  documentTypeName,
  documentTypeOf,
  joinNotation,
  parseEdxmlDate,
  splitNotation,
  toEdxmlDate,
  toEdxmlTimestamp,
} from '../../../api/documents/edxml-format.ts'
import { readCaseGroup } from '../../helpers/read-cases.ts'

describe('edXML values as the national axis writes them', () => {
  it('writes dates as yyyy/MM/dd and timestamps as yyyy/MM/dd HH:mm:ss in Vietnam time', () => {
    expect(toEdxmlDate('2026-03-05')).toBe('2026/03/05')
    // 17:30 UTC is 00:30 the next day in Vietnam
    expect(toEdxmlTimestamp('2026-12-31T17:30:05.123Z')).toBe('2027/01/01 00:30:05')
  })

  it.each(readCaseGroup('read-dates', 'edxml'))('reads %s', (raw, date, instant) => {
    expect(parseEdxmlDate(raw)).toEqual({ date, instant })
  })

  it.each(['', 'hôm qua', '2026/02/30', '2026/13/01', '31/02/2026'])('refuses %j', (raw) => {
    expect(parseEdxmlDate(raw)).toBeUndefined()
  })

  it('splits and joins number and notation', () => {
    expect(splitNotation('123/QĐ-STP')).toEqual({ codeNumber: '123', codeNotation: 'QĐ-STP' })
    expect(splitNotation('05/2026/TT-BTTTT')).toEqual({ codeNumber: '05', codeNotation: '2026/TT-BTTTT' })
    expect(splitNotation('QĐ-STP')).toEqual({ codeNumber: '', codeNotation: 'QĐ-STP' })
    expect(splitNotation('123/QĐ-STP', '123')).toEqual({ codeNumber: '123', codeNotation: 'QĐ-STP' })
    expect(joinNotation('123', 'QĐ-STP')).toBe('123/QĐ-STP')
    expect(joinNotation('123', '123/QĐ-STP')).toBe('123/QĐ-STP')
    expect(joinNotation(undefined, 'QĐ-STP')).toBe('QĐ-STP')
  })

  it('maps document types to the QCVN 102 codes and back', () => {
    expect(documentTypeOf('Công văn')).toEqual({ type: '1', typeDetail: '18', typeName: 'Công văn' })
    expect(documentTypeOf('quyết định')).toEqual({ type: '1', typeDetail: '2', typeName: 'Quyết định' })
    expect(documentTypeOf('Nghị định')).toEqual({ type: '2', typeDetail: '0', typeName: 'Nghị định' })
    expect(documentTypeOf('Thư cảm ơn')).toEqual({ type: '1', typeDetail: '0', typeName: 'Thư cảm ơn' })
    expect(documentTypeName({ type: '1', typeDetail: '7' })).toBe('Thông báo')
    expect(documentTypeName({ type: '18' })).toBe('Công văn')
    expect(documentTypeName({ type: '1', typeName: ' Tờ trình ' })).toBe('Tờ trình')
    expect(documentTypeName({ type: '1' })).toBeUndefined()
  })
})
