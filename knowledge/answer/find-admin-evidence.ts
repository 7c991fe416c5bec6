/**
 * Whether a message is about public administration, from evidence rather than from lists of
 * off-topic phrases: a word pair typed by the citizen that several procedure names hold
 * ("thai sản", "tranh chấp", "tem điện tử"), a word of public administration that is one in
 * everyday speech too ("thủ tục", "hộ khẩu", "xin phép", "cccd"), a public service the records may
 * lack (a bank card, a hospital, an embassy, a topic of the absent-topics list) or a complaint.
 * A message with such evidence is never sent away as out of scope; a message without any is.
 * @module
 */
import { containsPhrase } from '../search/contains-phrase.ts'
import type { ExpandedQuery } from '../search/expand-query.ts'
import {
  type Expansion,
  foldPhrase,
  lookupPhrase,
  type Synonyms,
  spanLimit,
} from '../search/load-synonyms.ts'
import { analyzeText, isVietnameseSyllable } from '../search/normalize-vietnamese.ts'
import { typedPhraseIn } from '../search/typed-phrase-at.ts'
import type { AbsentTopics } from './absent-topics.ts'
import { namesPrivateBrand, type PrivateThing } from './names-private-brand.ts'
import { builtInProcedureActions, type ProcedureActions } from './procedure-actions.ts'

export type FindAdminEvidenceOptions = {
  query: ExpandedQuery
  /** The dictionary, whose everyday names of papers ("cà vẹt", "sổ đỏ", "LLTP") are evidence. */
  synonyms?: Synonyms
  /** Share of the procedure names holding a folded word or word pair ("thai_san"), 0 when none. */
  wordShare?: (folded: string) => number
  /** Public-service topics the records lack (banks, telecoms, schools …). */
  topics?: AbsentTopics
  /** The fit model, whose action phrases ("tìm lại", "làm mất") name no paper. */
  actions?: ProcedureActions
}

/**
 * What the evidence is: a word of administration (`phrase`), an everyday name of a paper or body
 * from the dictionary (`name`), a word pair the procedure names hold (`pair`), a public service
 * (`service`) or a topic (`topic`) the records lack. The first two are words of administration
 * whatever else the message says; the others show that the message could be about one.
 */
export type AdminEvidence = 'phrase' | 'name' | 'pair' | 'service' | 'topic'

/**
 * A word pair held by at least this share of the procedure names (about two names in the
 * national export): one name holding an everyday pair ("chua trong", "an dua") is chance.
 */
export const PAIR_SHARE = 0.0005

/** Abbreviations of papers, bodies and numbers citizens type (folded): each names public administration. */
export const ADMIN_ABBREVIATIONS = [
  'passport',
  'visa',
  'cccd',
  'cmnd',
  'cmt',
  'gplx',
  'bhxh',
  'bhyt',
  'bhtn',
  'mst',
  'dkkd',
  'gpkd',
  'hkd',
  'htx',
  'vneid',
]

/**
 * Words of public administration that keep this sense in a chat message (folded): papers, bodies,
 * duties, benefits, actions on papers, and their abbreviations. Single syllables that are everyday
 * words when typed without marks ("hoc", "xe", "mat", "dat", "bang", "cap", "thue") are not here:
 * a pair the names hold ("dat o", "xe may", "cap lai") is the evidence for them.
 */
