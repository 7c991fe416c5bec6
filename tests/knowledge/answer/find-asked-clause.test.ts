import { describe, expect, it } from 'vitest'
import { findAskedClause } from '#knowledge/answer/find-asked-clause.ts'

/** A stand-in for the facet cues: a clause names a part when it says one of these. */
const namesPart = (clause: string) => /giấy tờ gì|ở đâu|bao nhiêu|bao lâu/u.test(clause)

describe('findAskedClause', () => {
  it('reads a short message whole', () => {
    expect(findAskedClause('làm hộ chiếu ở đâu, mất bao lâu', namesPart)).toBeNull()
  })

  it('takes the last clause of a long message when it names a part', () => {
    expect(
      findAskedClause(
        'Bố tôi mất hôm qua sau thời gian dài bệnh nặng, giờ đi báo tử thì cần giấy tờ gì?',
        namesPart,
      ),
    ).toEqual({ kind: 'clause', text: 'giờ đi báo tử thì cần giấy tờ gì' })
  })

  it('reads a long message that ends by asking how to go about it as a whole', () => {
    expect(
      findAskedClause(
        'Công ty tôi yêu cầu giấy xác nhận cư trú, giờ không còn sổ hộ khẩu thì tôi xin như thế nào?',
        namesPart,
      ),
    ).toEqual({ kind: 'how-to' })
  })

  it('looks past a bare "thủ tục thế nào" to the ask before it, only when that clause asks', () => {
    expect(
      findAskedClause(
        'Con gái tôi lấy chồng nước ngoài, cháu đang ở Việt Nam thì làm đơn ở đâu, thủ tục thế nào?',
        namesPart,
      ),
    ).toEqual({ kind: 'clause', text: 'cháu đang ở Việt Nam thì làm đơn ở đâu' })
    expect(
      findAskedClause(
        'Xe máy của ba tôi đã quá cũ, gia đình muốn bán sắt vụn, nghe nói phải nộp lại đăng ký và biển số, làm sao',
        namesPart,
      ),
    ).toEqual({ kind: 'how-to' })
  })

  it('leaves a long message whose last clause neither names a part nor asks how to the whole reading', () => {
    expect(
      findAskedClause(
        'Tôi mua xe cũ của người quen ở Quảng Ngãi, xe vẫn đứng tên chủ cũ, giờ muốn sang tên',
        namesPart,
      ),
    ).toBeNull()
  })
})
