import { describe, expect, it } from 'vitest'
import { builtInProcedureActions } from '../../../knowledge/answer/procedure-actions.ts'
import { shareObject } from '../../../knowledge/answer/share-object.ts'
import { exportNames } from '../../helpers/export-names.ts'

const actions = builtInProcedureActions()
const shared = (a: string, b: string) =>
  shareObject({ a: exportNames.get(a) ?? a, b: exportNames.get(b) ?? b, actions })

describe('two names about the same object', () => {
  it.each([
    ['1.002755', '1.004194'], // Gia hạn tạm trú / Đăng ký tạm trú
    ['1.010384', '1.010386'], // Khôi phục giá trị sử dụng hộ chiếu phổ thông / Trình báo mất hộ chiếu phổ thông
    ['1.013079', '1.013076'], // Đổi / Cấp chứng nhận đăng ký xe, biển số xe …
    ['2.002041', '1.009822'], // Đăng ký thay đổi địa chỉ trụ sở chính … / Thay đổi tên, địa chỉ trụ sở chính …
  ])('%s and %s share their object', (a, b) => {
    expect(shared(a, b)).toBe(true)
  })

  it.each([
    ['1.014132', '1.000894'], // Hủy đăng ký dự án / Thủ tục đăng ký kết hôn: only "đăng ký"
    ['2.002727', '1.000656'], // Cấp đổi GCN đăng ký đầu tư … / Thủ tục đăng ký khai tử: "tư" is not "tử"
    ['1.012996', '1.011022'], // Thanh toán, xóa nợ tiền sử dụng đất … / Khai thuế đối với hộ kinh doanh …
  ])('%s and %s do not', (a, b) => {
    expect(shared(a, b)).toBe(false)
  })
})
