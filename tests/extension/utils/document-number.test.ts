import { describe, expect, it } from 'vitest'
import {
  findDocumentDate,
  findDocumentNumbers,
  firstDocumentNumber,
  sameNotation,
} from '../../../extension/utils/document-number.ts'
import { readCaseGroup } from '../../helpers/read-cases.ts'

describe('findDocumentNumbers', () => {
  it.each([
    ['Gửi kèm Quyết định 123/QĐ-UBND ngày 05/3/2026', '123/QĐ-UBND', '123', 'Quyết định'],
    ['Công văn 45/CV-BNV về việc tuyển dụng', '45/CV-BNV', '45', 'Công văn'],
    ['V/v trả lời 45/UBND-VP', '45/UBND-VP', '45', 'Công văn'],
    ['Theo Nghị định 30/2020/NĐ-CP', '30/2020/NĐ-CP', '30', 'Nghị định'],
    ['Kế hoạch 07/KH-UBND', '07/KH-UBND', '07', 'Kế hoạch'],
    ['Tờ trình 12/TTr-STP.', '12/TTr-STP', '12', 'Tờ trình'],
    ['Thông báo số 9/TB-VPCP;', '9/TB-VPCP', '9', 'Thông báo'],
    ['QD_123_QĐ-UBND.pdf', '123/QĐ-UBND', '123', 'Quyết định'],
    ['Scan 88_BC-SGDĐT (ban ky).pdf', '88/BC-SGDĐT', '88', 'Báo cáo'],
    ['Quyết định 123/QĐ-UBND'.normalize('NFD'), '123/QĐ-UBND', '123', 'Quyết định'],
  ])('finds the number in %j', (text, notation, codeNumber, typeName) => {
    expect(findDocumentNumbers(text)[0]).toEqual({ notation, codeNumber, typeName })
  })

  it.each(readCaseGroup('nothing-found', 'document-number'))('finds nothing in %j', (text) => {
    expect(findDocumentNumbers(text)).toEqual([])
  })

  it('lists each number once, in order', () => {
    const found = findDocumentNumbers('Theo 12/QĐ-UBND và 45/CV-BNV, thay thế 12/QĐ-UBND')
    expect(found.map((n) => n.notation)).toEqual(['12/QĐ-UBND', '45/CV-BNV'])
  })

  it('searches the subject before the body and the file name', () => {
    expect(firstDocumentNumber('', null, 'Gửi 77/TB-UBND', 'file 1_QĐ-UBND.pdf')?.notation).toBe('77/TB-UBND')
    expect(firstDocumentNumber('không có số', undefined)).toBeNull()
  })
})

describe('findDocumentDate', () => {
  it.each(readCaseGroup('read-dates', 'document-date'))('%s → %s', (text, iso, display) => {
    expect(findDocumentDate(text)).toEqual({ iso, display })
  })

  it.each(['ngày 31 tháng 2 năm 2026', 'Số: 123/QĐ-STP', ''])('finds no date in %j', (text) => {
    expect(findDocumentDate(text)).toBeNull()
  })
})

describe('sameNotation', () => {
  it('treats a number written without marks as the same number', () => {
    expect(sameNotation('123/QĐ-STP', '123/QD-STP')).toBe(true)
    expect(sameNotation('123/QĐ-STP', '999/QD-STP')).toBe(false)
  })
})
