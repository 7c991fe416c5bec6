import { describe, expect, it } from 'vitest'
import { offeredCodes } from '../../helpers/offered-codes.ts'
import { kindAndCode, usePortalKnowledgeBase } from '../../helpers/portal-knowledge-base.ts'
import { eachAnswer } from '../../helpers/portal-question-tables.ts'

const portal = usePortalKnowledgeBase()

describe('answers only what the records cover', () => {
  eachAnswer(portal, [
    'gia hạn giấy khai sinh',
    'hủy đăng ký kết hôn',
    'cấp đổi giấy chứng tử',
    // a person's paper asked for a pet
    'đăng ký thường trú cho chó',
    'làm giấy chứng tử cho thú cưng',
    'làm hộ chiếu cho chó mèo',
  ])('says plainly the records do not cover "%s", with related procedures as suggestions only', (answer) => {
    expect(answer.kind).toBe('not_found')
    expect(answer.procedure).toBeUndefined()
    expect(answer.text).toMatch(/^Dữ liệu thủ tục hành chính chính thức ở đây không có thủ tục đúng/)
    expect(answer.text).toContain('https://dichvucong.gov.vn')
    expect(answer.text).toContain('1800 1096')
    expect(answer.candidates?.length).toBeGreaterThan(0)
    expect(answer.text).toContain('Có thể liên quan:')
  })

  it('reads registering the household again after a move as the permanent residence, not a vessel’s re-registration', async () => {
    // "đăng ký lại hộ khẩu" names no re-issue: the household book is no longer issued, residence is registered
    const answer = await portal.kb.answer('chuyen nha sang phuong khac thi dang ky lai ho khau the nao')
    expect(answer.procedure?.code).not.toBe('1.006391')
    expect(answer.kind === 'answer' ? answer.procedure?.code : answer.candidates?.[0]?.code).toBe('1.004222')
  })

  it('names the action asked about when no procedure does it', async () => {
    const answer = await portal.kb.answer('gia hạn giấy khai sinh')
    expect(answer.text).toContain('(việc gia hạn bạn hỏi)')
    expect(answer.candidates?.map((c) => c.code)).toContain('1.001193')
  })

  it.each([
    'xin giấy phép bán hàng rong trên vỉa hè',
    'xin visa đi Mỹ ở đại sứ quán cần gì',
    'đăng ký học lái xe hạng B ở trung tâm nào',
    'làm thẻ thư viện tỉnh',
    // only credit institutions open accounts at the State Bank: a procedure for organisations
    'mở tài khoản ngân hàng cho con cần giấy tờ gì',
    // a company is not a household business: its certificate is not re-issued by the household's procedure
    'mất giấy phép đăng ký kinh doanh của công ty, xin cấp lại ở đâu',
  ])('never answers "%s" as if sure', async (question) => {
    expect((await portal.kb.answer(question)).kind).not.toBe('answer')
  })

  it.each([
    // … nor is a household business a company: its change is its own, not the company's beside it
    ['thay đổi địa chỉ hộ kinh doanh', '2.000720'],
    ['hộ kinh doanh của mình đổi ngành nghề, thêm bán đồ ăn', '2.000720'],
    // a suspension is no end, nor is a company's suspension the household business's
    ['tam ngung kinh doanh ho ca the 3 thang', '1.001570'],
    ['chấm dứt hoạt động hộ kinh doanh', '1.001266'],
  ])('answers "%s" with its own procedure', async (question, code) => {
    const answer = await portal.kb.answer(question)
    expect({ kind: answer.kind, code: answer.procedure?.code }).toEqual({ kind: 'answer', code })
  })

  it('says the records do not cover "mất ví tìm lại được rồi thì làm sao": only the action "khôi phục" is shared with a name', async () => {
    const answer = await portal.kb.answer('mất ví tìm lại được rồi thì làm sao')
    expect(answer.kind).toBe('not_found')
    expect(answer.text).toMatch(/^Dữ liệu thủ tục hành chính chính thức ở đây không có thủ tục đúng/)
  })

  it('does not answer "mất chó tìm lại ở đâu" with the restoring of a passport: a lost dog is outside public procedures', async () => {
    const answer = await portal.kb.answer('mất chó tìm lại ở đâu')
    expect(answer.kind).toBe('not_found')
    expect(answer.procedure).toBeUndefined()
    expect(answer.text).toMatch(/^Tôi là trợ lý về thủ tục hành chính công nên chưa trả lời được câu hỏi này/)
    expect(answer.text).not.toContain('hộ chiếu')
  })

  it('still answers the restoring of a passport found again, whose name holds the object', async () => {
    expect((await portal.kb.answer('tìm lại được hộ chiếu bị mất thì làm gì')).procedure?.code).toBe(
      '1.010384',
    )
  })

  it('names the procedure when the options it asks about are its cases', async () => {
    const mixed = await portal.kb.answer(
      'bị cán bộ thi hành công vụ làm hư hỏng tài sản, tôi muốn đòi nhà nước bồi thường',
    )
    expect(mixed.kind).toBe('clarify')
    expect(offeredCodes(mixed)).toContain('2.002165')
    expect(mixed.candidates?.[0]?.label).toMatch(/^Giải quyết yêu cầu bồi thường .*\(cấp xã\)$/)
  })

  it('only offers a long name of which the question holds a few common words', async () => {
    const answer = await portal.kb.answer('kết quả giải quyết hồ sơ nhận ở đâu')
    expect(answer.kind).toBe('clarify')
    expect(answer.text).toMatch(/^Tôi chưa chắc dữ liệu thủ tục chính thức ở đây có đúng việc bạn hỏi/)
  })

  it('asks "under or from 14" with short labels when a first identity card is asked for without an age', async () => {
    const answer = await portal.kb.answer('lam cccd lan dau can mang nhung giay to gi')
    expect(answer.kind).toBe('clarify')
    expect(answer.candidates?.map((c) => c.label)).toEqual(['Dưới 14 tuổi', 'Từ đủ 14 tuổi trở lên'])
    expect(answer.candidates?.map((c) => c.code)).toEqual(['1.014062', '1.014061'])
    expect(answer.text.split('\n')[0]).toBe(
      'Thủ tục "Cấp thẻ căn cước" có 2 trường hợp. Bạn thuộc trường hợp nào (trả lời số thứ tự)?',
    )
  })

  it('answers the variant the age decides ("14 tuổi" is đủ 14 tuổi)', async () => {
    expect((await portal.kb.answer('con 6 tuoi lam the can cuoc o dau')).procedure?.code).toBe('1.014062')
    const fourteen = await portal.kb.answer('làm căn cước cho con 14 tuổi')
    expect([fourteen.procedure?.code, ...(fourteen.candidates ?? []).map((c) => c.code)][0]).toBe('1.014061')
  })

  it('never offers more than 4 clarify options, each label at most 80 characters', async () => {
    for (const q of [
      'căn cước',
      'giấy phép',
      'đăng ký khai sinh',
      'xin thẻ tạm trú cho chồng người nước ngoài',
    ]) {
      const answer = await portal.kb.answer(q)
      if (answer.kind !== 'clarify') continue
      expect(answer.candidates!.length).toBeLessThanOrEqual(4)
      for (const c of answer.candidates!) expect(c.label!.length).toBeLessThanOrEqual(80)
    }
  })

  it('answers a complaint with the procedure a citizen uses, not one reserved for police officers, plus the feedback channel', async () => {
    const answer = await portal.kb.answer('khieu nai quyet dinh xu phat cua cong an xa')
    const offered = offeredCodes(answer)
    expect(['answer', 'clarify']).toContain(answer.kind)
    expect(offered[0]).not.toBe('1.004335')
    expect(['1.003504', '1.000178']).toContain(offered[0])
    expect(answer.text).toContain('Phản ánh, kiến nghị')
  })

  it('leads a yes/no question with yes or no when the record decides it', async () => {
    const fee = await portal.kb.answer('dang ky khai sinh co mat le phi khong')
    expect(fee).toMatchObject({ kind: 'answer', procedure: { code: '1.001193' } })
    expect(fee.text.split('\n')[0]).toBe('Không mất phí: hồ sơ thủ tục ghi miễn phí.')
    const stay = await portal.kb.answer('nhà có họ hàng lên chơi ngủ lại có phải báo lưu trú ko')
    expect(stay.text.split('\n')[0]).toBe('Có, cần làm thủ tục "Thông báo lưu trú".')
  })

  it('still answers a business question with a procedure for businesses', async () => {
    const answer = await portal.kb.answer('thanh lap cong ty tnhh mot thanh vien')
    expect(answer).toMatchObject({ kind: 'answer', procedure: { code: '2.001583' } })
  })

  it('asks which procedure is meant when another one holds every word the best one holds', async () => {
    const answer = await portal.kb.answer('tự quyết toán thuế tncn online')
    expect(answer.kind).toBe('clarify')
    expect(answer.candidates?.map((c) => c.code)).toEqual(['1.014976', '2.002233'])
    for (const c of answer.candidates ?? []) expect(c.label!.length).toBeLessThanOrEqual(80)
    expect(answer.text.split('\n')[0]).toBe(
      'Có 2 thủ tục gần với câu hỏi của bạn. Bạn hỏi về thủ tục nào (trả lời số thứ tự)?',
    )
  })

  it('still answers when the only rival does something the question does not ask ("Xóa đăng ký tàu cá")', async () => {
    expect(await portal.kb.answer('đăng ký tàu cá cần giấy tờ gì')).toMatchObject({
      kind: 'answer',
      procedure: { code: '1.003650' },
    })
  })

  it('asks which company is meant when a business licence is asked for a company, never an investment abroad', async () => {
    const answer = await portal.kb.answer('xin giấy phép kinh doanh cho công ty')
    expect(answer.kind).toBe('clarify')
    expect(offeredCodes(answer)).toEqual(expect.arrayContaining(['2.001583', '2.001199', '2.002043']))
    // a trade's licence asked by a company is that licence
    expect(
      kindAndCode(
        await portal.kb.answer('công ty mình vừa mua 5 xe tải, xin giấy phép kinh doanh vận tải cần gì'),
      ),
    ).toEqual({
      kind: 'answer',
      code: '1.000703',
    })
  })

  it('still answers what the records have for animals: "mang chó cưng từ Nhật về cần kiểm dịch gì"', async () => {
    const answer = await portal.kb.answer('mang chó cưng từ Nhật về Việt Nam cần kiểm dịch gì')
    expect(answer.kind).not.toBe('not_found')
    expect(offeredCodes(answer)).toContain('1.002496')
  })

  it.each([
    'khám sức khỏe để thi bằng lái xe ở đâu',
    // an opening the dictionary reads as the action ("xin" → cấp) is no everyday name of the object
    'xin giấy khám sức khỏe để thi bằng lái xe ở đâu',
  ])(
    'says the records do not cover a health check asked "%s", with the licence only as related',
    async (question) => {
      const answer = await portal.kb.answer(question)
      expect(answer.kind).toBe('not_found')
      expect(answer.text).toMatch(/^Dữ liệu thủ tục hành chính chính thức ở đây không có thủ tục đúng/)
      expect(answer.candidates?.map((c) => c.code)).toContain('3.000346')
    },
  )

  it.each(['học lái xe ô tô hạng B thi ở đâu', 'thi lái xe máy lần đầu cần giấy tờ gì'])(
    'reads learning or sitting the driving test as getting the licence: "%s"',
    async (question) => {
      const answer = await portal.kb.answer(question)
      expect(kindAndCode(answer)).toEqual({ kind: 'answer', code: '3.000346' })
    },
  )

  it('takes a professional certificate about to expire as a question, not one outside the records', async () => {
    const answer = await portal.kb.answer('Chứng chỉ kiến trúc sư sắp hết hạn thì làm gì?')
    expect(answer.kind).not.toBe('not_found')
    expect(offeredCodes(answer)).toContain('1.008991')
  })

  it('keeps a driving school’s own licences for a question about running one', async () => {
    const answer = await portal.kb.answer('mở trung tâm dạy lái xe ô tô cần giấy phép gì')
    expect(offeredCodes(answer)).not.toContain('3.000346')
  })

  it('answers restoring a passport found after it was reported lost, never the loss report', async () => {
    // The search reads "tìm lại được" after a loss as restoring: the restoring procedure ranks first
    // and is the answer (it was offered as an option while the loss report ranked first).
    const answer = await portal.kb.answer('hộ chiếu đã báo mất giờ tìm lại được muốn dùng tiếp')
    expect(kindAndCode(answer)).toEqual({ kind: 'answer', code: '1.010384' })
    expect(answer.candidates?.map((c) => c.code) ?? []).not.toContain('1.010386')
  })
})

