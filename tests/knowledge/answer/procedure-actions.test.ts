import { describe, expect, it } from 'vitest'
import { createProcedureActions, loadProcedureActions } from '../../../knowledge/answer/procedure-actions.ts'
import { expandQuery } from '../../../knowledge/search/expand-query.ts'
import { loadSynonyms } from '../../../knowledge/search/load-synonyms.ts'

const synonyms = loadSynonyms()
const actions = createProcedureActions()
const misfit = (question: string, name: string) =>
  actions.misfit(actions.ofQuestion(expandQuery(question, synonyms).tokens), name)
/** The actions read from a procedure name, as an array. */
const actionsOf = (name: string) => [...actions.ofName(name).actions]

describe('procedure actions', () => {
  it('reads the action of a procedure name, longest phrase first', () => {
    expect(actionsOf('Cấp lại thẻ căn cước')).toEqual(['reissue'])
    expect(actionsOf('Cấp đổi thẻ căn cước')).toEqual(['exchange'])
    expect(actionsOf('Thủ tục thay đổi, cải chính, bổ sung thông tin hộ tịch')).toEqual(['change'])
    expect(actionsOf('Đăng ký thường trú')).toEqual([])
    expect(actionsOf('Cấp lại, đổi, điều chỉnh thông tin trên sổ BHXH').sort()).toEqual([
      'change',
      'exchange',
      'reissue',
    ])
  })

  it.each([
    ['lam lai the can cuoc bi mat', 'Cấp lại thẻ căn cước'],
    ['mất căn cước gắn chip', 'Cấp lại thẻ căn cước'],
    ['CCCD của mẹ hết hạn rồi giờ đổi sao', 'Cấp đổi thẻ căn cước'],
    // an expiring paper is renewed by exchange or by extension, whichever the records offer
    [
      'giấy phép xây dựng nhà sắp hết hạn mà chưa xây xong',
      'Gia hạn giấy phép xây dựng đối với công trình cấp III, cấp IV (công trình Không theo tuyến/Theo tuyến trong đô thị/Tín ngưỡng, tôn giáo/Tượng đài, tranh hoành tráng/Sửa chữa, cải tạo/Theo giai đoạn cho công trình không theo tuyến/Theo giai đoạn cho công trình theo tuyến trong đô thị/Dự án) và nhà ở riêng lẻ',
    ],
    ['gia han tam tru', 'Gia hạn tạm trú'],
    ['giấy khai sinh ghi sai tên đệm muốn sửa lại', 'Thủ tục thay đổi, cải chính, bổ sung thông tin hộ tịch'],
    ['làm passport lần đầu', 'Cấp hộ chiếu phổ thông ở trong nước'],
    ['đăng ký kết hôn', 'Thủ tục đăng ký kết hôn'],
    ['bố mất thì gia đình nhận trợ cấp mai táng', 'Giải quyết hưởng trợ cấp mai táng'],
    ['sửa chữa nhà có cần xin phép xây dựng', 'Cấp giấy phép sửa chữa, cải tạo công trình'],
    // goods damaged in transport are why a tax is reduced, not a paper to re-issue
    [
      'hàng nhập khẩu bị hư hỏng khi vận chuyển, xin giảm thuế nhập khẩu',
      'Thủ tục giảm thuế xuất khẩu, thuế nhập khẩu thuộc thẩm quyền của Chi cục Hải quan',
    ],
    [
      'xưởng bị cháy có được miễn giảm tiền thuê đất không',
      'Miễn, giảm trong các trường hợp bất khả kháng, thiên tai, hỏa hoạn, tai nạn bất ngờ',
    ],
  ])('lets "%s" be answered by "%s"', (question, name) => {
    expect(misfit(question, name)).toBeNull()
  })

  it.each([
    ['gia hạn giấy khai sinh', 'Thủ tục đăng ký khai sinh', 'action'],
    ['hủy đăng ký kết hôn', 'Thủ tục đăng ký kết hôn', 'action'],
    ['cấp đổi giấy chứng tử', 'Thủ tục đăng ký khai tử', 'action'],
    ['lam lai cccd bi mat', 'Cấp thẻ căn cước cho người từ đủ 14 tuổi trở lên', 'action'],
    ['làm cccd lần đầu', 'Cấp lại thẻ căn cước', 'action'],
    ['xin visa đi Mỹ', 'Cấp thị thực cho người nước ngoài tại Việt Nam', 'qualifier'],
    ['xin thị thực đi nước ngoài du lịch', 'Cấp thị thực cho người nước ngoài tại Việt Nam', 'qualifier'],
    ['đổi bằng lái xe máy', 'Đổi giấy phép lái xe ô tô', 'qualifier'],
    [
      'khiếu nại quyết định của công an xã',
      'Giải quyết khiếu nại … thực hiện tại cấp xã (phải là cán bộ thuộc biên chế của lực lượng Công an)',
      'qualifier',
    ],
    ['con 6 tuổi làm thẻ căn cước', 'Cấp thẻ căn cước cho người từ đủ 14 tuổi trở lên', 'age'],
    ['căn cước cho người 14 tuổi', 'Cấp thẻ căn cước cho người dưới 14 tuổi', 'age'],
  ])('does not let "%s" be answered by "%s" (%s)', (question, name, kind) => {
    expect(misfit(question, name)?.kind).toBe(kind)
  })

  it('takes "14 tuổi" as đủ 14 tuổi and a foreigner named in the question as asked', () => {
    expect(misfit('căn cước cho con 14 tuổi', 'Cấp thẻ căn cước cho người từ đủ 14 tuổi trở lên')).toBeNull()
    expect(misfit('căn cước cho trẻ dưới 14 tuổi', 'Cấp thẻ căn cước cho người dưới 14 tuổi')).toBeNull()
    expect(
      misfit('xin thẻ tạm trú cho chồng người nước ngoài', 'Cấp thẻ tạm trú cho người nước ngoài'),
    ).toBeNull()
  })

  it('validates its vocabulary file', () => {
    const model = loadProcedureActions()
    expect(Object.keys(model.actions)).toContain('reissue')
    expect(() =>
      createProcedureActions({ ...model, actions: { x: { label: 'x', name: [], question: [] } } }),
    ).not.toThrow()
  })
})

