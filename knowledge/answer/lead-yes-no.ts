/**
 * A yes/no lead for a yes/no question ("có mất phí không", "làm online được không", "có phải
 * báo lưu trú không"), only when the record decides it: the fee amounts it states, whether it
 * lists an online channel, and whether the procedure itself is what the question asks about
 * (with "tùy trường hợp" when the record names exemptions).
 * @module
 */
import type { Procedure } from '../procedures/procedure.types.ts'
import { foldVietnamese } from '../search/normalize-vietnamese.ts'
import type { Facet } from './answer.types.ts'
import { clipSentences } from './clip-sentences.ts'

/** Folded tokens of a yes/no question: "có … không", "… được không", "… không ạ", "… chưa". */
export const isYesNoQuestion = (folded: readonly string[]): boolean => {
  const words = folded.filter((w) => !['a', 'nhe', 'vay', 'the', 'ha', 'nhi', 'ad'].includes(w))
  const last = words.at(-1)
  return (
    last === 'khong' &&
    words.slice(0, -1).some((w) => w === 'co' || w === 'duoc' || w === 'phai' || w === 'can')
  )
}

/** Words of "có cần/phải …" that ask for filing at all, not for a thing ("xin phép", "đăng ký", "khai báo", "mang theo"). */
const FILING = new Set(
  'xin phep giay dang ky khai bao thong lam thu tuc nop ho so to cap xac nhan di ra len o tai xa phuong huyen tinh cong an mang theo chuan bi kem them nua gi'.split(
    ' ',
  ),
)

/**
 * The content words asked after "có cần" / "có phải", up to the closing "không" ("ủy ban" is where to
 * file, but "bản" alone is a paper's: "bản vẽ", "bản sao"). A single syllable of two letters ("vẽ" read
 * as "ve", which is also "về") is too short to look for in the papers' folded names: nothing is asked.
 */
const askedThing = (folded: readonly string[]): string[] => {
  // ("có cần …", or "cần …" alone: "cần giấy khám sức khỏe không")
  const at = folded.findIndex((w, i) => (w === 'can' || w === 'phai') && (i === 0 || folded[i - 1] === 'co'))
  const end = folded.lastIndexOf('khong')
  if (at < 0 || end <= at) return []
  const words = folded.slice(at + 1, end)
  const asked = words.filter(
    (w, i) =>
      !FILING.has(w) && !(w === 'uy' && words[i + 1] === 'ban') && !(w === 'ban' && words[i - 1] === 'uy'),
  )
  return asked.length === 1 && (asked[0] ?? '').length <= 2 ? [] : asked
}

/**
 * Whether a yes/no question asks if one must go in person ("có phải đi trực tiếp không", "có cần lên
 * tận nơi không", "có bắt buộc có mặt không", "có cần đi đến cơ quan công an không"), folded: its yes
 * is a no to applying online.
 */
const asksInPerson = (folded: readonly string[]): boolean => {
  const whole = ` ${folded.join(' ')} `
  return (
    / (?:phai|can|bat buoc) /.test(whole) &&
    / (?:truc tiep|tan noi|co mat|(?:len|den|ra|ve|toi) tan|(?:di den|di toi|di len|den|len) (?:co quan|cong an|uy ban|ubnd|so|bo phan))/.test(
      whole,
    ) &&
    !/ (?:truc tuyen|online|qua mang|tren mang) /.test(whole)
  )
}

/**
 * The lead of an online procedure asked whether one must go in person: the whole answer, since the
 * online part's own lead ("Có, thủ tục này nộp trực tuyến được …") would answer the other way round.
 */
const NOT_IN_PERSON =
  'Không bắt buộc đến nộp trực tiếp: thủ tục này nộp trực tuyến được trên Cổng Dịch vụ công quốc gia (dichvucong.gov.vn)'

/**
 * A paper asked about is one to bring when its entry names it within this many characters of its start
 * (folded, "02 bộ bản vẽ …", "Bản sao giấy khai sinh"); further in, it may be a note about the paper.
 */
const PAPER_AT_START = 16

/** The yes/no lead of a procedure the record says is free. */
const FREE = 'Không mất phí: hồ sơ thủ tục ghi miễn phí.'
/** A paper named in a question ("sổ hộ khẩu", "giấy …", "bản sao", "ảnh"), folded and padded. */
const NAMES_PAPER =
  / (?:ho khau|so|giay|ban sao|ban chinh|anh|hinh|the|cccd|cmnd|can cuoc|hop dong|don|phieu|to khai|chung minh) /
const NOT_LISTED =
  'Không thấy trong thành phần hồ sơ: giấy tờ bạn hỏi không có trong danh sách giấy tờ của thủ tục này (ở dưới).'

const EXEMPTION = /miễn (?:giấy phép|cấp giấy phép|thủ tục)|được miễn|không phải (?:xin|cấp|làm|đăng ký)/iu

/**
 * @returns one sentence that answers yes or no, or null when the record does not decide it
 */