describe('asks instead of saying nothing fits', () => {
  it('asks about a name holding half the question and most of its rare words, when side words narrow the object', async () => {
    // the name lacks only what is carried ("sơn dễ cháy") and on what ("bè"): its waterway sibling is offered
    const answer = await portal.kb.answer(
      'chở sơn dễ cháy bằng bè trên sông có cần giấy phép vận chuyển hàng nguy hiểm không',
    )
    expect(answer.kind).toBe('clarify')
    expect(answer.candidates?.map((c) => c.code)).toContain('2.002615')
  })

  it('answers the waterway permit when the boat is named ("thuyền" is an inland-waterway vehicle)', async () => {
    const answer = await portal.kb.answer(
      'chở sơn dễ cháy bằng thuyền trên sông có cần giấy phép vận chuyển hàng nguy hiểm không',
    )
    expect(kindAndCode(answer)).toEqual({ kind: 'answer', code: '2.002615' })
  })

  it('offers a short name the long question covers ("Tách hộ"), never as a sure answer', async () => {
    const answer = await portal.kb.answer('muon tach ho khau rieng ra khoi nha bo me thi can giay to gi')
    expect(answer.kind).toBe('clarify')
    expect(answer.candidates?.map((c) => c.code)).toEqual(['1.010038'])
    expect(answer.text).toMatch(/^Tôi chưa chắc dữ liệu thủ tục chính thức ở đây có đúng việc bạn hỏi\./)
    expect(answer.text).toContain('1800 1096')
  })

  it("adds a covered name to the options of a weak match (the survivors' allowance)", async () => {
    const answer = await portal.kb.answer('bố mất thì gia đình nhận trợ cấp mai táng ở bảo hiểm thế nào')
    expect(answer.kind).toBe('clarify')
    expect(answer.candidates?.map((c) => c.code)).toContain('2.000821')
    expect(answer.candidates?.length).toBeLessThanOrEqual(4)
  })

  it('asks between the name fitting the action and the one holding the object when they share it', async () => {
    // the re-issue of the forensic office's registration, and the licence that names the office
    const answer = await portal.kb.answer(
      'giấy phép văn phòng giám định tư pháp bị mối ăn rách, làm lại thế nào',
    )
    expect(answer.kind).toBe('clarify')
    expect(answer.candidates?.map((c) => c.code).slice(0, 2)).toEqual(['1.001117', '2.000890'])
  })

  it('offers the name fitting the action first when the other one holds only words of filing any procedure', async () => {
    // "Đăng ký tạm trú" holds only "đăng ký" beside the extension's words; the mining tender only "nộp hồ sơ":
    // no choice between the two, the fitting name offered ("có phải bạn hỏi …"), never said to be missing
    const stay = await portal.kb.answer('KT3 sắp hết hạn muốn gia hạn tạm trú')
    expect(stay.kind).toBe('clarify')
    expect(offeredCodes(stay)[0]).toBe('1.002755')
    expect(offeredCodes(stay)).not.toContain('1.004194')
    const lost = await portal.kb.answer(
      'mất giấy chứng nhận quyền sử dụng đất rồi, nộp hồ sơ xin cấp lại ở đâu',
    )
    expect(lost.kind).not.toBe('not_found')
    expect(offeredCodes(lost)).toEqual(['1.012786'])
  })

  it('shares no word typed with other marks than the name’s ("dựng" is not the "dụng" of "sử dụng")', async () => {
    const answer = await portal.kb.answer(
      'nhà làm đám giỗ muốn dựng rạp trên vỉa hè một ngày có cần xin phép không',
    )
    expect(answer.kind).not.toBe('not_found')
    expect(offeredCodes(answer)[0]).toBe('1.013274')
    // a word the name holds with the same marks still narrows: life insurance is not health insurance
    expect((await portal.kb.answer('làm thẻ bảo hiểm nhân thọ')).kind).toBe('not_found')
  })

  it('reads "hk" beside an action on it as the household registration', async () => {
    expect(offeredCodes(await portal.kb.answer('muon tach hk rieng ra khoi nha bo me'))[0]).toBe('1.010038')
    expect(kindAndCode(await portal.kb.answer('nhap hk cho vo ve nha chong'))).toEqual({
      kind: 'answer',
      code: '1.004222',
    })
  })

  it('reads a count or a child after "nuôi" as whom the adoption is for, not a narrower object', async () => {
    for (const question of [
      'hai vợ chồng muốn nhận nuôi một bé trong chùa',
      'xin về nuôi một bé bị bỏ rơi ở cổng chùa',
    ])
      expect(kindAndCode(await portal.kb.answer(question)), question).toEqual({
        kind: 'answer',
        code: '2.001263',
      })
    // (fish are no child)
    expect((await portal.kb.answer('xin nuôi cá cảnh cần giấy phép không')).procedure?.code).not.toBe(
      '2.001263',
    )
  })

  it('still says not covered when the name fitting the action is about something else', async () => {
    for (const question of [
      'hủy đơn hàng Shopee',
      'gia hạn hộ chiếu hết hạn',
      'xóa nợ thuế cho hộ kinh doanh đã nghỉ',
    ])
      expect((await portal.kb.answer(question)).kind).toBe('not_found')
  })

  it('asks between a short name the question names and a long one holding its words among many, the short one first', async () => {
    // 1.013314 "Xác nhận về điều kiện diện tích … để đăng ký thường trú vào chỗ ở do thuê …" serves 1.004222
    // "Đăng ký thường trú", so it ranks below it (find-served-sibling.ts) and is offered second.
    const answer = await portal.kb.answer('dang ky thuong tru vao nha thue can giay to gi')
    expect(answer.kind).toBe('clarify')
    expect(answer.candidates?.map((c) => c.code)).toEqual(['1.004222', '1.013314'])
  })

  it.each([
    // the question's other words tell the story around a name it asks for in full
    ['sổ đỏ ghi sai tên chủ đất, muốn đính chính thì làm sao', '1.012796'],
    ['vợ sinh xong bao lâu thì nhận được tiền thai sản', '2.000693'],
    ['muốn tách thửa đất chia cho 2 đứa con thì làm sao', '1.012784'],
    // a phrase of the story ("bệnh viện Từ Dũ", "du lịch") narrows nothing the name names
    [
      'vợ em mới sinh bé ở bệnh viện Từ Dũ, nhà em ở quận Gò Vấp, giờ làm giấy khai sinh cho bé thì làm ở đâu ạ',
      '1.001193',
    ],
    ['muốn đi du lịch Thái Lan thì làm hộ chiếu ở đâu', '1.001456'],
    // "Đăng ký giám sát việc giám hộ" is the plain registration with words the question does not say
    ['đăng ký giám hộ cho cháu mồ côi', '1.004837'],
    // a weak match far ahead of every other fitting procedure
    ['mới mua xe máy mới ở đại lý, đăng ký biển số cần mang gì', '1.013067'],
    ['sang tên xe máy mua lại của người khác', '1.013076'],
    // the question names the best name in full: a rival holding as much of it is not a choice by that alone
    ['hợp nhất hai công ty luật', '1.002218'],
    // a loss reported is a re-issue asked for
    ['báo mất căn cước', '1.014064'],
    // an old person named without an age is past every age limit ("từ đủ 14 tuổi trở lên")
    ['làm căn cước cho người già không đi được', '1.014061'],
    // a baby named without an age is under every child's limit
    ['làm căn cước cho em bé', '1.014062'],
    // nor is an age said in words
    ['làm căn cước cho con mười bốn tuổi', '1.014061'],
    ['con tôi chưa đủ mười bốn tuổi làm căn cước', '1.014062'],
    // a paper described rather than named
    ['cái thẻ có chip của tôi bị gãy rồi làm lại thế nào', '1.014064'],
    ['giấy tờ xe máy bị mất thì xin lại ở đâu', '1.013080'],
    ['làm căng cước cho con 15 tuổi', '1.014061'],
    ['tôi muốn đăng ký tạm chú cho con đi học', '1.004194'],
    ['làm hộchiếu ở đâu', '1.001456'],
    ['khai xinh cho con', '1.001193'],
    // a land certificate lost, burnt or its papers gone astray is re-issued as lost
    ['sổ đỏ bị thất lạc', '1.012786'],
    ['giấy tờ nhà đất bị thất lạc', '1.012786'],
    ['sổ đỏ bị cháy', '1.012786'],
    // an office, a farm or a workshop speaks for an organisation: its procedure is answered, not offered
    ['văn phòng luật sư muốn đổi người đại diện theo pháp luật', '1.002055'],
    ['văn phòng công chứng bị mất giấy đăng ký hoạt động', '1.013837'],
    // officials coming to the home of someone who cannot go is the mobile registration; a death at home is not
    ['bố tôi nằm liệt giường, xã có đến nhà làm khai tử cho mẹ tôi không', '1.000419'],
    ['bà nội mất tại nhà, đăng ký khai tử ở đâu', '1.000656'],
    // papers described by what they are for
    ['tờ giấy xác nhận chỗ ở của con để nhập học xin ở đâu', '1.010041'],
    ['cái thẻ khám bệnh bảo hiểm của mẹ tôi bị mất', '1.002759'],
    // a copy of a civil-status paper is an extract of the register, not a copy of a secured-transaction record
    ['giấy chứng nhận kết hôn bị mất xin bản sao ở đâu', '2.000635'],
    // a citizen buying social housing applies to buy it; the investor's price appraisal is no answer
    ['vợ chồng công nhân muốn mua nhà ở xã hội', '1.014632'],
    // a used car bought is a change of owner, wherever it is registered next
    ['tôi mua ô tô cũ ở Hà Nội mang về Nghệ An đăng ký', '1.013076'],
    // looking up fits a name that provides or opens information ("Khai thác thông tin …")
    ['toi muon tra cuu thong tin cua minh trong co so du lieu can cuoc', '1.014056'],
    // a card dropped and lost, as the South says it
    ['cái thẻ căn cước bị rớt mất hồi hôm, giờ sao', '1.014064'],
    // everyday verbs for the records' actions: selling a vehicle hands its registration back, giving
    // a child land is a transfer, giving up nationality, registering an adopted child
    ['bán xe máy cần làm gì', '1.013065'],
    ['trả lại biển số xe', '1.013065'],
    ['cho con mảnh đất thì làm sao', '1.013831'],
    ['nhận thừa kế nhà của bố mẹ', '1.013831'],
    // two social-insurance books merged: the book's re-issue and correction, never land plots merged
    ['tôi có 2 sổ bhxh ở hai công ty, muốn gộp lại', '1.002759'],
    // "đăng ký kết hôn lại" is "đăng ký lại kết hôn", never a first marriage registration
    ['đăng ký kết hôn lại vì mất giấy', '1.004746'],
    ['con nuôi đăng ký thế nào', '2.001263'],
    // a flat bought in a project gets its certificate as the transferee of a home in a real-estate project
    ['mua nhà chung cư xong làm sổ hồng', '1.012787'],
    // buying health or social insurance as a person is registering for it
    ['tôi làm tự do, muốn tự mua bảo hiểm y tế', '1.001939'],
    ['mua bảo hiểm xã hội ở đâu', '1.002179'],
  ])('answers "%s" outright', async (question, code) => {
    expect(kindAndCode(await portal.kb.answer(question))).toEqual({ kind: 'answer', code })
  })

  it.each([
    'bố tôi già yếu không đi được, muốn làm căn cước',
    'lam can cuoc cho me toi',
    // a mother as the South calls her
    'má tui già rồi đi hông nổi, muốn làm căn cước cho má thì sao',
  ])('never offers a child’s card for a grown-up named by kinship: "%s"', async (question) => {
    const answer = await portal.kb.answer(question)
    const offered = answer.procedure ? [answer.procedure] : (answer.candidates ?? [])
    expect(offered.map((c) => c.code)).toContain('1.014061')
    expect(offered.map((c) => c.code)).not.toContain('1.014062')
  })

  it.each([
    // the kind of vehicle beside a driving licence: one licence for every class
    ['mất bằng lái ô tô làm lại thế nào', '3.000348'],
    ['cấp lại giấy phép lái xe ô tô', '3.000348'],
    ['đổi bằng lái xe ô tô ở đâu', '3.000347'],
  ])('answers a driving licence named with its vehicle, "%s", with the licence', async (question, code) => {
    expect(kindAndCode(await portal.kb.answer(question))).toEqual({ kind: 'answer', code })
  })

  it.each([
    'tôi là người Nhật, có bằng lái của Nhật, muốn lái xe ở Việt Nam',
    'chồng tôi người Trung Quốc có bằng lái xe Trung Quốc, muốn lái xe ở đây thì sao',
  ])(
    'offers a foreigner the exchange of a foreign licence, never the international licence: "%s"',
    async (question) => {
      const answer = await portal.kb.answer(question)
      const offered = (answer.procedure ? [answer.procedure] : (answer.candidates ?? [])).map((c) => c.code)
      expect(offered).toContain('3.000351')
      expect(offered).not.toContain('3.000353')
    },
  )

  it.each([
    // an action the question denies is not asked ("không mất": not a re-issue)
    ['tôi không mất giấy phép lái xe, chỉ là nó hết hạn', '3.000347'],
    ['không phải xóa thường trú, tôi muốn xóa tạm trú', '1.010028'],
    // alone among the fitting procedures, holding the whole question and far ahead: answered, not asked about
    ['xin hưởng chế độ ốm đau', '1.001667'],
    // a worn land certificate not lost is exchanged
    ['sổ đỏ không mất, chỉ cũ nát muốn đổi', '1.012783'],
    // groundwater is "nước dưới đất" in the names, not surface water
    ['giấy phép khai thác nước ngầm của xưởng sắp hết hạn, gia hạn ở đâu', '1.004211'],
    // a cooperative moving its seat notifies the change of its registration (not its tax registration)
    ['htx đổi địa chỉ trụ sở thì thông báo thay đổi thế nào', '1.004979'],
    // which police office is where to go, not a province-level variant ("… (thực hiện tại cấp tỉnh)")
    ['làm căn cước ở công an xã hay công an tỉnh', '1.014061'],
    // a landlord asking a student to register is the temporary residence
    [
      'Con tôi đỗ đại học ở Hà Nội. Cháu ở trọ gần trường. Chủ trọ bảo phải đăng ký cho cháu, làm ở đâu?',
      '1.004194',
    ],
    // a cooperative group's "business registration" is its founding registration, not a tax-registration change
    ['đăng ký kinh doanh cho tổ hợp tác', '2.002637'],
    // a second work accident is the procedure for one who was injured before
    ['chồng tôi đã bị tai nạn lao động một lần, nay lại bị tai nạn nữa thì hưởng chế độ thế nào', '1.001643'],
    ['tôi muốn tham gia tổ bảo vệ an ninh trật tự ở cơ sở', '1.012533'],
    // mending a roof is the repair permit, not a re-issued licence of aircraft mechanics ("sửa … lại")
    ['sửa lại mái nhà có cần xin phép không', '1.013229'],
    // goods named the everyday way: pig feed is animal feed, floor tiles are building materials
    ['xưởng sản xuất cám heo cần giấy chứng nhận đủ điều kiện', '1.008126'],
    ['nhập khẩu gạch ốp lát cần kiểm tra chất lượng', '1.014913'],
    // a household business closing for the holidays suspends its business
    ['quán cơm của hộ kinh doanh nghỉ tết 2 tháng có phải báo không', '1.001570'],
  ])('offers the procedure that fits "%s"', async (question, code) => {
    const answer = await portal.kb.answer(question)
    const offered = answer.procedure ? [answer.procedure] : (answer.candidates ?? [])
    expect(offered.map((c) => c.code)).toContain(code)
  })

  it.each([
    // a word no procedure name holds: the records do not cover what is asked about
    'xin giấy phép hành nghề massage spa ở đâu',
    // a phrase right after the name's words narrows it to what the records lack
    'xin cấp hộ chiếu công vụ cho cán bộ đi công tác',
    // a complaint's words are its grievance, not a story around a procedure
    'phản ánh việc làm sổ đỏ quá lâu',
    'phản ánh kiến nghị việc đường liên thôn bị xe tải chở cát cày nát, gửi ở đâu',
    // alone among the candidates, but holding too little of the question
    'con được giấy khen học sinh giỏi có nên thưởng tiền không',
    // alone, but lacking the phrase that names the object ("hộ nghèo"), the question's rarest words
    'xin cấp lại sổ hộ nghèo',
    // looking a number up is no registration: no procedure looks up a tax code
    'tra cứu mã số thuế cá nhân',
    // a name opening with an action nobody asked for: a reduction is not paying the tax
    'nop thue dat hang nam',
    'nhà thầu nước ngoài khai thuế ở việt nam cần hồ sơ gì',
    // alone and far ahead, but about a topic the records lack for a citizen (life insurance): still asked
    'lam the bao hiem nhan tho',
    // a divorce itself is the court's: recording one decided abroad is no answer to it
    'don phuong ly hon can giay to gi',
    // a foreigner's passport is issued by their own country, never by the Vietnamese passport procedures
    'tôi người Hàn, mất hộ chiếu ở Việt Nam thì làm sao',
    // a grown-up beside a child of no age: the card is the child's, under or over 14
    'vợ tôi muốn làm căn cước cho con',
  ])('still never answers "%s" as if sure', async (question) => {
    expect((await portal.kb.answer(question)).kind).not.toBe('answer')
  })
})
