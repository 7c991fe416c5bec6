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
import { isVietnameseSyllable } from '../search/normalize-vietnamese.ts'
import type { AbsentTopics } from './absent-topics.ts'

export type FindAdminEvidenceOptions = {
  query: ExpandedQuery
  /** The dictionary, whose everyday names of papers ("cà vẹt", "sổ đỏ", "LLTP") are evidence. */
  synonyms?: Synonyms
  /** Share of the procedure names holding a folded word or word pair ("thai_san"), 0 when none. */
  wordShare?: (folded: string) => number
  /** Public-service topics the records lack (banks, telecoms, schools …). */
  topics?: AbsentTopics
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
  'dang ki',
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
  'quyet toan',
  'chung thuc',
  'cong chung',
  'sao y',
  'xac nhan',
  'sang ten',
  'bao hiem',
  'tro cap',
  'che do',
  'uy ban',
  'ubnd',
  'cong an',
  'chinh quyen',
  'nha nuoc',
  'co quan',
  'can bo',
  'mot cua',
  'dich vu cong',
  'kinh doanh',
  'doanh nghiep',
  'cong ti',
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
  'chung minh',
  'dinh danh',
  'ho chieu',
  'thi thuc',
  'ket hon',
  'li hon',
  'li di',
  'con nuoi',
  'giam ho',
  'di chuc',
  'thua ke',
  'nghia vu',
  'quan su',
  'lao dong',
  'luong huu',
  'nghi huu',
  'ho ngheo',
  'can ngheo',
  'tranh chap',
  'boi thuong',
  'so do',
  'so hong',
  'quyen su dung',
  'thua dat',
  'giay phep lai xe',
  'bang lai',
  'bien so',
  'dang kiem',
  'het han',
  'gia han',
  'lam lai',
  'xay dung',
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

/**
 * An everyday name the dictionary reads as an official term: two words or more ("cà vẹt",
 * "tiền rách", "sổ đỏ", "đất thổ cư"), or an abbreviation that is no Vietnamese word ("lltp",
 * "gplx"). A single everyday word it expands ("làm", "xin", "mất", "bệnh") is no evidence, nor a
 * country or a place abroad ("Hàn Quốc", "ở Mỹ", read as "nước ngoài"): places are not papers.
 */
const namesPaper = (query: ExpandedQuery, synonyms: Synonyms): boolean => {
  const whole = query.folded.join(' ')
  // Only an expansion the message's context allows reads it as a term ("dự báo thời tiết" is the
  // forecasting licence only next to "giấy phép", "công ty" …, not in "dự báo thời tiết ngày mai").
  const applies = (e: Expansion): boolean =>
    ((!e.when.length || e.when.some((w) => containsPhrase(whole, w))) &&
      !e.unless.some((w) => containsPhrase(whole, w))) ||
    (e.before ?? []).some(applies)
  return query.tokens.some((token, i) => {
    for (let n = spanLimit(synonyms, query.folded, i); n >= 1; n--) {
      if (n === 1 && isVietnameseSyllable(token.folded)) continue
      const expansion = lookupPhrase(synonyms.expansions, query.tokens, i, n)
      if (expansion && applies(expansion) && !ABROAD.test(foldPhrase(expansion.to))) return true
    }
    return false
  })
}

/**
 * A word pair typed by the citizen that several procedure names hold (at least {@link PAIR_SHARE}),
 * with no digit and neither word among `beside` (the words of a phrase found elsewhere, such as an
 * everyday activity of the out-of-scope list), and beside such words two such pairs in a row:
 * "mua tem điện tử rượu" beside "nấu" names the records' object, while "tối nay Việt Nam đá với
 * Thái Lan" holds only single everyday pairs once "đá với" is set aside.
 */
export const holdsPairBeside = ({
  query,
  wordShare,
  beside = new Set<string>(),
}: {
  query: ExpandedQuery
  wordShare: (folded: string) => number
  beside?: ReadonlySet<string>
}): boolean => {
  const typed = new Set(query.folded)
  const held = query.bigrams.map((pair) => {
    if (/\d/.test(pair)) return false
    const [a = '', b = ''] = pair.split('_')
    return typed.has(a) && typed.has(b) && !beside.has(a) && !beside.has(b) && wordShare(pair) >= PAIR_SHARE
  })
  if (!beside.size) return held.some(Boolean)
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
}: FindAdminEvidenceOptions): AdminEvidence | null => {
  const whole = query.folded.join(' ')
  if (ADMIN_PHRASES.some((p) => containsPhrase(whole, p))) return 'phrase'
  if (synonyms && namesPaper(query, synonyms)) return 'name'
  if (wordShare && holdsPairBeside({ query, wordShare })) return 'pair'
  if (SERVICE_PHRASES.some((p) => containsPhrase(whole, p)) || CARD.test(whole)) return 'service'
  if (topics?.find(query.folded).length) return 'topic'
  return null
}

/** Evidence that outweighs a phrase of the out-of-scope list: a word or a name of administration. */
export const isAdminWording = (evidence: AdminEvidence | null): boolean =>
  evidence === 'phrase' || evidence === 'name'
