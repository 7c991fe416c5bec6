import { describe, expect, it } from 'vitest'
import { clarifyLabels, MAX_LABEL_CHARS, shorten } from '../../../knowledge/answer/label-candidates.ts'

describe('clarifyLabels', () => {
  it('keeps only the deciding words of variants', () => {
    expect(
      clarifyLabels([
        'Cấp thẻ căn cước cho người dưới 14 tuổi',
        'Cấp thẻ căn cước cho người từ đủ 14 tuổi trở lên',
      ]),
    ).toEqual({ labels: ['Dưới 14 tuổi', 'Từ đủ 14 tuổi trở lên'], common: 'Cấp thẻ căn cước' })
  })

  it('reads a word before a slash as the same word ("trước bạ/ Miễn …"), so no label starts inside "trước bạ"', () => {
    const { labels, common } = clarifyLabels([
      'Khai lệ phí trước bạ nhà, đất/ Miễn lệ phí trước bạ nhà, đất',
      'Khai lệ phí trước bạ/ Miễn lệ phí trước bạ đối với tài sản khác theo quy định của pháp luật về lệ phí trước bạ',
      'Khai lệ phí trước bạ tàu thuyền đánh cá, tàu thuyền vận tải thuỷ nội địa',
    ])
    expect(common).toBe('Khai lệ phí trước bạ')
    expect(labels[0]).toMatch(/^Nhà, đất/)
    expect(labels[1]).toMatch(/^Miễn lệ phí trước bạ đối với tài sản khác/)
    expect(labels[2]).toMatch(/^Tàu thuyền đánh cá/)
  })

  it('drops the level suffix and keeps whole names when they share too little', () => {
    const { labels, common } = clarifyLabels([
      'Cấp lại thẻ căn cước (thực hiện tại cấp tỉnh)',
      'Cấp đổi thẻ căn cước',
    ])
    expect(common).toBeNull()
    expect(labels).toEqual(['Cấp lại thẻ căn cước', 'Cấp đổi thẻ căn cước'])
  })

  it('keeps whole names when all they share is the action ("Đăng ký")', () => {
    const names = [
      'Đăng ký lại phương tiện trong trường hợp chủ phương tiện thay đổi trụ sở hoặc nơi đăng ký hộ khẩu thường trú',
      'Đăng ký thường trú',
    ]
    const { labels, common } = clarifyLabels(names)
    expect(common).toBeNull()
    expect(labels).toEqual([shorten(names[0] ?? ''), 'Đăng ký thường trú'])
    expect(clarifyLabels(['Thủ tục đăng ký kết hôn', 'Thủ tục đăng ký khai tử']).common).toBeNull()
  })

  it('never starts a label inside a word whose last syllable names a grade ("chế độ", "trợ cấp")', () => {
    const { labels, common } = clarifyLabels([
      'Xét hưởng chế độ đối với cán bộ, chiến sĩ Công an nhân dân đã thôi việc',
      'Xét hưởng chế độ trợ cấp một lần đối với sĩ quan',
    ])
    expect(common).toBe('Xét hưởng chế độ')
    expect(labels).toEqual([
      'Cán bộ, chiến sĩ Công an nhân dân đã thôi việc',
      'Trợ cấp một lần đối với sĩ quan',
    ])
    // a grade still keeps its head word: "Cấp III" / "Cấp đặc biệt"
    expect(
      clarifyLabels(['Cấp phép xây dựng công trình cấp III', 'Cấp phép xây dựng công trình cấp đặc biệt'])
        .labels,
    ).toEqual(['Cấp III', 'Cấp đặc biệt'])
  })

  it('never splits a word the names use when it cuts their shared ending ("khu công | nghiệp sinh thái")', () => {
    const names = [
      'Thủ tục cấp/cấp lại Giấy chứng nhận khu công nghiệp sinh thái',
      'Thủ tục cấp/cấp lại Giấy chứng nhận doanh nghiệp sinh thái',
    ]
    // "công nghiệp", "doanh nghiệp": pairs many names hold; "nghiệp sinh": a pair only these do
    const pairShare = (pair: string) =>
      ({ cong_nghiep: 12 / 2642, doanh_nghiep: 119 / 2642 })[pair] ?? 4 / 2642
    expect(clarifyLabels(names).labels).toEqual(['Khu công', 'Doanh'])
    expect(clarifyLabels(names, pairShare).labels).toEqual(['Khu công nghiệp', 'Doanh nghiệp'])
  })

  it('never labels an option with a joining word alone, nor two options alike (names differing only in "của")', () => {
    const names = [
      'Khai thác thông tin công dân trong Cơ sở dữ liệu căn cước',
      'Khai thác thông tin của công dân trong Cơ sở dữ liệu căn cước (thực hiện tại cấp tỉnh)',
      'Khai thác thông tin công dân trong Cơ sở dữ liệu quốc gia về dân cư (thực hiện tại cấp xã)',
    ]
    const plain = clarifyLabels(names).labels
    expect(plain).not.toContain('Của')
    expect(new Set(plain).size).toBe(3)
    // "công dân" is a word many names hold: the two alike are told apart by their level
    const pairShare = (pair: string) => (pair === 'cong_dan' ? 0.05 : 0)
    const joined = clarifyLabels(names, pairShare).labels
    expect(joined).not.toContain('Của')
    expect(new Set(joined).size).toBe(3)
  })

  it('keeps the level when it is all that tells two names apart', () => {
    const name =
      'Giải quyết khiếu nại về quyết định hành chính, hành vi hành chính của công dân đối với lực lượng Công an nhân dân'
    const { labels } = clarifyLabels([
      `${name} (thực hiện tại cấp tỉnh)`,
      `${name} (thực hiện tại cấp Trung ương)`,
    ])
    expect(labels).toEqual(['Thực hiện tại cấp tỉnh', 'Thực hiện tại cấp Trung ương'])
  })

  it('never gives a label over 80 characters and cuts on a word boundary', () => {
    const long =
      'Giải quyết khiếu nại về quyết định hành chính, hành vi hành chính của công dân đối với lực lượng Công an nhân dân (thực hiện tại cấp tỉnh)'
    const { labels } = clarifyLabels([long, 'Thủ tục đăng ký khai sinh'])
    for (const l of labels) expect(l.length).toBeLessThanOrEqual(MAX_LABEL_CHARS)
    expect(labels[0]).toMatch(/^Giải quyết khiếu nại .*\S…$/)
    expect(shorten('ngắn')).toBe('ngắn')
  })
})