const ADMIN_PHRASES = [
  'giay to',
  'giay phep',
  'giay chung nhan',
  'giay xac nhan',
  'giay khai sinh',
  'thu tuc',
  'ho so',
  'xin phep',
  'cap phep',
  'xin cap',
  'cap lai',
  'cap doi',
  'cap moi',
  'le phi',
  'nop don',
  'lam don',
  'to khai',
  'khai sinh',
  'khai tu',
  'khai bao',
  'khai thue',
  'nop thue',
  // "đóng thuế": the everyday way to say it
  'dong thue',
  'quyet toan',
  'chung thuc',
  'cong chung',
  'sao y',
  'xac nhan',
  'xin xac nhan',
  'sang ten',
  'bao hiem',
  'tro cap',
  'che do',
  'uy ban',
  'ubnd',
  'cong an',
  'chinh quyen',
  'mot cua',
  'dich vu cong',
  'kinh doanh',
  'ho kinh doanh',
  'ho khau',
  'nhap khau',
  'tach khau',
  'cu tru',
  'tam tru',
  'tam vang',
  'thuong tru',
  'luu tru',
  'can cuoc',
  'dinh danh',
  'ho chieu',
  'thi thuc',
  'con nuoi',
  // a divorce is the court's; the records hold recording one decided abroad
  'li hon',
  'giam ho',
  'di chuc',
  'quan su',
  'luong huu',
  'nghi huu',
  'ho ngheo',
  'can ngheo',
  'so do',
  'so hong',
  'quyen su dung',
  'thua dat',
  // splitting or merging land parcels ("phí tách thửa": one name holds the pair), a plot in everyday words
  'tach thua',
  'hop thua',
  'manh dat',
  'lo dat',
  'mieng dat',
  'giay phep lai xe',
  // state housing ("nhà ở" alone is also "the house is at …")
  'nha o xa hoi',
  'nha o sinh vien',
  'nha o cong vu',
  'nhap quoc tich',
  'thoi quoc tich',
  'tro lai quoc tich',
  'mon bai',
  'tranh chap',
  'bang lai',
  'dang kiem',
  // a transport business's badge for its cars ("phù hiệu xe taxi")
  'phu hieu',
  'chung chi hanh nghe',
  // a certificate of a profession ("chứng chỉ kiến trúc sư sắp hết hạn"); a course's or a test's is
  // read beside its name (EVERYDAY_BESIDE_BRAND)
  'chung chi',
  ...ADMIN_ABBREVIATIONS,
  'ma so thue',
  'giam thue',
  'mien thue',
  'hoan thue',
  'phan anh',
  'kien nghi',
  'khieu nai',
  'to cao',
]

/**
 * Words that are words of administration only in some contexts (folded): "đăng ký kênh youtube",
 * "đăng ký học bơi", "cơ quan tiêu hóa", "nhà nước Văn Lang", "cán bộ lớp", "ngày quốc tế lao động",
 * "sữa chua hết hạn", "xây dựng thương hiệu". Each is evidence only in the company of what the records
 * are about (`hasCompany`): another of them or a word of administration ("đăng ký kết hôn", "thủ tục
 * ly hôn"), an action on a paper, a paper's everyday name, a public service, a word pair the names hold
 * after it ("đăng ký xe máy", "gia hạn giấy phép") or a term of three words whose two pairs they hold
 * ("công ty tôi cần giấy an ninh trật tự").
 */
export const CONTEXTUAL_PHRASES = [
  'dang ki',
  'co quan',
  'can bo',
  'nha nuoc',
  'doanh nghiep',
  'cong ti',
  'ket hon',
  'li hon',
  'li di',
  'chung minh',
  'lao dong',
  'het han',
  'gia han',
  'lam lai',
  'xay dung',
  'bien so',
  'boi thuong',
  'thua ke',
  'nghia vu',
]

/**
 * Questions of paperwork that, after a life event told (find-life-events.ts: a birth, a death), ask for
 * its procedure (folded): "làm giấy gì", "báo xã", "thủ tục gì". Not "làm gì" alone ("… nên làm gì cho đỡ buồn").
 */
const PAPER_ASKS = [
  'lam giay',
  'giay gi',
  'giay j',
  'thu tuc',
  'bao xa',
  'bao voi xa',
  'bao cong an',
  'bao chinh quyen',
  'dang ki gi',
  'khai bao',
]

