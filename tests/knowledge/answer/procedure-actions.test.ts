import { describe, expect, it } from 'vitest'
import { createProcedureActions, loadProcedureActions } from '../../../knowledge/answer/procedure-actions.ts'
import { expandQuery } from '../../../knowledge/search/expand-query.ts'
import { loadSynonyms } from '../../../knowledge/search/load-synonyms.ts'
import { readCaseGroup } from '../../helpers/read-cases.ts'

const synonyms = loadSynonyms()
const actions = createProcedureActions()
const misfit = (question: string, name: string) =>
  actions.misfit(actions.ofQuestion(expandQuery(question, synonyms).tokens), name)
/** The actions read from a procedure name, as an array. */
const actionsOf = (name: string) => [...actions.ofName(name).actions]
/** The kind of misfit a case of misfits.tsv expects (`none`: the procedure fits). */
const expectedKind = (kind: string) => (kind === 'none' ? null : kind)

describe('procedure actions', () => {
  it('reads "sắp hết" as nearing the end, and "sắp hết hạn" as "hết hạn"', () => {
    const asked = (text: string) => [...actions.ofQuestion(expandQuery(text, synonyms).tokens).actions].sort()
    expect(asked('tam tru sap het, xin them qua mang dc ko')).toEqual(['extend'])
    expect(asked('cccd sap het han roi')).toEqual(asked('cccd het han roi'))
  })

  it('reads the action of a procedure name, longest phrase first', () => {
    expect(actionsOf('Cấp lại thẻ căn cước')).toEqual(['reissue'])
    expect(actionsOf('Cấp đổi thẻ căn cước')).toEqual(['exchange'])
    // the record's own typo ("Cấp đối Giấy phép đầu tư …") reads as the exchange it is
    expect(actionsOf('Cấp đối Giấy phép đầu tư, Giấy chứng nhận đầu tư')).toEqual(['exchange'])
    expect(actionsOf('Thủ tục thay đổi, cải chính, bổ sung thông tin hộ tịch')).toEqual(['change'])
    expect(actionsOf('Đăng ký thường trú')).toEqual([])
    expect(actionsOf('Cấp lại, đổi, điều chỉnh thông tin trên sổ BHXH').sort()).toEqual([
      'change',
      'exchange',
      'reissue',
    ])
  })

  it('reads no action in what a name\'s procedure is for (after "để", up to its next alternative)', () => {
    expect(
      actionsOf(
        'Đăng ký mua, thuê mua, thuê nhà ở xã hội, vay vốn để hộ gia đình, cá nhân tự xây dựng hoặc cải tạo, sửa chữa nhà ở',
      ),
    ).toEqual([])
    expect(actionsOf('Đăng ký phát hành cổ phiếu để hoán đổi nợ')).toEqual([])
    expect(
      actionsOf(
        'Đề nghị kết nối để phối hợp thu nộp ngân sách nhà nước (NSNN)/thay đổi, bổ sung thông tin kết nối/ngừng kết nối',
      ).sort(),
    ).toEqual(['change', 'terminate'])
    // … yet a question asking that action may be answered by it
    expect(
      misfit(
        'có hỗ trợ chuyển đổi từ chăn nuôi sang nghề khác không',
        'Phê duyệt hỗ trợ kinh phí đào tạo, tập huấn để chuyển đổi từ chăn nuôi sang các nghề khác',
      ),
    ).toBeNull()
  })

  it('reads the procedure a name halts as halted, not as what the record does', () => {
    const halting =
      'Dừng thực hiện thủ tục đăng ký tổ hợp tác, hợp tác xã, liên hiệp hợp tác xã; Dừng thực hiện thủ tục giải thể hợp tác xã, liên hiệp hợp tác xã'
    expect(actionsOf(halting)).toEqual(['halt'])
    expect(misfit('giải thể tổ hợp tác', halting)?.kind).toBe('action')
    expect(misfit('rút hồ sơ đăng ký tổ hợp tác', halting)).toBeNull()
    // a later clause that is not halted keeps its own action
    expect(
      actionsOf(
        'Đề nghị dừng thực hiện thủ tục đăng ký doanh nghiệp; thông báo hủy bỏ nghị quyết, quyết định giải thể doanh nghiệp',
      ),
    ).toContain('halt')
  })

  it.each(readCaseGroup('misfits', 'fits'))('lets "%s" be answered by "%s"', (question, name) => {
    expect(misfit(question, name)).toBeNull()
  })

  it.each(readCaseGroup('misfits', 'misfit'))(
    'does not let "%s" be answered by "%s" (%s)',
    (question, name, kind) => {
      expect(misfit(question, name)?.kind).toBe(kind)
    },
  )

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

describe('a citizen going abroad and the kind of passport', () => {
  const ordinary = 'Cấp hộ chiếu phổ thông ở trong nước (thực hiện tại cấp tỉnh)'
  it.each([
    'làm hộ chiếu để đi nước ngoài',
    'đi công tác nước ngoài làm hộ chiếu',
    'sắp đi du học nước ngoài cần hộ chiếu',
  ])('fits the ordinary passport to "%s"', (question) => {
    expect(misfit(question, ordinary)).toBeNull()
  })
  it('keeps a foreigner apart from a citizen going abroad', () => {
    expect(misfit('người nước ngoài làm hộ chiếu', ordinary)).toEqual({
      kind: 'qualifier',
      group: 'nationality',
    })
  })
  it.each(['xin cấp hộ chiếu công vụ cho cán bộ đi công tác', 'làm hộ chiếu ngoại giao'])(
    'does not fit the ordinary passport to "%s"',
    (question) => {
      expect(misfit(question, ordinary)).toEqual({ kind: 'qualifier', group: 'passport' })
    },
  )
})

describe('a paper lost anywhere in the message', () => {
  const actionsIn = (q: string) => [...actions.ofQuestion(expandQuery(q, synonyms).tokens).actions]
  it.each(['bị móc túi mất bằng lái', 'đi chợ rơi mất căn cước', 'hôm qua đi đám cưới bị mất ví có cccd'])(
    'reads a re-issue in "%s"',
    (question) => {
      expect(actionsIn(question)).toEqual(['reissue'])
    },
  )
  it.each(['làm hộ chiếu có mất tiền không', 'làm căn cước thì mất bao lâu', 'ông nội tôi mất năm ngoái'])(
    'reads no loss in "%s"',
    (question) => {
      expect(actionsIn(question)).toEqual([])
    },
  )
})

describe('a closing "thôi" says "only", not "give up"', () => {
  const actionsIn = (q: string) => [...actions.ofQuestion(expandQuery(q, synonyms).tokens).actions]
  it.each([
    'không phải thường trú đâu ạ, em chỉ thuê nhà ở tạm một năm thôi thì đăng ký gì',
    'em hỏi thôi nhé, đăng ký tạm trú ở đâu',
    'thuê trọ vài tháng thôi',
  ])('reads no action in "%s"', (question) => {
    expect(actionsIn(question)).toEqual([])
  })
  it.each(['xin thôi quốc tịch Việt Nam', 'quán bán ế quá muốn thôi', 'thôi kinh doanh thì báo ai'])(
    'reads the end of something in "%s"',
    (question) => {
      expect(actionsIn(question)).toEqual(['terminate'])
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
    // damage to property is no damaged paper to re-issue
    'bị cán bộ thi hành công vụ làm hư hỏng tài sản, tôi muốn đòi nhà nước bồi thường',
    'nhà bị hư hỏng do thi công công trình bên cạnh',
    // a used vehicle bought is no new paper
    'tôi mới mua lại chiếc xe máy cũ của người quen, giờ muốn chuyển sang tên mình',
    // what someone else demands ("đòi", unmarked "doi" like "đổi"), animals destroyed in an epidemic
    'đi xin học nghề người ta doi giay khai sinh thi lam sao',
    'dan heo bi dich ta lon chau phi phai tieu huy het, nha nuoc co ho tro khong',
    // "doi voi" unmarked is "đối với" (for), not "đổi"
    'phi bao ve moi truong doi voi khai thac khoang san nop bao nhieu',
    'ngan hang doi giay xac nhan so chung minh 9 so cu, xin o dau',
  ])('reads no action in "%s"', (question) => {
    expect(actions.ofQuestion(expandQuery(question, synonyms).tokens).actions.size).toBe(0)
  })

  it.each([
    ['làm mất hộ chiếu thì làm lại ở đâu', 'reissue'],
    ['lam mat cccd', 'reissue'],
    ['đổi tiền rách ở đâu', 'exchange'],
    ['thẻ bhyt bị hư hỏng thì làm lại ở đâu', 'reissue'],
    ['cập nhật thông tin đăng ký thuế theo số căn cước', 'change'],
    // "đổi" of a detail (a number, an owner, a place) changes it; "đổi" of a paper exchanges it
    ['đổi số tài khoản ngân hàng đã đăng ký với cơ quan thuế', 'change'],
    ['cảng thủy nội địa đổi chủ', 'change'],
    ['doi bang lai xe', 'exchange'],
    ['trả lại khu vực biển nuôi trồng thủy sản', 'withdraw'],
    // "sửa lại" a roof repairs it; "sửa lại" a name on a paper changes it
    ['sửa lại mái nhà có cần xin phép xây dựng không', 'repair'],
    ['giấy khai sinh sai tên muốn sửa lại', 'change'],
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

  it.each(readCaseGroup('misfits', 'first-issue'))('lets "%s" be answered by "%s"', (question, name) => {
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
  it.each(readCaseGroup('misfits', 'after-muon'))('"%s" against "%s": misfit %s', (question, name, kind) => {
    expect(misfit(question, name)?.kind ?? null).toBe(expectedKind(kind))
  })

  it.each([
    // the loss before "muốn" still asks for a re-issue when nothing after it names an action
    ['bị mất CCCD, muốn biết làm ở đâu', ['reissue']],
    ['căn cước hết hạn, muốn đổi thẻ mới', ['exchange']],
    // papers to add to a file and a business resumed are no action
    ['hồ sơ đăng ký kết hôn cần bổ sung giấy tờ gì', []],
    ['đã tạm ngừng kinh doanh, nay muốn kinh doanh trở lại', ['suspend']],
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

  it.each(readCaseGroup('misfits', 'lock'))('"%s" against "%s": misfit %s', (question, name, kind) => {
    expect(misfit(question, name)?.kind ?? null).toBe(expectedKind(kind))
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

describe('a verb and "lại" around the paper ("đăng ký kết hôn lại")', () => {
  const asked = (question: string) => [...actions.ofQuestion(expandQuery(question, synonyms).tokens).actions]

  it.each(['đăng ký kết hôn lại vì mất giấy', 'làm căn cước lại ở đâu', 'cấp sổ đỏ lại', 'làm bằng lái lại'])(
    'reads "%s" as a re-issue',
    (question) => {
      expect(asked(question)).toEqual(['reissue'])
    },
  )

  it.each([
    // the paper's own "lại", a house rebuilt, money paid back, "lại phải" (again have to)
    'xin cấp thẻ thừa phát lại',
    'nhà cấp 4 để xây lại',
    'công ty nộp thừa thuế, xin hoàn lại',
    'làm hồ sơ lại phải mang gì',
    // a reason that decides another action: a correction, an exchange
    'làm sổ đỏ lại vì sai diện tích',
    'làm bằng lái lại vì hết hạn',
  ])('reads no re-issue in "%s"', (question) => {
    expect(asked(question)).not.toContain('reissue')
  })
})

describe('a suspension is no end', () => {
  it.each([
    ['tạm ngừng kinh doanh', ['suspend']],
    ['tạm nghỉ bán hàng', ['suspend']],
    ['giải thể hộ kinh doanh', ['terminate']],
    ['đóng cửa hẳn', ['terminate']],
    // stopping, said without "tạm" or "hẳn", may be either
    ['ngừng kinh doanh', ['suspend', 'terminate']],
    ['công ty thành lập 3 năm muốn giải thể', ['terminate']],
  ])('reads the actions of "%s" as %j', (question, asked) => {
    expect([...actions.ofQuestion(expandQuery(question, synonyms).tokens).actions].sort()).toEqual(asked)
  })

  it("fits a suspension to the suspension's name and an end to the end's", () => {
    const suspension =
      'Tạm ngừng kinh doanh, tiếp tục kinh doanh trước thời hạn đã thông báo của hộ kinh doanh'
    const end = 'Chấm dứt hoạt động hộ kinh doanh'
    expect(actionsOf(suspension)).toEqual(['suspend'])
    expect(misfit('chấm dứt hộ kinh doanh', suspension)?.kind).toBe('action')
    expect(misfit('tạm ngừng hộ kinh doanh', end)?.kind).toBe('action')
    expect(misfit('ngừng kinh doanh', suspension)).toBeNull()
    expect(misfit('ngừng kinh doanh', end)).toBeNull()
  })
})
