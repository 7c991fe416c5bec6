/**
 * Whether a message asks for a person rather than a procedure: a phrase of asking for one ("gặp nhân
 * viên", "tổng đài", "xin zalo cán bộ"), or, in general, a way of reaching someone followed by a
 * person ("liên hệ với người phụ trách hồ sơ", "gọi cho ai để được hướng dẫn", "nói chuyện trực tiếp
 * với cán bộ"), someone present ("có cán bộ nào online không"), help given in person or by phone
 * ("tư vấn trực tiếp", "giải đáp trực tiếp", "hướng dẫn qua điện thoại") or the machine refused ("không muốn nói chuyện với máy"). A person's
 * title inside a paper's name ("thẻ tư vấn viên pháp luật") and a question about what the assistant is
 * ("bạn là người thật hay máy") ask for nobody.
 * @module
 */

import type { AnalyzedToken } from '../search/normalize-vietnamese.ts'

/** Asking for a person rather than a procedure (folded). */
const CONTACT_PHRASES = [
  'gap nhan vien',
  'gap can bo',
  'gap nguoi',
  'nguoi that',
  'nguoi truc',
  'ai truc',
  'tong dai',
  'hotline',
  'hot line',
  'noi chuyen voi nguoi',
  'noi chuyen voi nhan vien',
  'noi chuyen voi can bo',
  'noi chuyen voi con nguoi',
  'chuyen cho nguoi',
  'chuyen sang nguoi',
  'chuyen may cho',
  'chuyen may sang',
  'noi may cho',
  'tu van vien',
  'gap truc tiep',
  'nhan vien ho tro',
  'nguoi ho tro',
  'can bo ho tro',
  'can bo tu van',
  'so dien thoai ho tro',
  'so dien thoai lien he',
  'so dien thoai tong dai',
  'xin so dien thoai',
  // a number to reach an office by ("cho mình xin số liên hệ của phòng tư pháp")
  'xin so lien he',
  'so lien he cua',
  'lien he voi can bo',
  'lien he voi nhan vien',
  'lien he can bo',
  'ket noi voi can bo',
  'ket noi voi nhan vien',
  'nguoi huong dan truc tiep',
  'huong dan truc tiep',
  'tro giup truc tiep',
  'ho tro truc tiep',
  'co ai truc',
  'nhan vien tu van',
  'chat voi nhan vien',
  'goi dien cho ai',
  // a chat account of an official ("cho mình xin zalo cán bộ tư pháp xã")
  'xin zalo',
  'so zalo',
  'zalo cua can bo',
  'zalo can bo',
  // an email address or the address of the one-stop office ("cho tôi xin email của sở tư pháp")
  'xin email',
  'xin dia chi email',
  'email lien he',
  'email ho tro',
  'dia chi bo phan mot cua',
  'dia chi mot cua',
  'dia chi trung tam hanh chinh cong',
  'dia chi trung tam phuc vu hanh chinh cong',
  // anyone real there, someone to guide ("có ai là người thật không", "tôi cần người hướng dẫn tận tình hơn")
  'co ai la nguoi that',
  'can nguoi huong dan',
  'muon nguoi huong dan',
  'can nguoi tu van',
  'can nguoi ho tro',
]

/** An office or an official to reach (folded). */
const OFFICE = `(?:bo phan mot cua|bo phan tiep nhan|mot cua|trung tam phuc vu hanh chinh cong|trung tam hanh chinh cong|uy ban|ubnd|cong an|van phong|chu tich|pho chu tich|lanh dao)`

/** A call back asked for ("nhờ cán bộ gọi lại cho tôi", "gọi lại cho tôi theo số này") — folded. */
export const CALL_BACK =
  /\b(?:goi lai (?:cho |giup |ho )?(?:toi|minh|em|tui)|(?:nho|de nghi|xin) (?:can bo|nhan vien|ad|ban|chuyen vien|tong dai) goi lai)\b/

/** Someone to reach (folded). */
const PERSON = `(?:ai|nguoi(?: that| phu trach| ho tro| huong dan| tu van)?|can bo|nhan vien|chuyen vien|tu van vien|bo phan ho tro)`

/**
 * Reaching a person (folded): a way of reaching someone, then the person ("liên hệ với người phụ
 * trách", "gọi cho ai", "nói chuyện trực tiếp với cán bộ"); someone present ("có nhân viên nào đang
 * trực không"); help in person or by phone ("tư vấn trực tiếp", "hướng dẫn qua điện thoại"); the
 * machine refused.
 */