/**
 * Words of administration that a private app, brand or game ({@link namesPrivateBrand}) turns to its
 * everyday sense (folded): an account's or a game's "hồ sơ", a software "giấy phép", a private
 * "bảo hiểm", a card's "visa", a variable's "khai báo". Beside such a name they are no evidence; the
 * other words of administration ("kinh doanh", "nộp thuế", "giấy phép lái xe") still are.
 */
const EVERYDAY_BESIDE_BRAND = new Set([
  'giay to',
  'giay phep',
  'ho so',
  'xin phep',
  'bao hiem',
  'khai bao',
  'visa',
  'xac nhan',
  'che do',
  'cap lai',
  // a course's certificate, a private test's fee ("chứng chỉ Coursera", "lệ phí thi TOEIC")
  'giay chung nhan',
  'chung chi',
  'le phi',
  // a profile's name ("đổi tên hồ sơ facebook")
  'doi ten',
  // a company's own process ("thủ tục check in ở sân bay", "thủ tục mở tài khoản Vietcombank")
  'thu tuc',
])

/**
 * Words of administration that keep their sense in a game (folded): duties on what a game earns
 * ("chơi game kiếm tiền có phải nộp thuế không"), the bodies and complaints of a citizen cheated in
 * one ("bị lừa mất tài khoản game, báo công an ở đâu"). Papers and acts on them are play there
 * ("giấy phép lái xe trong game GTA", "làm căn cước cho nhân vật trong game").
 */
const KEPT_IN_GAME = new Set([
  'kinh doanh',
  'ho kinh doanh',
  'khai thue',
  'nop thue',
  'dong thue',
  'quyet toan',
  'ma so thue',
  'giam thue',
  'mien thue',
  'hoan thue',
  'uy ban',
  'ubnd',
  'cong an',
  'chinh quyen',
  'dich vu cong',
  'tranh chap',
  'phan anh',
  'kien nghi',
  'khieu nai',
  'to cao',
])

/**
 * Papers and rites of private life that hold a word of administration (folded): a job application ("hồ sơ xin
 * việc", "đơn xin việc"), a company's portfolio ("hồ sơ năng lực"), a leave request at work ("đơn xin
 * nghỉ phép"), a family's rites ("thủ tục ăn hỏi"). Their words are no evidence; another word of administration in the message still is
 * ("xin lý lịch tư pháp để nộp hồ sơ xin việc").
 */
const PRIVATE_PAPERS = [
  'ho so xin viec',
  'don xin viec',
  'ho so ung tuyen',
  'don ung tuyen',
  'ho so nang luc',
  'don xin nghi phep',
  'don nghi phep',
  // leaving a job ("cách viết đơn xin nghỉ việc gửi giám đốc")
  'don xin nghi viec',
  'don nghi viec',
  'don xin thoi viec',
  // leave from work asked of a boss ("xin giấy phép nghỉ phép với sếp", "xin phép sếp nghỉ ốm")
  'giay phep nghi phep',
  'xin nghi phep',
  'nghi phep',
  'xin phep sep',
  // leave asked of parents or a teacher ("xin giấy phép của bố mẹ để đi chơi qua đêm")
  'giay phep cua bo me',
  'giay phep cua ba me',
  'giay phep cua cha me',
  'xin phep bo me',
  'xin phep ba me',
  'xin phep cha me',
  'xin phep co giao',
  'xin phep thay giao',
  // a family's rites ("thủ tục ăn hỏi cần chuẩn bị những gì", "thủ tục tân gia", "thủ tục nhập trạch")
  'thu tuc an hoi',
  'thu tuc dam hoi',
  'thu tuc cuoi hoi',
  'thu tuc tan gia',
  'thu tuc nhap trach',
  // studying abroad and scholarships asked of a school ("hồ sơ du học Úc cần những gì"), a shop's
  // membership card ("làm thẻ thành viên Coopmart")
  'ho so du hoc',
  'ho so xin hoc bong',
  'ho so hoc bong',
  'the thanh vien',
]

