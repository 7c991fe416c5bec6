import { describe, expect, it } from 'vitest'
import { type AskedClause, findAskedClause } from '#knowledge/answer/find-asked-clause.ts'

/** A stand-in for the facet cues: a clause names a part when it says one of these. */
const namesPart = (clause: string) => /giấy tờ gì|ở đâu|bao nhiêu|bao lâu/u.test(clause)

const cases: [string, string, AskedClause | null][] = [
  ['reads a short message whole', 'làm hộ chiếu ở đâu, mất bao lâu', null],
  [
    'takes the last clause of a long message when it names a part',
    'Bố tôi mất hôm qua sau thời gian dài bệnh nặng, giờ đi báo tử thì cần giấy tờ gì?',
    { kind: 'clause', text: 'giờ đi báo tử thì cần giấy tờ gì' },
  ],
  [
    'reads a long message that ends by asking how to go about it as a whole',
    'Công ty tôi yêu cầu giấy xác nhận cư trú, giờ không còn sổ hộ khẩu thì tôi xin như thế nào?',
    { kind: 'how-to' },
  ],
  [
    'looks past a bare "thủ tục thế nào" to the ask before it',
    'Con gái tôi lấy chồng nước ngoài, cháu đang ở Việt Nam thì làm đơn ở đâu, thủ tục thế nào?',
    { kind: 'clause', text: 'cháu đang ở Việt Nam thì làm đơn ở đâu' },
  ],
  [
    'does not look past a bare "làm sao" to a clause that asks nothing',
    'Xe máy của ba tôi đã quá cũ, gia đình muốn bán sắt vụn, nghe nói phải nộp lại đăng ký và biển số, làm sao',
    { kind: 'how-to' },
  ],
  [
    'leaves a long message whose last clause neither names a part nor asks how to the whole reading',
    'Tôi mua xe cũ của người quen ở Quảng Ngãi, xe vẫn đứng tên chủ cũ, giờ muốn sang tên',
    null,
  ],
]

describe('findAskedClause', () => {
  it.each(cases)('%s', (_, message, expected) => {
    expect(findAskedClause(message, namesPart)).toEqual(expected)
  })
})