describe('clarifyLabels of a group beside another name', () => {
  it("keeps the group's name before a case when no name is shared by all (no lead names it)", () => {
    const name =
      'Giải quyết yêu cầu bồi thường tại cơ quan trực tiếp quản lý người thi hành công vụ gây thiệt hại'
    const { labels, common } = clarifyLabels([
      `${name} (cấp xã)`,
      `${name} (cấp tỉnh)`,
      'Cấp lại chứng chỉ hành nghề Quản tài viên',
    ])
    expect(common).toBeNull()
    expect(labels[0]).toMatch(/^Giải quyết yêu cầu bồi thường .*… \(cấp xã\)$/)
    expect(labels[1]).toMatch(/^Giải quyết yêu cầu bồi thường .*… \(cấp tỉnh\)$/)
    expect(labels[2]).toBe('Cấp lại chứng chỉ hành nghề Quản tài viên')
    for (const l of labels) expect(l.length).toBeLessThanOrEqual(MAX_LABEL_CHARS)
  })
})

describe('clarifyLabels with grades', () => {
  it('keeps the word that names the grade', () => {
    const { labels } = clarifyLabels([
      'Cấp giấy phép xây dựng sửa chữa, cải tạo đối với công trình cấp III, cấp IV',
      'Cấp giấy phép xây dựng sửa chữa, cải tạo đối với công trình cấp đặc biệt, cấp I, cấp II',
    ])
    expect(labels).toEqual(['Cấp III, cấp IV', 'Cấp đặc biệt, cấp I, cấp II'])
  })

  it('tells apart names that share more than all of them do, and reads "đai," and "đai" as one word (first land registrations)', () => {
    const { labels, common } = clarifyLabels([
      'Đăng ký đất đai lần đầu đối với trường hợp được Nhà nước giao đất để quản lý.', // 1.012756
      'Đăng ký đất đai, tài sản gắn liền với đất, cấp Giấy chứng nhận quyền sử dụng đất, quyền sở hữu tài sản gắn liền với đất lần đầu đối với hộ gia đình, cá nhân, cộng đồng dân cư, người gốc Việt Nam định cư ở nước ngoài', // 1.013978
      'Đăng ký đất đai, tài sản gắn liền với đất, cấp Giấy chứng nhận quyền sử dụng đất, quyền sở hữu tài sản gắn liền với đất lần đầu đối với tổ chức đang sử dụng đất', // 1.012753
    ])
    expect(common).toBe('Đăng ký đất đai')
    expect(labels).toEqual([
      'Lần đầu đối với trường hợp được Nhà nước giao đất để quản lý',
      'Hộ gia đình, cá nhân, cộng đồng dân cư, người gốc Việt Nam định cư ở nước ngoài',
      'Tổ chức đang sử dụng đất',
    ])
  })
})