describe('a death is not a lost paper', () => {
  it.each(['bố em mới mất, làm giấy khai tử', 'bà ngoại mất tại nhà', 'ông mất năm 1990'])(
    'reads no action in "%s"',
    (question) => {
      expect(actions.ofQuestion(expandQuery(question, synonyms).tokens).actions.size).toBe(0)
    },
  )
})

describe('what a procedure costs or takes, and money an official demands, name no action', () => {
  it.each([
    'ly lich tu phap lam mat bao nhieu ngay',
    'làm hộ chiếu làm mất bao nhiêu tiền',
    'đăng ký kết hôn làm mất mấy ngày',
    'giấy phép xây dựng làm mất bao lâu',
    'to cao can bo xa doi tien moi chiu ky giay',
  ])('reads no action in "%s"', (question) => {
    expect(actions.ofQuestion(expandQuery(question, synonyms).tokens).actions.size).toBe(0)
  })

  it.each([
    ['làm mất hộ chiếu thì làm lại ở đâu', 'reissue'],
    ['lam mat cccd', 'reissue'],
    ['đổi tiền rách ở đâu', 'exchange'],
  ])('still reads the action of "%s"', (question, action) => {
    expect([...actions.ofQuestion(expandQuery(question, synonyms).tokens).actions]).toContain(action)
  })
})

describe('a name that lists the first issue before other actions', () => {
  it('reads "Cấp, cấp lại …" and "Đăng ký, đăng ký lại …" as the first issue too', () => {
    expect(actionsOf('Cấp, cấp lại Giấy phép liên vận ASEAN')).toEqual(
      expect.arrayContaining(['new', 'reissue']),
    )
    expect(
      actionsOf('Thủ tục cấp, cấp lại, điều chỉnh Giấy chứng nhận đủ điều kiện kinh doanh xổ số'),
    ).toContain('new')
    expect(actionsOf('Cấp lại, đổi, điều chỉnh thông tin trên sổ BHXH, thẻ BHYT')).not.toContain('new')
    expect(actionsOf('Cấp lại Giấy phép khai thác thủy sản')).not.toContain('new')
  })

  it.each([
    ['xin giấy phép khai thác thủy sản lần đầu', 'Cấp, cấp lại Giấy phép khai thác thủy sản'],
    ['lần đầu làm chứng chỉ hành nghề chứng khoán', 'Cấp, cấp lại chứng chỉ hành nghề chứng khoán'],
    ['tham gia bhxh tự nguyện lần đầu', 'Đăng ký, đăng ký lại, điều chỉnh đóng BHXH tự nguyện; cấp sổ BHXH'],
  ])('lets "%s" be answered by "%s"', (question, name) => {
    expect(misfit(question, name)).toBeNull()
  })

  it('still keeps a first issue from a re-issue that lists no first issue', () => {
    expect(
      misfit('làm sổ bhxh lần đầu', 'Cấp lại, đổi, điều chỉnh thông tin trên sổ BHXH, thẻ BHYT')?.kind,
    ).toBe('action')
  })
})

