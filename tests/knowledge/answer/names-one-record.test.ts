import { describe, expect, it } from 'vitest'
import { namesOneRecord } from '../../../knowledge/answer/names-one-record.ts'
import { expandQuery } from '../../../knowledge/search/expand-query.ts'
import { loadSynonyms } from '../../../knowledge/search/load-synonyms.ts'
import { describeOnPortal, kindAndCode } from '../../helpers/portal-knowledge-base.ts'

const synonyms = loadSynonyms()
const query = (text: string) => expandQuery(text, synonyms)

describe('namesOneRecord', () => {
  it('holds a short message whose every word one name holds, two of them side by side', () => {
    expect(namesOneRecord({ query: query('bang ke lam san'), names: ['Xác nhận bảng kê lâm sản'] })).toBe(
      true,
    )
    expect(
      namesOneRecord({
        query: query('phù hiệu xe tải'),
        names: ['Cấp, cấp lại Phù hiệu cho xe ô tô, xe bốn bánh có gắn động cơ kinh doanh vận tải'],
      }),
    ).toBe(true)
  })

  it('does not hold a message with a word no name holds, or words that are never side by side there', () => {
    expect(
      namesOneRecord({ query: query('giá vàng hôm nay'), names: ['Cấp giấy phép sản xuất vàng trang sức'] }),
    ).toBe(false)
    expect(namesOneRecord({ query: query('lâm bảng'), names: ['Xác nhận bảng kê lâm sản'] })).toBe(false)
  })

  it('does not hold words typed with other marks than the name has', () => {
    const names = ['Xác nhận bảng kê lâm sản']
    expect(namesOneRecord({ query: query('bàng kề lâm sạn'), names })).toBe(false)
    expect(namesOneRecord({ query: query('bảng kê lâm sản'), names })).toBe(true)
  })

  it('does not read one or two words, or a long message, as a name', () => {
    expect(namesOneRecord({ query: query('bảng'), names: ['Xác nhận bảng kê lâm sản'] })).toBe(false)
    expect(namesOneRecord({ query: query('hạnh phúc là gì'), names: ['Độc lập - Tự do - Hạnh phúc'] })).toBe(
      false,
    )
    const long = query('xác nhận bảng kê lâm sản xác nhận bảng kê lâm sản cho gỗ rừng trồng nhà tôi')
    expect(
      namesOneRecord({ query: long, names: ['Xác nhận bảng kê lâm sản gỗ rừng trồng cho nhà tôi'] }),
    ).toBe(false)
  })

  it('holds a name of two words typed whole, side by side and with its marks, whatever else is said', () => {
    const names = ['Tách hộ']
    expect(namesOneRecord({ query: query('tách hộ'), names })).toBe(true)
    expect(namesOneRecord({ query: query('muốn tách hộ riêng'), names })).toBe(true)
    expect(namesOneRecord({ query: query('tach ho cho con trai'), names })).toBe(true)
    expect(namesOneRecord({ query: query('tách hồ sơ'), names })).toBe(false)
    expect(namesOneRecord({ query: query('hộ tách'), names })).toBe(false)
  })
})

describeOnPortal('a short message that is a rare procedure name', (portal) => {
  it('is answered with that procedure, not sent away as out of scope', async () => {
    const answer = await portal.kb.answer('bang ke lam san', {})
    expect(kindAndCode(answer)).toEqual({ kind: 'answer', code: '1.000045' })
  })

  it('is answered when it is a whole name of two words ("Tách hộ"), not taken for small talk', async () => {
    for (const q of ['tách hộ', 'muốn tách hộ riêng', 'tách hộ cho con trai'])
      expect(kindAndCode(await portal.kb.answer(q, {})), q).toEqual({ kind: 'answer', code: '1.010038' })
  })

  it('still sends away a short message about something else', async () => {
    expect((await portal.kb.answer('giá vàng hôm nay', {})).kind).toBe('not_found')
  })
})