const REACHING = new RegExp(
  [
    String.raw`\bgap (?:mot |1 )?(?!ai\b)${PERSON}\b`,
    // asking a person, not about one ("tôi cần hỏi người", "hỏi người trực"; "cho em hỏi người nước ngoài …" asks about one)
    String.raw`\bhoi nguoi(?: (?:that|truc|phu trach|co chuyen mon|lam viec|hieu biet))?(?: (?:a|nhe|voi|di|duoc khong|dc khong|duoc ko))?$`,
    String.raw`\bhoi nguoi (?:that|truc|phu trach|co chuyen mon)\b`,
    String.raw`\b(?:noi chuyen(?: truc tiep)? voi|chat(?: truc tiep)? voi|lien he(?: truc tiep)?(?: voi)?|ket noi(?: voi)?|goi dien(?: cho)?|goi cho|chuyen(?: may)? (?:cho|sang)) (?:(?:toi|minh|em|tui|chau) )?(?:(?:mot|1) )?${PERSON}\b`,
    String.raw`\b(?:can bo|nhan vien|chuyen vien|nguoi|ai) nao (?:dang )?(?:online|truc|o do)\b`,
    // an office's number or address to reach it by ("số điện thoại bộ phận một cửa phường là bao nhiêu")
    String.raw`\b(?:so dien thoai|sdt|so dt|dien thoai|so lien he|email|zalo|dia chi va so dien thoai|dia chi va sdt)(?: cua)? (?:bo phan|phong|so|uy ban|ubnd|cong an|trung tam|van phong|chi cuc|cuc|can bo|nguoi phu trach|thue|doi thue|co quan thue|kho bac|bao hiem xa hoi|bhxh)\b`,
    String.raw`\b(?:tu van|huong dan|ho tro|tro giup|giai dap|trao doi) truc tiep\b`,
    // "kết nối giúp tôi với chuyên viên …", "làm ơn kết nối tôi với nhân viên"
    String.raw`\bket noi (?:giup |ho |dum |gium )?(?:toi|minh|em|tui) (?:voi )?${PERSON}\b`,
    // a number or an address to call or write to ("gọi số nào để được hướng dẫn", "có số điện thoại nào để
    // hỏi trực tiếp không", "cho hỏi email hoặc số điện thoại để liên hệ hỗ trợ", "số đường dây nóng của UBND
    // tỉnh", "cần gọi điện hỏi trực tiếp, số nào vậy")
    String.raw`\bgoi (?:dien )?(?:vao |den |toi )?so (?:nao|may|gi)\b`,
    String.raw`\b(?:so dien thoai|sdt|so dt|so) nao (?:de|thi|duoc) (?:hoi|lien he|duoc|goi)\b`,
    String.raw`\b(?:email|so dien thoai|sdt|dia chi)(?: (?:hoac|va) (?:email|so dien thoai|sdt|dia chi))?(?: nao)? de (?:lien he|hoi|duoc ho tro|duoc huong dan|duoc tu van)\b`,
    String.raw`\b(?:so )?duong day nong\b`,
    String.raw`\bgoi dien (?:hoi|de hoi) truc tiep\b`,
    // someone's name and number for a field at the commune ("ai phụ trách hộ tịch ở ủy ban phường mình")
    String.raw`\bai (?:phu trach|lo|lam) (?:\S+ ){1,3}(?:o |tai )?(?:uy ban|ubnd|xa|phuong|mot cua)\b`,
    // a call back asked for ("nhờ cán bộ gọi lại cho tôi", "gọi lại cho tôi theo số …")
    CALL_BACK.source,
    // how to reach an office ("làm sao liên hệ với bộ phận một cửa tỉnh", "liên hệ công an xã bằng cách nào")
    String.raw`\b(?:lam sao|lam the nao|cach|bang cach nao)(?: de)? (?:lien he|lien lac)(?: truc tiep)?(?: voi)? ${OFFICE}\b`,
    String.raw`\b(?:lien he|lien lac)(?: truc tiep)?(?: voi)? ${OFFICE}\b.*\b(?:the nao|bang cach nao|qua dau|so nao)\b`,
    String.raw`\bkhong (?:muon|thich) (?:noi chuyen|chat|nhan tin|hoi|lam viec) voi (?:may|bot|robot)\b`,
    // help given by phone or a chat call ("cần người hướng dẫn qua điện thoại", "tư vấn qua zalo")
    String.raw`\b(?:huong dan|tu van|ho tro|giai dap|noi chuyen|trao doi)(?: cho (?:toi|minh|em|tui))? (?:qua|bang) (?:dien thoai|so dien thoai|zalo|video call|goi video)\b`,
  ].join('|'),
)

/**
 * Words before a person's title that make it the name of a paper ("thẻ tư vấn viên pháp luật",
 * "chứng chỉ tư vấn viên"): the message asks about that paper, not for a person (folded).
 */
const PAPER_OF = ['the', 'chung chi', 'giay phep', 'giay chung nhan']

/**
 * A change of one's own details just before the phrase ("công ty đổi số điện thoại và email liên hệ"):
 * the number or the address is what is changed, not asked for (folded, up to four words between).
 */
const CHANGED = /\b(?:doi|thay doi|cap nhat|sua|dieu chinh|bo sung)(?: \S+){0,4} $/

/**
 * The phrase occurs in the message other than in a paper's name, in what the assistant is ("bạn là
 * người thật") or as one's own details changed.
 */
const asksFor = (whole: string, phrase: string): boolean => {
  const text = ` ${whole} `
  for (let at = text.indexOf(` ${phrase} `); at >= 0; at = text.indexOf(` ${phrase} `, at + 1)) {
    const before = text.slice(0, at + 1)
    if (!PAPER_OF.some((w) => before.endsWith(` ${w} `)) && !before.endsWith(' la ') && !CHANGED.test(before))
      return true
  }
  return false
}

/**
 * Whether the message asks for a person. Its words are read folded, but an urgent "gấp" typed with its
 * marks stays itself: "cần gấp người trông trẻ" is no "gặp người", meeting someone.
 */
export const asksForPerson = (tokens: readonly AnalyzedToken[]): boolean => {
  const folded = tokens.map((t) => (t.accented && t.text === 'gấp' ? t.text : t.folded)).join(' ')
  return CONTACT_PHRASES.some((p) => asksFor(folded, p)) || REACHING.test(folded)
}