describe('being called out and things gone astray', () => {
  it.each(['được huy động đi cứu hộ bị thương', 'dan quan duoc huy dong chong lu'])(
    'reads no cancelling in "%s"',
    (question) => {
      expect(actions.ofQuestion(expandQuery(question, synonyms).tokens).actions.has('cancel')).toBe(false)
    },
  )

  it('reads a name about goods or luggage gone astray as about a loss', () => {
    expect(
      misfit(
        'hàng nhập khẩu bị thất lạc khi vận chuyển thì khai báo sao',
        'Hàng hóa xuất khẩu, nhập khẩu, hành lý ký gửi của người nhập cảnh, xuất cảnh thất lạc, nhầm lẫn',
      ),
    ).toBeNull()
  })
})

describe('who files or asks for the paper', () => {
  // Real names from the shipped export: the employer's and the individual's tax settlement, the criminal
  // record certificate a court asks for and the citizen's own.
  const names = {
    employer:
      'Khai quyết toán thuế thu nhập cá nhân đối với tổ chức, cá nhân trả thu nhập từ tiền lương, tiền công',
    individual:
      'Khai quyết toán thuế/ Hoàn thuế đối với cá nhân cư trú có thu nhập từ tiền lương, tiền công quyết toán thuế trực tiếp với cơ quan thuế',
    forCourt:
      'Cấp Phiếu lý lịch tư pháp theo yêu cầu của cơ quan tiến hành tố tụng (đối tượng là công dân Việt Nam, người nước ngoài đang cư trú tại Việt Nam)',
    own: 'Cấp Phiếu lý lịch tư pháp cho công dân Việt Nam mà không xác định được nơi thường trú hoặc nơi tạm trú; người nước ngoài đã cư trú tại Việt Nam',
  }

  it("reads the employer's and the individual's procedures from their names", () => {
    expect(actions.ofName(names.employer).qualifiers.get('payer')).toEqual(new Set(['employer']))
    expect(actions.ofName(names.individual).qualifiers.get('payer')).toEqual(new Set(['individual']))
  })

  const foreignerOwnRecord = 'người nước ngoài từng sống ở VN giờ về nước muốn xin lý lịch tư pháp'
  it.each([
    // a citizen gets the individual's settlement and an employer its own
    ['tu quyet toan thue tncn de hoan thue nop thua', 'employer', 'payer'],
    ['quyết toán thuế thu nhập cá nhân', 'employer', 'payer'],
    ['tu quyet toan thue tncn de hoan thue nop thua', 'individual', null],
    ['công ty quyết toán thuế TNCN cho nhân viên', 'employer', null],
    // a citizen gets the certificate for themselves, not the one a court asks for
    [foreignerOwnRecord, 'forCourt', 'requester'],
    [foreignerOwnRecord, 'own', null],
    ['cơ quan điều tra đề nghị cấp phiếu lý lịch tư pháp', 'forCourt', null],
  ] as const)('"%s" against the %s procedure: wrong %s', (question, name, group) => {
    expect(misfit(question, names[name])).toEqual(group ? { kind: 'qualifier', group } : null)
  })
})