/**
 * Private parties whose papers a citizen may speak of (folded): a seller's warranty ("hồ sơ bảo hành",
 * "phiếu bảo hành"), a shop ("cửa hàng", "shop"), a boss at work ("hồ sơ dự án cho sếp"), a company
 * hiring ("đang tuyển", "ứng viên": its candidates' "hồ sơ"), an employer one applies to ("phỏng vấn
 * xin việc"). Beside one, the generic words for papers ({@link PARTY_PAPERS}) are that party's papers
 * and no evidence; any other word of administration still is ("sếp yêu cầu nộp lý lịch tư pháp", "xe
 * còn bảo hành, đăng ký xe lần đầu").
 */
const PRIVATE_PARTIES = [
  'bao hanh',
  'sep',
  'cua hang',
  'shop',
  'ung vien',
  'dang tuyen',
  'tuyen nguoi',
  'tuyen nhan vien',
  // an employer one applies to ("phỏng vấn xin việc cần mang giấy tờ gì")
  'xin viec',
  'phong van',
  'ung tuyen',
]

/** Generic words for papers, which say whose papers only by what is beside them (folded). */
const PARTY_PAPERS = ['ho so', 'giay to']

/** The folded message without the private papers it names (each replaced by a word no list holds). */
const withoutPrivatePapers = (whole: string): string =>
  PRIVATE_PAPERS.reduce((text, paper) => ` ${text} `.split(` ${paper} `).join(' _ ').trim(), whole)

/** Whether the folded message names a paper of private life ("hồ sơ xin việc", "đơn xin nghỉ phép"). */
export const namesPrivatePaper = (whole: string): boolean =>
  PRIVATE_PAPERS.some((paper) => containsPhrase(whole, paper))

/** Whether the folded message names a private party whose papers the generic words may be. */
const namesPrivateParty = (whole: string): boolean =>
  PRIVATE_PARTIES.some((party) => containsPhrase(whole, party))

/**
 * The words of the private papers the folded message names ("ho", "so", "xin", "viec"), and beside a
 * private party those of the generic words for papers.
 */
const privatePaperWords = (whole: string, party = false): Set<string> =>
  new Set(
    [...PRIVATE_PAPERS, ...(party ? PARTY_PAPERS : [])]
      .filter((paper) => containsPhrase(whole, paper))
      .flatMap((paper) => paper.split(' ')),
  )

/**
 * A word pair with a number in it, a digit or "một" ("tháng 7", "1 lần", "một lần"): how often or how
 * many is no object of the records ("thay nhớt xe máy bao lâu một lần"), though names hold the pair.
 */
const namesNumber = (pair: string): boolean => /\d/.test(pair) || /(?:^|_)mot(?:_|$)/.test(pair)

/** An expansion that names a place abroad (folded). */
const ABROAD = /\bnuoc ngoai\b/

/**
 * Public services the records may lack (banks, telecoms, hospitals, embassies, utilities) and
 * being called back (folded): evidence of a service question that keeps the not-covered reply with
 * the portal and the hotline, but no word of administration against the out-of-scope list
 * ("lãi suất ngân hàng nào cao nhất" stays out of scope).
 */
const SERVICE_PHRASES = [
  'ngan hang',
  'atm',
  'nha mang',
  'chuyen mang',
  'giu so',
  'sim',
  'benh vien',
  'dai su quan',
  'lanh su',
  'goi lai',
  'tien dien',
  'tien nuoc',
  'so nha',
]

/** A card ("làm thẻ ATM", unmarked "lam the nha bao"), not "thế nào" / "thế thì" folded. */
const CARD = /\b(?:lam|cap|doi|mat|xin|dang ki) the\b(?! (?:nao|thi|la|ma|a|ha|sao|gioi)\b)/

