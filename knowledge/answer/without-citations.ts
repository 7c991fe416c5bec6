/**
 * A law, decree or circular the citizen cites ("theo nghị định 123/2015", "luật cư trú 2020", "theo
 * luật mới") is where the rule comes from, not what is asked: its words ("cư trú", "nghị định") would
 * otherwise rank names that hold them ("Khai báo thông tin về cư trú …", "… theo Nghị định số 75/2015")
 * beside the procedure the rest of the message names.
 * @module
 */

import { foldVietnamese } from '../search/normalize-vietnamese.ts'
import { ownWordsOf } from './message-words.ts'

/** What introduces a citation: "theo", "căn cứ", "dựa theo", "tại". */
const CITING = String.raw`(?:(?:theo|căn\s+cứ|can\s+cu|dựa\s+(?:theo|vào)|dua\s+(?:theo|vao)|tại|tai)\s+)`

/** A kind of legal document, in full. */
const DOCUMENT = String.raw`(?:bộ\s+luật|bo\s+luat|luật|luat|nghị\s+định|nghi\s+dinh|thông\s+tư|thong\s+tu|quyết\s+định|quyet\s+dinh|nghị\s+quyết|nghi\s+quyet)`

/** A legal document's number: "123", "123/2015", "04/2020/TT-BTP", "số 59/2020/QH14". */
const NUMBER = String.raw`(?:(?:số|so)\s+)?\d+(?:\s*\/\s*\d{2,4}(?:\/[\p{L}\d-]+)?)?`

/** A number with its year: what a short form ("nđ", "tt") needs to be read as a citation. */
const NUMBER_WITH_YEAR = String.raw`(?:(?:số|so)\s+)?\d+\s*\/\s*\d{2,4}(?:\/[\p{L}\d-]+)?`

/** A year: "2020", "năm 2024". */
const YEAR = String.raw`(?:(?:năm|nam)\s+)?(?:19|20)\d{2}`

/** A law's name: one to four words, not a lawyer ("luật sư", "luật gia"). */
const LAW_NAME = String.raw`(?!(?:sư|su|gia)(?![\p{L}\p{N}]))(?:[\p{L}]+\s+){0,3}?[\p{L}]+`

/** Where a citation starts: not inside a word, nor the "luật" of "pháp luật" or of a lawyer's trade ("nghề luật"). */
const BEFORE = String.raw`(?<![\p{L}\p{N}])(?<!(?:pháp|phap|nghề|nghe)\s+)`
const AFTER = String.raw`(?![\p{L}\p{N}\/])`

/**
 * The citations read: a numbered document ("nghị định 123/2015", "thông tư số 04/2020/TT-BTP", "nđ
 * 123/2015"), a law by its name and year ("luật cư trú 2020", "theo luật đất đai năm 2024"), a law named
 * before "thì" or a comma ("theo luật cư trú thì"), or the law in general ("theo luật mới", "theo quy định
 * hiện hành"). A law's name without a year or "theo" stays ("luật cư trú nhập khẩu vào nhà chồng"),
 * as do the trade of a lawyer ("hành nghề luật sư năm 2022") and the word in "pháp luật".
 */
const CITATIONS = [
  String.raw`${CITING}?${DOCUMENT}\s+${NUMBER}(?:\s+${YEAR})?`,
  String.raw`${CITING}?(?:nđ|nd|tt|qđ|qd|nq)\s*${NUMBER_WITH_YEAR}`,
  String.raw`(?:${CITING}(?:bộ\s+|bo\s+)?|(?:bộ\s+|bo\s+)?)(?:luật|luat)\s+${LAW_NAME}\s+${YEAR}`,
  String.raw`${CITING}(?:bộ\s+|bo\s+)?(?:luật|luat)(?:\s+${LAW_NAME})?(?=\s*(?:,|(?:thì|thi)(?![\p{L}\p{N}])))`,
  String.raw`${CITING}(?:luật|luat|quy\s+định|quy\s+dinh|pháp\s+luật|phap\s+luat)(?:\s+(?:mới|moi|hiện\s+hành|hien\s+hanh|hiện\s+nay|hien\s+nay))?(?=\s*(?:,|$|(?:thì|thi)(?![\p{L}\p{N}])))`,
].map((p) => new RegExp(`${BEFORE}${p}${AFTER}`, 'giu'))

/** Words of a topic that must remain: a message left with fewer asks about the citation itself. */
const MIN_WORDS_LEFT = 2

/**
 * @param text the message, its asides removed
 * @param namesHold whether a procedure's name the message finds holds these folded words (a decree's
 *   number, a law's name): such a citation names the procedure ("… theo Nghị định 182")
 * @returns the message without the citations no procedure's name holds, or the message itself
 * @example withoutCitations('theo luật cư trú 2020 thì đăng ký tạm trú cần gì', () => false)
 *   // ' thì đăng ký tạm trú cần gì'
 */
export const withoutCitations = (text: string, namesHold: (folded: string) => boolean): string => {
  let out = text
  for (const pattern of CITATIONS) {
    out = out.replace(pattern, (cited) => {
      const core = foldVietnamese(cited)
        .replace(/^(?:theo|can cu|dua theo|dua vao|tai) /, '')
        .replace(/ (?:nam )?(?:19|20)\d{2}$/, '')
      return namesHold(core) ? cited : ' '
    })
  }
  if (out === text) return text
  return ownWordsOf(out).length >= MIN_WORDS_LEFT ? out : text
}
