import { mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, describe, expect, it } from 'vitest'
import { AppError } from '../../../knowledge/errors.ts'
import { expandQuery } from '../../../knowledge/search/expand-query.ts'
import { loadSynonyms } from '../../../knowledge/search/load-synonyms.ts'
import { searchedWords } from '../../helpers/analyse-message.ts'
import { readCaseGroup } from '../../helpers/read-cases.ts'

const synonyms = loadSynonyms()
const texts = (q: string) => expandQuery(q, synonyms).terms.map((t) => t.text)

describe('expandQuery', () => {
  it.each(readCaseGroup('query-words', 'expands'))('expands %s to the official term', (typed, official) => {
    expect(texts(typed).join(' ')).toBe(official)
  })

  it('keeps "chứng minh" of the old identity card as an optional qualifier, not for the new card', () => {
    const old = expandQuery('xác nhận số cmnd cũ', synonyms).terms.filter((t) => t.qualifier)
    expect(old.map((t) => [t.text, t.weight])).toEqual([
      ['chứng', 0.5],
      ['minh', 0.5],
    ])
    expect(expandQuery('làm lại cccd', synonyms).terms.some((t) => t.qualifier)).toBe(false)
  })

  it('rewrites chat-speak before matching (dk, ko)', () => {
    expect(texts('dk kết hôn ko')).toEqual(['đăng', 'ký', 'kết', 'hôn'])
  })

  it('turns "làm lại" into "cấp lại" and keeps "mất" only as a weak word', () => {
    const q = expandQuery('lam lai the can cuoc bi mat', synonyms)
    expect(q.terms.map((t) => t.folded)).toEqual(['cap', 'lai', 'the', 'can', 'cuoc', 'mat'])
    expect(q.terms.find((t) => t.folded === 'mat')?.weight).toBeLessThan(1)
  })

  it('does not read a death ("mới mất", "mất tại nhà") as a lost paper', () => {
    for (const q of [
      'bố em mới mất, làm giấy khai tử cần những gì',
      'bà ngoại mất tại nhà, làm giấy chứng tử',
    ]) {
      expect(searchedWords(q)).not.toContain('lai')
    }
    expect(searchedWords('mất hộ chiếu')).toContain('lai')
  })

  it('reads selling a house in a tax question as "chuyển nhượng bất động sản"', () => {
    const words = expandQuery('khai thuế thu nhập cá nhân khi bán nhà đất', synonyms).terms.map(
      (t) => t.folded,
    )
    expect(words).toEqual(expect.arrayContaining(['chuyen', 'nhuong', 'bat', 'dong', 'san', 'ban']))
    expect(expandQuery('bán nhà cần giấy tờ gì', synonyms).terms.map((t) => t.folded)).not.toContain('bat')
  })

  it('reads a wrong name on a land certificate as "đính chính", not a civil-status correction', () => {
    const words = expandQuery('so do ghi sai ten muon dinh chinh', synonyms).terms.map((t) => t.folded)
    expect(words).toEqual(expect.arrayContaining(['dinh', 'chinh', 'giay', 'chung', 'nhan']))
    expect(words).not.toContain('tich')
    // A birth certificate with a wrong name is still a civil-status correction.
    expect(expandQuery('giấy khai sinh sai tên', synonyms).terms.map((t) => t.folded)).toContain('tich')
  })

  it('removes question cues so "mất bao nhiêu tiền" is not read as "lost"', () => {
    const q = expandQuery('đổi căn cước mất bao nhiêu tiền', synonyms)
    expect(q.facets).toEqual(['fees'])
    expect(q.terms.map((t) => t.text)).toEqual(['đổi', 'thẻ', 'căn', 'cước'])
  })

  it('reads land asked for ("xin cấp đất") as land allocation', () => {
    expect(texts('xin cấp đất làm nhà')).toContain('giao')
  })

  it('expands "nhập khẩu" to residence only when a household is mentioned', () => {
    expect(texts('nhập khẩu cho con vào hộ')).toContain('thường')
    expect(texts('thủ tục nhập khẩu hàng hoá')).toContain('nhập')
    // "cần hồ sơ gì" typed without marks holds "ho", but a car, goods or customs make it an import
    for (const text of [
      'muon nhap khau chiec o to dang dung ben Uc, can ho so gi',
      'lo hang nhap khau, hai quan can ho so gi',
    ]) {
      expect(texts(text), text).toContain('nhap')
      expect(texts(text), text).not.toContain('thuong')
    }
  })

  it('reads a time told in the story ("tháng sau", "hôm qua") as no object of the question', () => {
    const folded = (q: string) => expandQuery(q, synonyms).terms.map((t) => t.folded)
    const words = folded('visa của chồng tôi hết hạn tháng sau, gia hạn ở đâu')
    for (const word of ['thang', 'sau']) expect(words).not.toContain(word)
    expect(words).toEqual(expect.arrayContaining(['het', 'han', 'gia']))
    const told = folded('tuan truoc toi bi mat vi, hom qua moi di trinh bao, nam ngoai cung mat mot lan')
    for (const word of ['tuan', 'truoc', 'hom', 'qua', 'ngoai']) expect(told).not.toContain(word)
    // a month named as a number stays ("tháng 7" is a date the records may state)
    expect(folded('nộp thuế tháng 7')).toContain('thang')
  })

  it('reads "bằng xe" as a driving licence, but not as the means of carrying or travelling', () => {
    const pairs = (q: string) => expandQuery(q, synonyms).bigrams
    expect(pairs('mất bằng xe máy làm lại ở đâu')).toEqual(expect.arrayContaining(['giay_phep', 'lai_xe']))
    // the vehicle beside a licence names no other procedure: one licence for every class
    expect(pairs('mất bằng lái ô tô')).toEqual(expect.arrayContaining(['giay_phep', 'lai_xe']))
    expect(expandQuery('mất bằng lái ô tô', synonyms).terms.map((t) => t.folded)).not.toContain('to')
    for (const q of [
      'giao hàng bằng xe máy có phải đăng ký kinh doanh',
      'đi bằng xe ô tô sang Lào cần giấy tờ gì',
    ])
      expect(pairs(q), q).not.toContain('lai_xe')
  })

  it('reads a country ending in "quốc" as one word, whose "quốc" is no "quốc tế"', () => {
    const quocOf = (question: string) =>
      expandQuery(question, synonyms).terms.filter((t) => t.folded === 'quoc')
    expect(quocOf('chồng tôi người Trung Quốc có bằng lái xe Trung Quốc').map((t) => t.bound)).toEqual([
      'trung_quoc',
    ])
    expect(quocOf('có bằng lái Hàn Quốc').map((t) => t.bound)).toEqual(['han_quoc'])
    // the foreigner the country tells of is still read
    const terms = expandQuery('có bằng lái Hàn Quốc', synonyms).terms.map((t) => t.folded)
    expect(terms).toEqual(expect.arrayContaining(['nuoc', 'ngoai']))
  })

  it('keeps an accented content word that folds like a filler word', () => {
    expect(texts('chứng thực di chúc')).toContain('di')
    expect(texts('thi bằng lái')).toContain('thi')
  })

  it('keeps a filler word inside an official compound: nhà ở xã hội, thiết bị, hàng không, cho thuê, cho vay, yêu cầu thi hành án', () => {
    const folded = (q: string) => expandQuery(q, synonyms).terms.map((t) => t.folded)
    expect(folded('mua nha o xa hoi can ho so gi')).toEqual(expect.arrayContaining(['nha', 'o', 'xa', 'hoi']))
    expect(expandQuery('mua nhà ở xã hội', synonyms).bigrams).toEqual(
      expect.arrayContaining(['nha_o', 'o_xa', 'xa_hoi']),
    )
    expect(folded('dang ky thiet bi buc xa')).toContain('bi')
    expect(folded('cang hang khong')).toContain('khong')
    expect(folded('cho vay vốn ưu đãi')).toEqual(expect.arrayContaining(['cho', 'vay']))
    expect(folded('hoi dong thi')).toContain('hoi')
    // the filler words themselves still go, and "ở" before a place is "in"
    expect(folded('nộp hồ sơ ở đâu')).not.toContain('o')
    expect(folded('thuê nhà ở quận 7 giá bao nhiêu')).not.toContain('o')
    // "yêu cầu" asks for requirements, or names a request the records hold
    expect(folded('trường yêu cầu nộp phiếu lý lịch tư pháp')).not.toContain('yeu')
    expect(folded('làm đơn yêu cầu thi hành án')).toEqual(expect.arrayContaining(['yeu', 'cau', 'thi']))
    expect(folded('cho em hỏi làm hộ chiếu')).not.toContain('hoi')
  })

  it('keeps the words of a paper that decides the case: a foreign birth to record, a tax residence', () => {
    const folded = (q: string) => expandQuery(q, synonyms).terms.map((t) => t.folded)
    // having a birth certificate already is no birth registration, unless it is the one to record
    expect(folded('con đã có giấy khai sinh rồi, giờ làm căn cước')).not.toContain('khai')
    expect(folded('con sinh ở Nhật đã có giấy khai sinh bên đó, muốn ghi vào sổ hộ tịch')).toEqual(
      expect.arrayContaining(['khai', 'sinh', 'ghi', 'so', 'ho', 'tich']),
    )
    // "xác nhận cư trú" is the residence confirmation (CT07), unless it is the tax residence
    expect(folded('xin giấy xác nhận cư trú')).toEqual(expect.arrayContaining(['thong', 'tin', 've']))
    expect(folded('xin giấy xác nhận cư trú thuế để hưởng hiệp định')).not.toContain('ve')
  })

  it('reads "sao" before a closing particle as "how", and keeps the "sao" of "bản sao"', () => {
    expect(texts('CCCD của mẹ hết hạn rồi giờ đổi sao ạ')).not.toContain('sao')
    expect(texts('đổi bằng lái sao nhỉ')).not.toContain('sao')
    expect(texts('xin bản sao giấy khai sinh')).toContain('sao')
  })

  it('picks out procedure codes', () => {
    expect(expandQuery('thủ tục 1.004222 cần gì', synonyms).codes).toEqual(['1.004222'])
  })

  it('builds word pairs for the phrase field', () => {
    expect(expandQuery('gia han tam tru', synonyms).bigrams).toContain('tam_tru')
  })

  it('keeps "chi" typed without marks (chỉ, chi nhánh, chi trả), weakly, though "chị" is a filler', () => {
    const chi = expandQuery('dia chi chi nhanh', synonyms).terms.find((t) => t.folded === 'chi')
    expect(chi?.weight).toBe(0.35)
    expect(texts('chị ơi làm hộ chiếu')).not.toContain('chị')
  })

  it('reads "công ty" as a business (doanh nghiệp) and keeps the words typed', () => {
    expect(texts('đổi địa chỉ trụ sở công ty')).toEqual(
      expect.arrayContaining(['địa', 'chỉ', 'trụ', 'sở', 'công', 'ty', 'doanh', 'nghiệp']),
    )
  })

  it('binds the two syllables of a word the dictionary gave ("visa" → "thị thực"), not those typed', () => {
    const bound = (q: string) => expandQuery(q, synonyms).terms.map((t) => [t.folded, t.bound])
    // ("gia hạn visa" is read as a whole by the dictionary: the foreigner's extension of stay)
    expect(bound('xin cấp visa cho chồng')).toEqual(
      expect.arrayContaining([
        ['thi', 'thi_thuc'],
        ['thuc', 'thi_thuc'],
      ]),
    )
    expect(bound('xin cấp thị thực cho chồng')).toEqual(
      expect.arrayContaining([
        ['thi', undefined],
        ['thuc', undefined],
      ]),
    )
    // said on its own too, the syllable stands alone
    expect(bound('visa thực hiện ở đâu')).toEqual(expect.arrayContaining([['thuc', undefined]]))
    // an action is no word: "mất" → "cấp lại" keeps the "lại" of "đăng ký lại"
    expect(bound('mất giấy kết hôn')).toEqual(expect.arrayContaining([['lai', undefined]]))
  })

  it('reads what follows "để" as the request when nothing but paperwork is asked before it', () => {
    const purpose = (q: string) =>
      expandQuery(q, synonyms)
        .terms.filter((t) => t.purpose)
        .map((t) => t.folded)
    expect(purpose('bố em muốn làm giấy tờ để đứng tên mảnh đất')).toEqual([])
    expect(purpose('xin xác nhận để vay vốn')).toEqual(['von'])
  })

  it('reads "dạ" opening a polite request as no word of it, and keeps "da" elsewhere (Đà Lạt, đá)', () => {
    expect(texts('dạ cho em hỏi làm hộ chiếu')).not.toContain('dạ')
    expect(texts('da anh chi oi lam ho chieu o dau')).not.toContain('da')
    expect(texts('lịch trình Đà Lạt 3 ngày')).toContain('đà')
    expect(texts('xin phep khai thac da')).toContain('da')
  })

  it('reads southern and central everyday speech: "nhiêu", "mấy bữa", "ở mô", closing "rứa", "dị", "hông"', () => {
    const facets = (q: string) => expandQuery(q, synonyms).facets
    expect(facets('đổi bằng lái tốn nhiêu tiền vậy nhen')).toEqual(['fees'])
    expect(facets('làm hộ chiếu mấy bữa thì có')).toEqual(['duration'])
    expect(facets('làm căn cước ở mô')).toEqual(['where'])
    // who the application goes to is where it is handed in
    expect(facets('làm giấy phép xây nhà thì nộp cho ai')).toEqual(['where'])
    expect(facets('giấy phép lái xe ai cấp')).toEqual(['where'])
    // choosing between two places is asking where; "đem theo" is "mang theo"; when the result comes is how long
    expect(facets('đăng ký kinh doanh ở phường hay quận')).toEqual(['where'])
    expect(facets('làm hộ chiếu có cần về quê không hay làm ở đây luôn')).toContain('where')
    expect(facets('đăng ký khai sinh cho con thì cần đem theo những gì')).toEqual(['documents'])
    expect(facets('khi nào thì có kết quả lý lịch tư pháp')[0]).toBe('duration')
    expect(texts('làm sổ hồng mất bao lâu rứa')).not.toContain('rứa')
    expect(texts('mần giấy khai sinh ở đâu dị')).not.toContain('dị')
    // typed without marks, "hong" may be "hỏng" and "di" "đi" / "di" (di chúc): kept
    expect(texts('xe bi hong phanh')).toContain('hong')
    expect(texts('lap di chuc')).toContain('di')
  })

  it('reads an elder or a child addressed ("chú ơi", "cho cháu hỏi", "dạ cô") as no word of the request', () => {
    const plain = texts('làm căn cước')
    expect(texts('dạ chú ơi cho cháu hỏi làm căn cước')).toEqual(plain)
    expect(texts('bác ơi cháu muốn hỏi làm căn cước')).toEqual(plain)
    expect(texts('dạ cô ơi cho con hỏi, làm căn cước')).toEqual(plain)
    // the same words elsewhere keep their sense ("bắc", "chủ hộ", "châu Âu" typed without marks)
    expect(texts('xe khach tuyen bac nam')).toContain('bac')
    expect(texts('tach khau chu ho')).toContain('chu')
    expect(texts('xin visa di chau au')).toContain('chau')
  })

  it('reads a formal salutation ("kính thưa cán bộ", "kính gửi quý cơ quan") and voice-typed fillers as no word of the request', () => {
    const plain = texts('làm căn cước')
    expect(texts('kính thưa cán bộ, tôi muốn hỏi làm căn cước')).toEqual(plain)
    expect(texts('kính gửi quý cơ quan, xin hỏi làm căn cước, trân trọng')).toEqual(plain)
    expect(texts('ờ thì em muốn hỏi là làm căn cước')).toEqual(plain)
  })

  it('reads the writer tired of the process ("mệt mỏi quá", "rốt cuộc", "đi mấy lần rồi") as no word of the request', () => {
    const plain = texts('chuyển hộ khẩu cần những gì')
    expect(texts('chuyển hộ khẩu rốt cuộc cần những gì, mệt mỏi quá')).toEqual(plain)
    expect(texts('đi mấy lần rồi, nhiêu khê quá, chuyển hộ khẩu cần những gì')).toEqual(plain)
  })

  it('reads acting for someone ("làm hộ bố", "làm thay mẹ") as no household and no word of the request', () => {
    const plain = texts('đổi giấy phép lái xe')
    expect(texts('làm hộ bố đổi giấy phép lái xe')).toEqual(plain)
    expect(texts('đổi giấy phép lái xe, em đi làm thay mẹ được không')).toEqual(plain)
    // a household business is still one
    expect(texts('làm hộ kinh doanh')).toEqual(expect.arrayContaining(['hộ', 'kinh', 'doanh']))
  })

  it('reads lost identity papers as the identity card', () => {
    expect(texts('mất hết giấy tờ tùy thân')).toEqual(expect.arrayContaining(['thẻ', 'căn', 'cước']))
  })

  it('remembers the reading of a word typed beside it ("công ty" read as "doanh nghiệp")', () => {
    const q = expandQuery('công ty đổi tên thì đăng ký thế nào', synonyms)
    expect(q.terms.find((t) => t.folded === 'cong')?.readAs).toEqual(['doanh', 'nghiep'])
    expect(q.terms.find((t) => t.folded === 'doanh')?.readAs).toBeUndefined()
  })

  it('reads English words mixed in ("register", "birth certificate", "transfer xe") as their Vietnamese', () => {
    expect(texts('register business')).toEqual(texts('đăng ký kinh doanh'))
    expect(texts('xin birth certificate cho con')).toEqual(texts('xin giấy khai sinh cho con'))
    expect(texts('transfer xe máy cho người khác')).toEqual(texts('sang tên xe máy cho người khác'))
    expect(texts('xác nhận single để kết hôn')).toEqual(texts('xác nhận độc thân để kết hôn'))
    // the international licence keeps what makes it one; the papers' English names are theirs
    expect(texts('xin international driving license')).toEqual(texts('xin giấy phép lái xe quốc tế'))
    expect(texts('xin police check để đi du học')).toEqual(texts('xin lý lịch tư pháp để đi du học'))
    expect(texts('đăng ký marriage với người nước ngoài')).toEqual(
      texts('đăng ký kết hôn với người nước ngoài'),
    )
  })

  it('reads an expansion’s context without the words asking for a part: a fee asked is no money received', () => {
    const words = (text: string) => expandQuery(text, synonyms).terms.map((t) => t.folded)
    // "tiền" of "hết bao nhiêu tiền" asks the fee, so a death is not the survivors' allowance ("tử tuất")
    expect(words('bố mất rồi, làm khai tử hết bao nhiêu tiền')).not.toContain('tuat')
    expect(words('bố mất rồi, nhận tiền tuất thế nào')).toContain('tuat')
    // "mất" of "mất bao lâu" is no paper lost: the first tax registration is still read
    expect(words('xin mã số thuế cá nhân mất bao lâu')).toEqual(expect.arrayContaining(['lan', 'dau']))
    expect(words('mất mã số thuế cá nhân')).not.toContain('dau')
  })

  it('weighs a span of time the message tells as a fact, not a date', () => {
    const weight = (text: string, word: string) =>
      expandQuery(text, synonyms).terms.find((t) => t.folded === word)?.weight
    expect(weight('tạm ngừng hộ kinh doanh 3 tháng', 'thang')).toBeLessThan(1)
    expect(weight('tạm ngừng hộ kinh doanh 3 tháng', '3')).toBeLessThan(1)
    expect(weight('nghỉ ốm 5 ngày có được hưởng chế độ', 'ngay')).toBeLessThan(1)
    // a date, a span cut by a clause break
    expect(weight('đất chuyển nhượng trước ngày 1 tháng 7', 'thang')).toBe(1)
    expect(weight('nộp tờ khai tháng 7', 'thang')).toBe(1)
  })

  it('reads what holds an expansion back as typed: a marked "ở" is no "ố", "mấy" no "máy"', () => {
    const words = (text: string) => expandQuery(text, synonyms).terms.map((t) => t.folded)
    // "sổ đỏ … ố" (stained) is an exchange; "ở đâu" asks where the lost certificate is re-issued
    expect(words('cấp lại sổ đỏ ở đâu')).toEqual(expect.arrayContaining(['mat']))
    expect(words('cấp lại sổ đỏ bị ố')).not.toContain('mat')
    expect(words('cap lai so do bi o')).not.toContain('mat')
    // "mất mấy tiếng" asks how long; "mất máy" is a lost machine, no paper
    expect(expandQuery('làm hộ chiếu mất mấy tiếng', synonyms).facets).toEqual(['duration'])
    expect(words('bị kẻ gian lấy mất tài khoản ngân hàng')).toEqual(expect.arrayContaining(['cap', 'lai']))
    expect(words('bị mất máy tính')).not.toContain('cap')
  })

  it('drops a word of address only where the message opens: "hy sinh" and "bột" stay words', () => {
    const words = (text: string) => expandQuery(text, synonyms).terms.map((t) => t.folded)
    expect(words('hi khôi phục mã số thuế')).not.toContain('hi')
    expect(words('chào bot, khôi phục mã số thuế')).not.toContain('bot')
    expect(words('con hy sinh khi làm nhiệm vụ')).toContain('hi')
    expect(words('nhap khau sua bot')).toContain('bot')
  })

  it('weighs bracketed qualifiers of an expansion less and builds no pairs with them', () => {
    const q = expandQuery('mất sổ đỏ', synonyms)
    const weight = (w: string) => q.terms.find((t) => t.text === w)?.weight
    expect(weight('chứng')).toBe(1)
    expect(weight('quyền')).toBe(0.5)
    expect(weight('đất')).toBe(0.5)
    expect(q.bigrams).toContain('chung_nhan')
    expect(q.bigrams).not.toContain('nhan_quyen')
    expect(q.bigrams).not.toContain('su_dung')
  })
})