/** A span of time ("5 năm", "hai tháng", "mấy tuần") — folded words. */
const SPAN_OF_TIME = /^(?:\d+|mot|hai|ba|bon|nam|may|vai|nhieu) (?:nam|thang|tuan|ngay)$/

/**
 * Whether the folded words from `at` (`length` of them) are a contextual phrase followed by a span of
 * time, with "được" between or not ("kết hôn 5 năm", "ly hôn được 2 năm"): an event some time ago.
 */
const isTimeSince = (folded: readonly string[], at: number, length: number): boolean => {
  const phrase = folded.slice(at, at + length).join(' ')
  if (!CONTEXTUAL_PHRASES.includes(phrase)) return false
  const next = folded[at + length] === 'duoc' ? at + length + 1 : at + length
  return SPAN_OF_TIME.test(folded.slice(next, next + 2).join(' '))
}

/**
 * An everyday name the dictionary reads as an official term: two words or more ("cà vẹt",
 * "tiền rách", "sổ đỏ", "đất thổ cư"), or an abbreviation that is no Vietnamese word ("lltp",
 * "gplx"). A single everyday word it expands ("làm", "xin", "mất", "bệnh") is no evidence, nor a
 * country or a place abroad ("Hàn Quốc", "ở Mỹ", read as "nước ngoài"): places are not papers.
 */
const namesPaper = (
  query: ExpandedQuery,
  synonyms: Synonyms,
  actions: ProcedureActions,
  thing: PrivateThing = null,
): boolean => {
  // In a game even a paper's everyday name is play ("bằng lái xe trong game zingspeed").
  if (thing === 'game') return false
  const whole = query.folded.join(' ')
  // Only an expansion the message's context allows reads it as a term ("dự báo thời tiết" is the
  // forecasting licence only next to "giấy phép", "công ty" …, not in "dự báo thời tiết ngày mai").
  const applies = (e: Expansion): boolean =>
    ((!e.when.length || e.when.some((w) => containsPhrase(whole, w))) &&
      !e.unless.some((w) => typedPhraseIn(query.tokens, w))) ||
    (e.before ?? []).some(applies)
  return query.tokens.some((token, i) => {
    for (let n = spanLimit(synonyms, query.folded, i); n >= 1; n--) {
      if (n === 1 && isVietnameseSyllable(token.folded)) continue
      // Beside a brand a bare abbreviation is likelier the brand's own ("thi IELTS ở IDP" is the test
      // organiser, not the international driving permit); an everyday name of two words still names a paper.
      if (n === 1 && thing === 'brand') continue
      // Beside a brand a word it turns to its everyday sense names no paper ("thẻ visa" read as "thị thực").
      if (thing === 'brand' && EVERYDAY_BESIDE_BRAND.has(query.folded.slice(i, i + n).join(' '))) continue
      // A contextual word told as time gone by names an event of life, not its paper ("kết hôn 5 năm rồi mà
      // chồng vẫn vô tâm"); its company decides, as anywhere else.
      if (isTimeSince(query.folded, i, n)) continue
      const expansion = lookupPhrase(synonyms.expansions, query.tokens, i, n)
      if (!expansion || !applies(expansion) || ABROAD.test(foldPhrase(expansion.to))) continue
      // An action alone ("tìm lại" read as "khôi phục") names no paper: "mất điện thoại samsung tìm lại bằng
      // cách nào"; "đổi tên" read as "thay đổi cải chính hộ tịch" names one.
      const to = analyzeText(expansion.to.replace(/\[[^\]]*\]/g, ' '))
      const said = actions.phraseWords(to)
      if (to.every((t) => said.has(t.folded))) continue
      return true
    }
    return false
  })
}

/** A word at most this share of names hold (13 of 2,642) is rare: a pair holding it names an object. */
const RARE_WORD_SHARE = 0.005

