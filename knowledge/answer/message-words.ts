/**
 * Words of a message read before and beside search: words that name no topic, masked personal data, the
 * words the dictionary rewrote, and the built-in dictionary itself.
 * @module
 */

import type { ExpandedQuery } from '../search/expand-query.ts'
import { inCompound } from '../search/in-compound.ts'
import { loadSynonyms, lookupPhrase, type Synonyms, spanLimit } from '../search/load-synonyms.ts'
import { type AnalyzedToken, foldVietnamese } from '../search/normalize-vietnamese.ts'

/** Words that name no topic on their own: a message of only these is a follow-up. */
export const GENERIC = new Set([
  'cap',
  'lai',
  'doi',
  'moi',
  'nop',
  'xin',
  'dang',
  'ki',
  'the',
  'giay',
  'to',
  'ho',
  'so',
  'nay',
  'do',
])

let defaultSynonyms: Synonyms | null = null
/** The built-in dictionary, loaded once. */
export const builtInSynonyms = () => {
  defaultSynonyms ??= loadSynonyms()
  return defaultSynonyms
}

/**
 * Forms of address that open a message ("Kính gửi quý cơ quan,", "Thưa cán bộ,", "bot ơi,"): the office,
 * official or assistant addressed is no topic of the message ("Kính gửi quý cơ quan, dự báo thời tiết Huế
 * ngày mai", "bot ơi, messi hay ronaldo giỏi hơn": a question outside the records, not praise of the bot).
 */
const ADDRESS =
  /^\s*(?:(?:kính\s+)?(?:gửi|thưa)\s+(?:quý\s+)?(?:cơ\s+quan|cán\s+bộ|anh\s+chị(?:\s+cán\s+bộ)?|ban\s+quản\s+trị|ad|admin)|kinh\s+gui\s+quy\s+co\s+quan|kinh\s+gui\s+co\s+quan|thua\s+can\s+bo|(?:bot|ad|admin|trợ\s+lý)\s+(?:ơi|oi)(?=\s*[,.:;!]))\s*[,.:;!]?\s*/iu

/** Whose number it is: "sđt em ***", "số điện thoại của tôi là ***". */
const WHOSE = String.raw`(?:\s+(?:của\s+)?(?:em|tôi|toi|mình|minh|anh|chị|chi|con|bố|mẹ))?`
/** The "là" or ":" before the number. */
const IS = String.raw`\s+(?:là|la)\s*:?\s*|\s*:\s*`

/** Words that label personal data: a phone, an e-mail, a number, Zalo. */
const CONTACT_LABEL = String.raw`(?:số\s+điện\s+thoại|so\s+dien\s+thoai|điện\s+thoại|dien\s+thoai|sđt|sdt|đt|dt|email|e-mail|mail|zalo|số|so)`

/** An identity number's label: the paper itself when the number is only given ("cccd của tôi là ***"). */
const ID_LABEL = String.raw`(?:(?:số|so)\s+)?(?:cccd|cmnd|căn\s+cước|can\s+cuoc|định\s+danh|dinh\s+danh)`

/**
 * Personal data left masked, with its label: "sđt em ***", "số: ***"; an identity paper only with "là"
 * or ":" ("cccd của tôi là ***").
 */
const MASKED = new RegExp(
  String.raw`(?:(?<![\p{L}\p{N}])(?:${CONTACT_LABEL}${WHOSE}(?:${IS}|\s*)|${ID_LABEL}${WHOSE}(?:${IS})))?\*\*\*`,
  'giu',
)

/** A clause that only gives a way to reach the citizen ("liên hệ em qua ***", "gọi cho tôi theo số ***"). */
const CONTACT_CLAUSE =
  /(?:^|(?<=[,.;!?\n]))\s*(?:xin\s+)?(?:liên\s+hệ|lien\s+he|gọi|goi|nhắn|nhan)(?:\s+(?:lại\s+)?(?:cho\s+)?(?:em|tôi|toi|mình|minh))?(?:\s+(?:qua|theo|vào|vao|số|so))*\s*\*\*\*\s*(?=[,.;!?\n]|$)/giu

/**
 * Personal data left masked ("số ***", "sđt em ***", "cccd của tôi là ***", "liên hệ em qua ***") says
 * nothing about the procedure: the number goes with its label and whose it is. An identity paper named
 * with its number but no "là" stays ("cccd *** bị mất": the card is what is asked about).
 */
