import { describe, expect, it } from 'vitest'
import { parseChannels, parseVnd } from '../../../knowledge/procedures/parse-channels.ts'

const H = 'Hình thức nộpThời gianPhí, lệ phíMô tả'

describe('parseChannels', () => {
  it.each([
    // [raw, kind, durationText, workingDays, feeVnd, feeText, note]
    [`${H}Trực tuyến1Miễn phí`, 'online', '1', null, 0, 'Miễn phí', null],
    [`${H}Trực tiếp15 NgàyMiễn phí`, 'direct', '15 Ngày', null, 0, 'Miễn phí', null],
    [`${H}Trực tuyến8 GiờMiễn phí`, 'online', '8 Giờ', null, 0, 'Miễn phí', null],
    [
      `${H}Trực tuyến7 Ngày làm việc500,000 Việt Nam Đồng`,
      'online',
      '7 Ngày làm việc',
      7,
      500000,
      '500,000 Việt Nam Đồng',
      null,
    ],
    [
      `${H}Trực tuyến2 Ngày làm việc70,000 VNĐ(70.000 đồng/Giấy chứng nhận)`,
      'online',
      '2 Ngày làm việc',
      2,
      70000,
      '70,000 VNĐ (70.000 đồng/Giấy chứng nhận)',
      null,
    ],
    [
      `${H}Dịch vụ bưu chính60 Ngày làm việcKhông có thông tinThời hạn giải quyết khiếu nại lần đầu không quá 30 ngày`,
      'postal',
      '60 Ngày làm việc',
      60,
      null,
      null,
      'Thời hạn giải quyết khiếu nại lần đầu không quá 30 ngày',
    ],
    [
      `${H}Trực tuyến60 Ngày10,000,000 Việt Nam Đồngkể từ ngày nhận đầy đủ hồ sơ hợp lệ.`,
      'online',
      '60 Ngày',
      null,
      10000000,
      '10,000,000 Việt Nam Đồng',
      'kể từ ngày nhận đầy đủ hồ sơ hợp lệ.',
    ],
    [`${H}Trực tiếpKhông có thông tinKhông có thông tin`, 'direct', null, null, null, null, null],
  ])('reads %s', (raw, kind, durationText, workingDays, feeVnd, feeText, note) => {
    const { value } = parseChannels(raw)
    expect(value).toEqual([
      { kind, label: expect.any(String), durationText, workingDays, feeVnd, feeText, note },
    ])
  })

  it('splits glued rows at each channel label followed by a time', () => {
    const { value, warnings } = parseChannels(
      `${H}Trực tuyến5 NgàyMiễn phíDịch vụ bưu chính5 NgàyMiễn phíTrực tiếp5 NgàyMiễn phí`,
    )
    expect(value.map((c) => [c.kind, c.label])).toEqual([
      ['online', 'Trực tuyến'],
      ['postal', 'Dịch vụ bưu chính'],
      ['direct', 'Trực tiếp'],
    ])
    expect(warnings).toEqual([])
  })

  it('keeps the fee detail in parentheses with the fee and the rest as the note', () => {
    const { value } = parseChannels(
      `${H}Trực tiếp5 Ngày làm việcMiễn phí((Mức lệ phí cụ thể do Hội đồng nhân dân tỉnh quyết định.))- Nộp tại xã.`,
    )
    // (a detail wrapped twice keeps one pair of brackets, as the rows wrapped once do)
    expect(value[0]?.feeText).toBe('Miễn phí (Mức lệ phí cụ thể do Hội đồng nhân dân tỉnh quyết định.)')
    expect(value[0]?.note).toBe('- Nộp tại xã.')
  })

  it('reads a row whose detail is wrapped twice as the rows wrapped once (1.000894 kết hôn)', () => {
    const detail =
      'Miễn lệ phí. Phí cấp bản sao Trích lục kết hôn (nếu có yêu cầu) theo Thông tư số 281/2016/TT-BTC.'
    const { value } = parseChannels(
      `${H}Trực tuyến1Miễn phí(${detail})Dịch vụ bưu chính1Miễn phí((${detail}))Trực tiếp1Miễn phí(${detail})`,
    )
    expect(new Set(value.map((c) => c.feeText))).toEqual(new Set([`Miễn phí (${detail})`]))
  })

  it('does not start a row at a label inside a description', () => {
    const { value } = parseChannels(
      `${H}Trực tiếp3 Ngày làm việcMiễn phíTrực tuyến: nộp hồ sơ qua Cổng dịch vụ công`,
    )
    expect(value).toHaveLength(1)
    expect(value[0]?.note).toBe('Trực tuyến: nộp hồ sơ qua Cổng dịch vụ công')
  })

  it.each([
    [`${H}Trực tuyến1Miễn phí`, 'DURATION_UNIT_MISSING'],
    [`${H}Trực tuyến7 Ngày làm việc10 USD(/lần)`, 'FEE_NOT_VND'],
    [`${H}Trực tuyến120,000 VNĐ(Theo Thông tư số 172/2010/TT-BTC)`, 'CHANNEL_AMBIGUOUS'],
    [`${H}Trực tiếpHệ thống giải quyết thủ tục hành chính ngành Thuế`, 'CHANNEL_UNPARSED'],
    [`${H}Trực tuyến3 Ngày làm việcVNĐ`, 'FEE_WITHOUT_AMOUNT'],
  ])('warns about %s with %s', (raw, code) => {
    expect(parseChannels(raw).warnings.map((w) => w.code)).toContain(code)
  })

  it('does not take "free" as the fee when the column\'s own detail names an amount, and warns', () => {
    const parsed = parseChannels(
      `${H}Trực tiếp5 Ngày làm việcMiễn phí(- Lệ phí cấp giấy phép lái xe: 135.000 đồng/lần.)`,
    )
    expect(parsed.value[0]).toMatchObject({
      feeVnd: null,
      feeText: 'Miễn phí (- Lệ phí cấp giấy phép lái xe: 135.000 đồng/lần.)',
    })
    expect(parsed.warnings.map((w) => w.code)).toEqual(['FEE_FREE_WITH_AMOUNT'])
    // a free fee with a detail that names no amount stays free
    expect(parseChannels(`${H}Trực tiếp5 Ngày làm việcMiễn phí(Không thu phí)`).value[0]?.feeVnd).toBe(0)
  })

  it('does not take "free" as the fee when the detail says the provincial council sets it', () => {
    const parsed = parseChannels(
      `${H}Trực tiếp5 Ngày làm việcMiễn phí(Mức lệ phí cụ thể do Hội đồng nhân dân tỉnh quyết định.)`,
    )
    expect(parsed.value[0]?.feeVnd).toBeNull()
    expect(parsed.warnings.map((w) => w.code)).toEqual(['FEE_SET_LOCALLY'])
  })

  it('does not take "free" as the fee when the detail points to the regulation that sets it (3.000333)', () => {
    const detail =
      'Thực hiện theo Thông tư số 244/2016/TT-BTC ngày 11/11/2016 của Bộ Tài chính quy định mức thu, chế độ thu, nộp, quản lý và sử dụng phí cung cấp thông tin lý lịch tư pháp'
    const parsed = parseChannels(`${H}Trực tiếp10 NgàyMiễn phí(${detail})`)
    expect(parsed.value[0]?.feeVnd).toBeNull()
    expect(parsed.warnings.map((w) => w.code)).toEqual(['FEE_SET_BY_REGULATION'])
    // an exemption under a regulation stays free
    const exempt = parseChannels(
      `${H}Trực tiếp10 NgàyMiễn phí(Miễn lệ phí từ ngày 07/4/2026 đến 30/6/2026 theo Thông tư quy định mức thu lệ phí)`,
    )
    expect(exempt.value[0]?.feeVnd).toBe(0)
  })

  it.each([
    [
      'the fee law (1.012753, land registration)',
      'Theo quy định của Luật phí và lệ phí và các văn bản quy phạm pháp luật hướng dẫn Luật phí và lệ phí.',
    ],
    ['the law on fees (2.000018)', 'theo quy định của pháp luật về phí, lệ phí'],
    [
      'a service price (1.013332)',
      '- Giá dịch vụ kiểm tra chất lượng an toàn kỹ thuật và bảo vệ môi theo quy định tại Thông tư số 239/2016/TT-BTC',
    ],
    [
      'a circular (1.014251)',
      'Thực hiện theo quy định tại Thông tư số 10/2024/TT-BTC ngày 05/02/2024 của Bộ trưởng Bộ Tài CHính',
    ],
    ['the provincial people’s committee (1.004122)', 'do Ủy ban nhân dân cấp tỉnh quy định.'],
  ])('does not take "free" as the fee when the detail points to %s', (_, detail) => {
    const parsed = parseChannels(`${H}Trực tiếp10 NgàyMiễn phí(${detail})`)
    expect(parsed.value[0]?.feeVnd).toBeNull()
    expect(parsed.warnings.map((w) => w.code)).toEqual(['FEE_SET_BY_REGULATION'])
  })

  it.each([
    [
      'a fee only for an extra copy (1.004837)',
      'Phí cấp bản sao Trích lục đăng ký giám hộ (nếu có yêu cầu) thực hiện theo quy định tại Thông tư số 281/2016/TT-BTC',
    ],
    ['nothing', 'Không quy định'],
  ])('keeps "free" when the detail names %s', (_, detail) => {
    const parsed = parseChannels(`${H}Trực tiếp10 NgàyMiễn phí(${detail})`)
    expect(parsed.value[0]?.feeVnd).toBe(0)
    expect(parsed.warnings).toEqual([])
  })

  it('leaves the amount unknown when the column lost its thousands ("135 VNĐ" above 135.000 đồng)', () => {
    const parsed = parseChannels(
      `${H}Trực tiếp5 Ngày làm việc135 VNĐ(Lệ phí cấp giấy phép lái xe: 135.000 đồng/lần.)`,
    )
    expect(parsed.value[0]?.feeVnd).toBeNull()
    expect(parsed.warnings.map((w) => w.code)).toEqual(['FEE_AMOUNT_MISMATCH'])
  })

  it('keeps the column amount when the detail repeats it, with or without a currency word', () => {
    const passport = parseChannels(
      `${H}Trực tiếp8 Ngày làm việc160,000 Việt Nam Đồng(+ 160.000/hộ chiếu, trường hợp cấp lại do bị mất: 320.000đ/hộ chiếu)`,
    )
    expect(passport.value[0]?.feeVnd).toBe(160000)
    expect(passport.warnings).toEqual([])
  })

  it('never turns a USD fee into VND', () => {
    const [channel] = parseChannels(
      `${H}Trực tuyến7 Ngày làm việc25 USD(Cấp thị thực có giá trị một lần)`,
    ).value
    expect(channel?.feeVnd).toBeNull()
    expect(channel?.feeText).toBe('25 USD (Cấp thị thực có giá trị một lần)')
  })

  it.each([
    ['', []],
    ['Không có thông tin', []],
    [H, []],
  ])('returns no channels for %j', (raw, expected) => {
    expect(parseChannels(raw).value).toEqual(expected)
  })

  it.each([
    ['70,000', 70000],
    ['1.350.000', 1350000],
    ['500', 500],
  ])('parseVnd(%s) = %d', (text, amount) => {
    expect(parseVnd(text)).toBe(amount)
  })
})