/**
 * A word pair typed by the citizen that several procedure names hold (at least {@link PAIR_SHARE}),
 * with no digit and neither word among `beside` (the words of a phrase found elsewhere, such as an
 * everyday activity of the out-of-scope list), and beside such words two such pairs in a row:
 * "mua tem điện tử rượu" beside "nấu" names the records' object, while "tối nay Việt Nam đá với
 * Thái Lan" holds only single everyday pairs once "đá với" is set aside. With `oneName`, a pair a
 * single name holds counts too (beside a greeting, "Xin chào, xin mã số vùng trồng sầu riêng": that
 * name's own words), and so does one pair holding a word few names hold ("chào, thẻ ABTC").
 */
export const holdsPairBeside = ({
  query,
  wordShare,
  beside = new Set<string>(),
  oneName = false,
}: {
  query: ExpandedQuery
  wordShare: (folded: string) => number
  beside?: ReadonlySet<string>
  oneName?: boolean
}): boolean => {
  const typed = new Set(query.folded)
  const held = query.bigrams.map((pair) => {
    if (namesNumber(pair)) return false
    const [a = '', b = ''] = pair.split('_')
    if (!typed.has(a) || !typed.has(b) || beside.has(a) || beside.has(b)) return false
    return oneName ? wordShare(pair) > 0 : wordShare(pair) >= PAIR_SHARE
  })
  if (!beside.size) return held.some(Boolean)
  // (with `oneName`, a pair holding a word few names hold, "thẻ ABTC", "tem AB", is no chance either)
  const rare = (pair: string) => pair.split('_').some((w) => wordShare(w) <= RARE_WORD_SHARE)
  if (oneName && query.bigrams.some((pair, i) => held[i] && rare(pair))) return true
  // Beside such a phrase one pair may be everyday speech ("Việt Nam", "tiếng Anh"): three words in a row,
  // each pair held ("tem điện tử"), name an object of the records.
  return held.some(
    (h, i) => h && held[i + 1] && query.bigrams[i]?.split('_')[1] === query.bigrams[i + 1]?.split('_')[0],
  )
}

/**
 * The strongest kind of evidence the message holds that it is about public administration, or
 * null. Only pairs of words the citizen typed count as pairs (not those a synonym added: "mất" is
 * also read as "cấp lại", "Hàn Quốc" as "nước ngoài"), and none with a digit ("tháng 7", "1 lần").
 */
