import { describe, expect, it } from 'vitest'
import { parseName } from '#knowledge/procedures/parse-name.ts'

describe('parseName', () => {
  it('leaves out a trailing bracket that repeats the record’s own code, with or without spaces', () => {
    expect(parseName('Cấp giấy phép môi trường (cấp Tỉnh) ( 1.010727 )', '1.010727')).toBe(
      'Cấp giấy phép môi trường (cấp Tỉnh)',
    )
    expect(parseName('Chứng nhận Nhãn sinh thái Việt Nam (2.002469)', '2.002469')).toBe(
      'Chứng nhận Nhãn sinh thái Việt Nam',
    )
  })

  it('keeps another code, a bracket inside the name and a name that is only the code', () => {
    expect(parseName('Cấp giấy phép môi trường (1.010719)', '1.010727')).toBe(
      'Cấp giấy phép môi trường (1.010719)',
    )
    expect(parseName('Đăng ký (1.010727) lại', '1.010727')).toBe('Đăng ký (1.010727) lại')
    expect(parseName('(1.010727)', '1.010727')).toBe('(1.010727)')
    expect(parseName('Tham vấn (cấp xã)  ', '1.010736')).toBe('Tham vấn (cấp xã)')
  })

  it('does not read the code’s dot as any character', () => {
    expect(parseName('Thẩm định (1x010733)', '1.010733')).toBe('Thẩm định (1x010733)')
  })
})