export const leadYesNo = ({
  procedure,
  facet,
  folded,
}: {
  procedure: Procedure
  facet: Facet
  folded: readonly string[]
}): string | null => {
  if (!isYesNoQuestion(folded)) return null
  if (facet === 'fees') {
    const known = procedure.channels.map((c) => c.feeVnd).filter((v): v is number => v !== null)
    if (!known.length || known.length < procedure.channels.length) return null
    if (known.every((v) => v === 0)) return FREE
    if (known.every((v) => v > 0)) return 'Có mất phí, mức phí theo hồ sơ thủ tục ở dưới.'
    return 'Tùy cách nộp: có cách nộp miễn phí, có cách mất phí (chi tiết ở dưới).'
  }
  if (facet === 'online') {
    if (!procedure.channels.length) return null
    const online = procedure.channels.some((c) => c.kind === 'online')
    // "có phải đi trực tiếp không" asks the other way round: a yes there means going in person.
    if (asksInPerson(folded)) {
      if (online)
        return procedure.channels.some((c) => c.kind === 'postal')
          ? `${NOT_IN_PERSON}, và qua dịch vụ bưu chính.`
          : `${NOT_IN_PERSON}.`
      return procedure.channels.some((c) => c.kind === 'postal')
        ? 'Không bắt buộc đến nộp: hồ sơ thủ tục ghi cách nộp qua dịch vụ bưu chính (không có cách nộp trực tuyến).'
        : 'Có, hồ sơ thủ tục không có cách nộp trực tuyến; bạn nộp trực tiếp theo cách ghi ở dưới.'
    }
    // A yes is the online facet's own lead ("Có, thủ tục này nộp trực tuyến được trên Cổng …"):
    // saying it twice reads badly on a phone. Only a no needs its own line.
    if (online) return null
    return 'Không, hồ sơ thủ tục không có cách nộp trực tuyến; bạn nộp trực tiếp hoặc theo cách ghi ở dưới.'
  }
  const whole = ` ${folded.join(' ')} `
  if (
    (facet === 'overview' || facet === 'documents') &&
    (/ co (?:can|phai) /.test(whole) || /^ (?:can|phai) /.test(whole))
  ) {
    const asked = askedThing(folded)
    const named = new Set(foldVietnamese(procedure.name).split(' '))
    // "đổi bằng lái có cần khám sức khỏe không" asks about a paper of the procedure, not whether to do it
    if (asked.length && !asked.every((w) => named.has(w))) {
      const phrase = ` ${asked.join(' ')} `
      // A long entry lists several papers ("Quyết định …; văn bản … và hồ sơ bản vẽ …; báo cáo …"): the
      // part naming the one asked about, the part that names it soonest of all ("02 bộ bản vẽ …").
      let best: { part: string; at: number } | null = null
      for (const d of procedure.documents)
        for (const part of d.name.split(/;\s*/u)) {
          const at = ` ${foldVietnamese(part)} `.indexOf(phrase)
          if (at >= 0 && (!best || at < best.at)) best = { part, at }
        }
      // A paper the record's papers do not name ("có cần mang theo hộ khẩu không" for the identity card):
      // said so, for the papers asked about only.
      if (!best) return facet === 'documents' && NAMES_PAPER.test(whole) ? NOT_LISTED : null
      const quoted = clipSentences(best.part, 300).replace(/[.;:]\s*$/u, '')
      // Named deep inside a sentence ("Đối với yêu cầu đăng ký kết hôn, cơ quan đăng ký hộ tịch tra cứu
      // thông tin về tình trạng hôn nhân …"), the paper may be a note about it, not one to bring: quoted
      // without a yes.
      return best.at <= PAPER_AT_START ? `Có, hồ sơ cần có: ${quoted}.` : `Hồ sơ thủ tục có ghi: ${quoted}.`
    }
    if (facet === 'documents') return null
    const text = `${procedure.name} ${procedure.requirements ?? ''}`
    // ("thủ tục" once: "thủ tục "Đăng ký khai sinh"", not "thủ tục "Thủ tục đăng ký khai sinh"")
    const bare = procedure.name.replace(/^thủ tục\s+/iu, '')
    const called =
      bare === procedure.name ? bare : `${bare.charAt(0).toLocaleUpperCase('vi')}${bare.slice(1)}`
    return EXEMPTION.test(text)
      ? `Tùy trường hợp: hồ sơ thủ tục "${called}" nêu các trường hợp được miễn; ngoài các trường hợp đó thì cần làm thủ tục này.`
      : `Có, cần làm thủ tục "${called}".`
  }
  return null
}

/**
 * The yes/no sentence before the facet's own lead, once: "Không mất phí: hồ sơ thủ tục ghi miễn phí."
 * already says what "Lệ phí: Miễn phí." would repeat, and "Không bắt buộc đến nộp trực tiếp: …" what
 * the online part's "Có, thủ tục này nộp trực tuyến được …" would say the other way round.
 */
export const joinYesNoLead = (yesNo: string, lead: string): string => {
  if (yesNo === FREE && /^lệ phí: miễn phí\.?$/iu.test(lead.trim())) return yesNo
  if (yesNo.startsWith(NOT_IN_PERSON)) return yesNo
  return `${yesNo} ${lead}`
}