export const findAdminEvidence = ({
  query,
  synonyms,
  wordShare,
  topics,
  actions = builtInProcedureActions(),
}: FindAdminEvidenceOptions): AdminEvidence | null => {
  const whole = withoutPrivatePapers(query.folded.join(' '))
  // Beside a private app, brand or game only the words that keep their administrative sense count, and
  // neither the company of a contextual word nor a word pair the names hold ("đăng ký tài khoản Shopee").
  // In a game even two of them are play ("đăng ký kết hôn trong game"); beside an app two different ones
  // still tell a real act ("quen nhau qua TikTok, giờ muốn đăng ký kết hôn"), one said twice does not
  // ("đăng ký kênh YouTube … bao nhiêu người đăng ký").
  // Beside sport or food (`everyday`) only a word of administration counts, not a word pair the names hold
  // ("Messi mang quốc tịch nước nào", "hạn sử dụng của sữa chua").
  const thing = namesPrivateBrand(whole, query.tokens)
  const brand = thing === 'brand' || thing === 'game'
  const phrases =
    thing === 'game'
      ? ADMIN_PHRASES.filter((p) => KEPT_IN_GAME.has(p))
      : brand
        ? ADMIN_PHRASES.filter((p) => !EVERYDAY_BESIDE_BRAND.has(p))
        : ADMIN_PHRASES
  // Beside a seller, a shop or a boss, "hồ sơ" and "giấy tờ" are theirs ("hồ sơ bảo hành", "hồ sơ dự án cho sếp").
  const party = namesPrivateParty(whole)
  if (phrases.some((p) => containsPhrase(whole, p) && !(party && PARTY_PAPERS.includes(p)))) return 'phrase'
  // A birth or a death told with a question of paperwork ("ông nội em mất tuần trước nhà cần làm giấy gì").
  if (query.events?.length && !thing && PAPER_ASKS.some((p) => containsPhrase(whole, p))) return 'phrase'
  if (synonyms && namesPaper(query, synonyms, actions, thing)) return 'name'
  const contextual = findContextual(query.folded)
  if (
    contextual.length &&
    (brand
      ? thing === 'brand' && distinctPhrases(query.folded, contextual) > 1
      : hasCompany({ query, contextual, wordShare, actions, filler: synonyms?.filler }))
  )
    return 'phrase'
  // Beside a brand a card is the brand's own (a member's card at a café chain, a bank's card).
  const service = SERVICE_PHRASES.some((p) => containsPhrase(whole, p)) || (!brand && CARD.test(whole))
  const topic = !!topics?.find(query.folded).length
  // A topic the records lack named beside a private brand is that brand's product ("bảo hiểm nhân thọ
  // Prudential gói nào tốt"), not a public service to point to.
  if (brand) return service ? 'service' : null
  // A word of administration only in some contexts, without its company, is no evidence by itself, nor
  // are the pairs it is part of or a single pair beside it ("cơ quan tiêu hóa gồm những bộ phận nào").
  if (contextual.length && !service && !topic) return null
  // Beside a private paper, as beside an everyday activity, its own pairs ("hồ sơ") are no evidence and a
  // single pair may be everyday speech ("nhân viên"): three words in a row must name the records' object.
  const beside = privatePaperWords(query.folded.join(' '), party)
  if (
    wordShare &&
    thing !== 'everyday' &&
    holdsPairBeside({ query, wordShare, beside }) &&
    !namesOnlyQualifier({ query, wordShare, actions })
  )
    return 'pair'
  if (service) return 'service'
  if (topic) return 'topic'
  return null
}

/** The fit model's qualifier group of vehicles ("xe máy", "ô tô"). */
const VEHICLE = 'vehicle'

/**
 * Whether the word pairs the names hold are only the fit model's vehicle ("xe máy", "ô tô") in a
 * message asking no action: "xe máy bị chết máy giữa đường phải làm sao",
 * "thay nhớt xe máy bao lâu một lần" speak of the thing in everyday use; "xe máy bị mất", "kiểm định khí
 * thải xe máy" (another pair) stay questions.
 */
const namesOnlyQualifier = ({
  query,
  wordShare,
  actions,
}: {
  query: ExpandedQuery
  wordShare: (folded: string) => number
  actions: ProcedureActions
}): boolean => {
  const traits = actions.ofQuestion(query.tokens)
  // Only a thing in everyday use: a vehicle, not a person (a foreigner, an employer's staff).
  if (traits.actions.size || traits.variants.size || [...traits.qualifiers.keys()].some((g) => g !== VEHICLE))
    return false
  const qualifier = actions.phraseWords(query.tokens)
  if (!qualifier.size) return false
  const typed = new Set(query.folded)
  return !query.bigrams.some((pair) => {
    if (namesNumber(pair)) return false
    const [a = '', b = ''] = pair.split('_')
    return (
      typed.has(a) && typed.has(b) && !(qualifier.has(a) && qualifier.has(b)) && wordShare(pair) >= PAIR_SHARE
    )
  })
}

/** A contextual phrase found in the message: where it starts and how many words it has. */
type Found = { at: number; length: number }

/** The contextual phrases the folded words hold, without overlaps, in order. */
const findContextual = (folded: readonly string[]): Found[] => {
  const found: Found[] = []
  for (let at = 0; at < folded.length; at++) {
    const phrase = CONTEXTUAL_WORDS.find((words) => words.every((w, k) => folded[at + k] === w))
    if (!phrase) continue
    found.push({ at, length: phrase.length })
    at += phrase.length - 1
  }
  return found
}
const CONTEXTUAL_WORDS = CONTEXTUAL_PHRASES.map((p) => p.split(' '))