describe('the action asked is the one after "muốn", not what happened before', () => {
  // Real names from the shipped export.
  const names = {
    giveUp: 'Thôi quốc tịch Việt Nam ở trong nước',
    regain: 'Trở lại quốc tịch Việt Nam ở trong nước',
    appoint: 'Bổ nhiệm và cấp thẻ giám định viên tư pháp cấp tỉnh',
    dismiss: 'Miễn nhiệm giám định viên tư pháp cấp tỉnh',
    update:
      'Đăng ký cập nhật, bổ sung thông tin trong hồ sơ đăng ký hộ kinh doanh, hiệu đính thông tin đăng ký hộ kinh doanh',
    found: 'Đăng ký thành lập hộ kinh doanh',
    halt: 'Dừng thực hiện thủ tục đăng ký tổ hợp tác, hợp tác xã, liên hiệp hợp tác xã',
    close: 'Chấm dứt hoạt động hộ kinh doanh',
  }
  it.each([
    ['đã thôi quốc tịch VN trước đây giờ muốn trở lại quốc tịch', 'regain', null],
    ['đã thôi quốc tịch VN trước đây giờ muốn trở lại quốc tịch', 'giveUp', 'action'],
    ['toi da thoi quoc tich, nay ve nuoc muon tro lai quoc tich VN', 'giveUp', 'action'],
    ['muốn thôi quốc tịch Việt Nam để nhập quốc tịch Đức', 'giveUp', null],
    ['hồ sơ bổ nhiệm công chứng viên gồm những gì', 'appoint', null],
    ['hồ sơ bổ nhiệm giám định viên tư pháp cấp tỉnh', 'dismiss', 'action'],
    ['xin miễn nhiệm giám định viên tư pháp', 'appoint', 'action'],
    ['muốn bổ sung số điện thoại vào hồ sơ đăng ký hộ kinh doanh', 'update', null],
    ['muốn bổ sung số điện thoại vào hồ sơ đăng ký hộ kinh doanh', 'found', 'action'],
    // an application withdrawn before it is decided is its own action, not the founding nor the closing
    ['hop tac xa dang lam thu tuc dang ky, muon rut lai ho so', 'halt', null],
    ['đã nộp hồ sơ đăng ký hộ kinh doanh nhưng muốn dừng lại không làm nữa', 'found', 'action'],
    ['đã nộp hồ sơ đăng ký hộ kinh doanh nhưng muốn dừng lại không làm nữa', 'close', 'action'],
  ] as const)('"%s" against the %s procedure: wrong %s', (question, name, kind) => {
    expect(misfit(question, names[name])?.kind ?? null).toBe(kind)
  })

  it.each([
    // the loss before "muốn" still asks for a re-issue when nothing after it names an action
    ['bị mất CCCD, muốn biết làm ở đâu', ['reissue']],
    ['căn cước hết hạn, muốn đổi thẻ mới', ['exchange']],
    // papers to add to a file and a business resumed are no action
    ['hồ sơ đăng ký kết hôn cần bổ sung giấy tờ gì', []],
    ['đã tạm ngừng kinh doanh, nay muốn kinh doanh trở lại', ['terminate']],
  ])('reads the actions of "%s" as %j', (question, asked) => {
    expect([...actions.ofQuestion(expandQuery(question, synonyms).tokens).actions].sort()).toEqual(asked)
  })
})

describe('locking and unlocking an electronic identity', () => {
  it('reads locking and unlocking as two actions in the names', () => {
    expect(actionsOf('Khóa căn cước điện tử (thực hiện tại cấp tỉnh)')).toEqual(['lock'])
    expect(actionsOf('Mở khóa căn cước điện tử (thực hiện tại cấp tỉnh)')).toEqual(['unlock'])
    expect(actionsOf('Mở khóa tài khoản định danh điện tử (thực hiện tại cấp tỉnh)')).toEqual(['unlock'])
    // opening a training course is no unlocking
    expect(actionsOf('Mở khóa đào tạo bồi dưỡng nghiệp vụ')).not.toContain('unlock')
  })

  it.each([
    [
      'bị mất điện thoại, muốn khóa tài khoản định danh điện tử',
      'Mở khóa tài khoản định danh điện tử (thực hiện tại cấp tỉnh)',
      'action',
    ],
    [
      'mat dien thoai, can khoa can cuoc dien tu gap',
      'Mở khóa căn cước điện tử (thực hiện tại cấp tỉnh)',
      'action',
    ],
    ['mat dien thoai, can khoa can cuoc dien tu gap', 'Khóa căn cước điện tử (thực hiện tại cấp tỉnh)', null],
    [
      'căn cước điện tử bị khóa rồi, làm sao dùng lại',
      'Khóa căn cước điện tử (thực hiện tại cấp tỉnh)',
      'action',
    ],
    [
      'căn cước điện tử bị khóa rồi, làm sao dùng lại',
      'Mở khóa căn cước điện tử (thực hiện tại cấp tỉnh)',
      null,
    ],
    // science and training courses name no lock
    ['dang ky de tai khoa hoc cap tinh', 'Đăng ký đề tài khoa học', null],
    ['trung tâm muốn mở khóa đào tạo thuyền trưởng', 'Mở khóa đào tạo bồi dưỡng nghiệp vụ', null],
  ])('"%s" against "%s": misfit %s', (question, name, kind) => {
    expect(misfit(question, name)?.kind ?? null).toBe(kind)
  })
})

describe('special machinery is not a motorbike', () => {
  const name = 'Bổ sung hồ sơ đăng ký chứng nhận xe cơ giới, xe máy chuyên dùng, phụ tùng xe cơ giới'

  it('reads "xe máy chuyên dùng" in a name as machinery, not as "xe máy"', () => {
    expect([...(actions.ofName(name).qualifiers.get('vehicle') ?? [])]).toEqual(['machinery'])
    expect([...(actions.ofName('Đăng ký xe máy').qualifiers.get('vehicle') ?? [])]).toEqual(['motorbike'])
  })

  it('does not fit a motorbike question, and fits one about machinery', () => {
    expect(misfit('đăng ký xe máy', name)).toEqual({ kind: 'qualifier', group: 'vehicle' })
    expect(misfit('bổ sung hồ sơ xe máy chuyên dùng', name)).toBeNull()
  })
})
