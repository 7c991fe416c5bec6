import { describe, expect, it } from 'vitest'
import { parseResults } from '../../../knowledge/procedures/parse-results.ts'

describe('parseResults', () => {
  it.each([
    [
      'Giấy khai sinhMã: KQ.G15.000031Từ khóaKhông có thông tinMô tảKhông có thông tinChọn cơ quan thực hiệnTỉnh/ Thành phốNộp hồ sơ',
      ['Giấy khai sinh'],
    ],
    [
      'Giấy chứng nhận cải tạoMã: KQ.G04.000501Giấy chứng nhận kiểm định, tem kiểm định (xe cơ giới, xe máy chuyên dùng)Mã: KQ.G04.000495Từ khóaKhông có thông tin',
      [
        'Giấy chứng nhận cải tạo',
        'Giấy chứng nhận kiểm định, tem kiểm định (xe cơ giới, xe máy chuyên dùng)',
      ],
    ],
    ['Không có thông tin', []],
  ])('%s', (raw, expected) => {
    expect(parseResults(raw)).toEqual(expected)
  })
})