/** How many different contextual phrases were found ("đăng ký … người đăng ký" is one). */
const distinctPhrases = (folded: readonly string[], found: readonly Found[]): number =>
  new Set(found.map(({ at, length }) => folded.slice(at, at + length).join(' '))).size

/** How many words after a contextual phrase (its object) may hold its company. */
const NEAR = 3

/** Share of names at most holding a word pair said before a contextual phrase, as its object ("tàu cá"). */
const TOPIC_PAIR_SHARE = 0.01

/**
 * Whether the contextual phrases are used in their administrative sense: two of them ("đăng ký kết
 * hôn"), an action the fit model reads in the other words ("lần đầu", "bị mất"), a word pair the names
 * hold that reaches into one ("đăng ký xe": the names hold "ký xe"; not from a filler word, "của công
 * ty") or lies within the {@link NEAR} words after it, where its object is ("đăng ký xe máy", not "ngày quốc
 * tế lao động"),
 * or, elsewhere, three words in a row whose two pairs the names hold ("kinh doanh karaoke cần giấy an
 * ninh trật tự"). Pairs of a contextual phrase's own words do not count.
 */
const hasCompany = ({
  query,
  contextual,
  wordShare,
  actions,
  filler,
}: {
  query: ExpandedQuery
  contextual: readonly Found[]
  wordShare?: (folded: string) => number
  actions: ProcedureActions
  /** The dictionary's filler words ("của", "ở", "cho"), which join no object to a contextual phrase. */
  filler?: { has: (folded: string) => boolean }
}): boolean => {
  if (contextual.length > 1) return true
  const words = query.folded
  const within = (i: number) => contextual.some(({ at, length }) => i >= at && i < at + length)
  // An action on a paper besides it ("đăng ký ghe máy lần đầu", "đăng ký lại"): the records' sense.
  if (actions.ofQuestion(query.tokens.filter((_, i) => !within(i))).actions.size) return true
  if (!wordShare) return false
  const inside = new Set(contextual.flatMap(({ at, length }) => words.slice(at, at + length)))
  const held = (a?: string, b?: string): boolean =>
    !!a && !!b && !namesNumber(`${a}_${b}`) && wordShare(`${a}_${b}`) >= PAIR_SHARE
  const heldByFew = (a: string, b: string): boolean => wordShare(`${a}_${b}`) <= TOPIC_PAIR_SHARE
  const near = contextual.some(({ at, length }) => {
    const end = at + length
    // A filler word reaching into it is no object ("lịch nghỉ tết của công ty": names hold "của công dân").
    const joins = (word?: string) => !!word && !filler?.has(word)
    if (
      (joins(words[at - 1]) && held(words[at - 1], words[at])) ||
      (joins(words[end]) && held(words[end - 1], words[end]))
    )
      return true
    for (let i = end; i < end + NEAR - 1; i++) {
      const [a, b] = [words[i], words[i + 1]]
      if (a && b && !inside.has(a) && !inside.has(b) && held(a, b)) return true
    }
    // The object of a registration said first, as a topic ("tàu cá mới đóng, đăng ký ở đâu"): a pair few
    // names hold, shortly before.
    if (words[at] !== 'dang') return false
    for (let i = Math.max(0, at - NEAR - 1); i < at - 1; i++) {
      const [a, b] = [words[i], words[i + 1]]
      if (a && b && !inside.has(a) && !inside.has(b) && held(a, b) && heldByFew(a, b)) return true
    }
    return false
  })
  return near || holdsPairBeside({ query, wordShare, beside: inside })
}

/** Evidence that outweighs a phrase of the out-of-scope list: a word or a name of administration. */
export const isAdminWording = (evidence: AdminEvidence | null): boolean =>
  evidence === 'phrase' || evidence === 'name'