describe('loadSynonyms', () => {
  const dir = mkdtempSync(join(tmpdir(), 'trolyso-synonyms-'))
  afterAll(() => rmSync(dir, { recursive: true, force: true }))

  it('merges an admin file over the built-in dictionary', () => {
    const file = join(dir, 'extra.json')
    writeFileSync(
      file,
      JSON.stringify({ expansions: [{ from: ['giấy phép bay flycam'], to: 'cấp phép bay' }] }),
    )
    const merged = loadSynonyms({ extraFile: file })
    expect(expandQuery('giấy phép bay flycam', merged).terms.map((t) => t.text)).toEqual([
      'cấp',
      'phép',
      'bay',
    ])
    expect(
      expandQuery('gplx', merged)
        .terms.map((t) => t.text)
        .join(' '),
    ).toBe('giấy phép lái xe')
  })

  it.each([
    ['not JSON', '{oops'],
    ['an unknown key', JSON.stringify({ synonyms: {} })],
    ['an expansion without targets', JSON.stringify({ expansions: [{ from: [], to: 'x' }] })],
    ['an unknown facet', JSON.stringify({ cues: { price: ['giá'] } })],
  ])('rejects a file with %s with a clear error', (_label, content) => {
    const file = join(dir, `bad-${Math.random()}.json`)
    writeFileSync(file, content)
    expect(() => loadSynonyms({ extraFile: file })).toThrow(AppError)
    expect(() => loadSynonyms({ extraFile: file })).toThrow(/từ đồng nghĩa/)
  })

  it('rejects a missing file', () => {
    expect(() => loadSynonyms({ extraFile: join(dir, 'missing.json') })).toThrow(/Không đọc được/)
  })
})