const withoutMasks = (question: string) =>
  question.includes('***') ? question.replace(CONTACT_CLAUSE, ' ').replace(MASKED, ' ') : question

/** The message without the form of address that opens it ({@link ADDRESS}); a form of address alone stays: it greets. */
const withoutAddress = (question: string) => {
  const unaddressed = question.replace(ADDRESS, '')
  return unaddressed.trim() ? unaddressed : question
}

/** A capitalised word of a person's name ("Lan", "Nguyễn"). */
const NAME_WORD = String.raw`\p{Lu}[\p{Ll}\p{M}]*`

/** The most common family names: a last line that starts with one and is a name is a signature. */
const SURNAMES =
  'Nguyễn|Trần|Lê|Phạm|Hoàng|Huỳnh|Phan|Vũ|Võ|Đặng|Bùi|Đỗ|Hồ|Ngô|Dương|Lý|Đinh|Đoàn|Trịnh|Trương|Lâm|Lương|Mai|Tạ|Tô|Cao|Chu|Kiều|Quách|Thái'

/**
 * The citizen's own name, introduced in a clause of its own ("em tên Lan,", "tôi tên là Nguyễn Văn An.")
 * or signed on the last line ("--\nNguyễn Văn An", "Trân trọng,\nLê Thị Hoa": a family name and one to
 * four more capitalised words).
 */
const OWN_NAME = new RegExp(
  String.raw`(?:^|(?<=[,.;!?\n]))\s*(?:em|tôi|toi|mình|minh|cháu|chau|con)\s+(?:tên|ten)\s+(?:(?:là|la)\s+)?${NAME_WORD}(?:\s+${NAME_WORD}){0,4}\s*(?=[,.;!?\n]|$)|\n[\s\-–—_.]*(?:${SURNAMES})(?:[ \t]+${NAME_WORD}){1,4}[ \t.]*$|\n[\s\-–—_.]*$`,
  'gu',
)

/** Kin and others a citizen asks for ("mẹ em", "bà nội tôi", "hàng xóm"), with marks or without. */
const KIN = String.raw`(?:mẹ|me|má|ma|bố|bo|ba|bà|cha|ông|ong|anh|chị|chi|em|cô|co|chú|chu|bác|bac|dì|di|cậu|cau|vợ|vo|chồng|chong|con|cháu|chau|bạn|ban|hàng\s+xóm|hang\s+xom|người\s+quen|nguoi\s+quen)(?:\s+(?:nội|noi|ngoại|ngoai|ruột|ruot|gái|gai|trai))?(?![\p{L}\p{N}])`

/** The one who writes: "em", "tôi", "mình", "cháu", "con". */
const WRITER = '(?:em|tôi|toi|mình|minh|cháu|chau|con)'

/**
 * "giúp", "giùm", "hộ": on someone's behalf; not the "hộ" of a household ("hỏi hộ kinh doanh", "hộ
 * khẩu", "hộ chiếu", "hộ nghèo"), which is what is asked about.
 */
const ON_BEHALF = String.raw`(?:giúp|giup|giùm|gium|(?:hộ|ho)(?!\s+(?:kinh|kd|cá|ca|khẩu|khau|chiếu|chieu|tịch|tich|nghèo|ngheo|cận|can|gia|tộc|toc)(?![\p{L}\p{N}])))`

/**
 * Who the citizen asks for, in a clause that opens the message or a sentence: "mẹ em nhờ hỏi", "bà nội
 * tôi nhờ cháu hỏi giúp:", "em hỏi giùm bố em,", "hỏi hộ hàng xóm". Whom the procedure is for is asked in
 * the rest ("mẹ em nhờ hỏi làm thẻ bhyt cho bà"), which stays.
 */
const ASKING_FOR = new RegExp(
  String.raw`(?:^|(?<=[,.;!?\n]))\s*(?:${KIN}(?:\s+(?:của\s+|cua\s+)?${WRITER})?\s+(?:nhờ|nho)(?:\s+${WRITER})?\s+(?:hỏi|hoi)(?:\s+${ON_BEHALF})?(?:\s+(?:là|la))?|(?:${WRITER}\s+)?(?:hỏi|hoi)\s+(?:${ON_BEHALF}|cho)\s+${KIN}(?:\s+(?:của\s+|cua\s+)?${WRITER})?)(?![\p{L}\p{N}])\s*[,:]?`,
  'giu',
)

/**
 * A word that opens a message and only turns to it, set off by a comma ("thôi, tạm trú thôi": never mind
 * the last one; "ờ, …", "ok, …"): no "thôi" of giving up a nationality or a job.
 */
const OPENING_TURN = /^\s*(?:thôi|thoi|ờ|ừ|ừm|uh|ok|oke|okay|vâng|vang)\s*[,.!]+\s*/iu

/**
 * The message without the asides that name no procedure: masked personal data, the citizen's own name,
 * whom they ask for, a word that only turns to the message, the form of address that opens it.
 */
export const withoutAsides = (asked: string) =>
  withoutAddress(
    withoutMasks(asked)
      .replace(OWN_NAME, (m) => (m.trim() ? ' ' : m))
      .replace(ASKING_FOR, ' ')
      .replace(OPENING_TURN, ''),
  )

/**
 * A word that opens a reply to a list and only points at an option ("loại dưới 14 tuổi", "cái cấp đổi",
 * "chọn thủ tục cấp lại", "trường hợp …" stays: options are cases): not "cai" of "cai nghiện".
 */
const PICKING =
  /^\s*(?:(?:cho\s+(?:tôi|toi|em|mình|minh|tui)\s+)?(?:chọn|chon|lấy|lay)\s+)?(?:(?:loại|loai|kiểu|kieu|dạng|dang)(?!\s+(?:ký|ki|ky|hình|hinh))|cái|cai(?!\s+(?:nghiện|nghien|thuốc|thuoc|sữa|sua)))\s+(?:thủ\s+tục\s+|thu\s+tuc\s+)?/iu

/** A reply to a list without the word that only points at an option ({@link PICKING}). */
export const withoutPickingWord = (reply: string): string => {
  const rest = reply.replace(PICKING, '')
  return rest.trim() ? rest : reply
}

/**
 * Words that only ask or link (folded): a part of a message made of these alone ("là gì", "thì sao", "giờ
 * làm gì tiếp") names nothing of its own.
 */
const ASKING_ONLY = new Set(
  'la gi j thi sao noi co moi the nao nhu quy dinh ve cua trong ra vay a nhe gio bay nay lam tiep theo duoc khong ko o dau di phai can muon roi nua buoc'.split(
    ' ',
  ),
)

/** The words of a part of a message that name something: not only asking or linking ({@link ASKING_ONLY}). */
export const ownWordsOf = (text: string): string[] =>
  foldVietnamese(text)
    .split(' ')
    .filter((w) => /\p{L}/u.test(w) && !ASKING_ONLY.has(w))

/** Words that count copies, pages or sheets of a paper (folded): "1 bản", "10 trang", "2 tờ". */
const COUNT_WORDS = new Set(['ban', 'trang', 'to', 'cuon', 'quyen', 'bo'])

/** The numbers a message types before a word that counts papers, and that word ("1 bản" → "1", "ban"). */
export const countedWords = (tokens: readonly AnalyzedToken[]): Set<string> =>
  new Set(
    tokens.flatMap((t, k) => {
      const unit = tokens[k + 1]?.folded ?? ''
      return /^\d+$/.test(t.folded) && COUNT_WORDS.has(unit) ? [t.folded, unit] : []
    }),
  )

/** The question's words that an abbreviation or everyday name rewrote ("hộ khẩu", "cccd"). */
export const rewrittenWords = (query: ExpandedQuery, synonyms: Synonyms): Set<string> => {
  const out = new Set<string>()
  for (let i = 0; i < query.tokens.length; i++) {
    // ("công nhận hộ nghèo" rewrites no "nhận hộ")
    if (inCompound(query.tokens, i)) continue
    for (let n = spanLimit(synonyms, query.folded, i); n >= 1; n--) {
      const word = query.folded[i] ?? ''
      if (
        lookupPhrase(synonyms.expansions, query.tokens, i, n) ||
        (n === 1 && synonyms.abbreviations.has(word))
      ) {
        for (let k = 0; k < n; k++) out.add(query.folded[i + k] ?? '')
        break
      }
    }
  }
  return out
}
