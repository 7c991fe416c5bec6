/**
 * The question without the names of the provinces and communes it mentions ("đất ở Bình Dương cũ giờ
 * thuộc TP.HCM, muốn tách thửa"): where the citizen lives says where to go, not which procedure, and
 * the place's words would only thin how much of the question a procedure's name holds. The unit word
 * stays ("công an tỉnh": a level may decide the procedure). Districts are left alone ("công an huyện"
 * names a body), and so are communes typed without marks ("phuong tien thuy" is a vessel, not phường
 * Tiên Thủy).
 * @module
 */
import { foldVietnamese } from '../search/normalize-vietnamese.ts'
import { escapeRegExp } from '../text/escape-regexp.ts'
import type { PlaceMention } from './place.types.ts'
import { COMMUNE_TYPES, DISTRICT_TYPES, PROVINCE_TYPES } from './place-words.ts'

/** The unit word before a place's name ("tỉnh Hà Nam", "xã Tân Hòa", "TP. Huế"), from the place vocabulary. */
const UNIT_WORD = new RegExp(
  `^(?:${[...COMMUNE_TYPES.map((t) => t.words), ...PROVINCE_TYPES, ...DISTRICT_TYPES]
    .sort((a, b) => b.length - a.length)
    .map(escapeRegExp)
    .join('|')})\\.?\\s+`,
  'iu',
)

/** A unit word as typed, with its marks or without ("tỉnh", "tinh", "quận"). */
const UNIT_TYPED = [
  ...new Set(
    [...COMMUNE_TYPES.map((t) => t.words), ...PROVINCE_TYPES, ...DISTRICT_TYPES].flatMap((w) => [
      w,
      foldVietnamese(w),
    ]),
  ),
]
  .sort((a, b) => b.length - a.length)
  .map(escapeRegExp)
  .join('|')

/** Where the citizen is: "(đang / sống) ở", "tại", "thuộc" (with marks or without). */
const WHERE = '(?:(?:đang|dang)\\s+)?(?:(?:sống|song)\\s+)?(?:ở|o|tại|tai|thuộc|thuoc)'

/**
 * The country as where the citizen is ("ở Việt Nam", "tại VN", "đang sống ở Viet Nam"): the records name
 * it for foreigners and citizens abroad ("người nước ngoài làm việc tại Việt Nam"), so a citizen saying
 * where they are would be read as one of them. "về Việt Nam", "quốc tịch Việt Nam" and where a child was
 * born ("bé sinh ở Việt Nam": no birth abroad) stay, and so does the country of a message about someone
 * or somewhere abroad ("người nước ngoài đang ở Việt Nam xin thị thực": a visa issued in the country).
 */
const IN_COUNTRY = new RegExp(
  `(?<![\\p{L}\\p{N}])(?<!(?:sinh|đẻ|de)\\s+)${WHERE}\\s+(?:việt\\s+nam|viet\\s+nam|vn)(?![\\p{L}\\p{N}])`,
  'giu',
)

/** Any character outside ASCII: a name typed with its marks. */
const MARKED = /[^\p{ASCII}]/u

/**
 * @param places the mentions `PlaceNotes.find` read in `question`
 * @param abroad whether the message is about someone or somewhere abroad (asked only when it names the
 *   country): the country then stays
 * @returns the question with those names (and the "(đang) ở / tại / thuộc" before, the "cũ / mới"
 *   after) and the country where the citizen is ({@link IN_COUNTRY}) replaced by a space; the question
 *   itself when nothing else would be left
 * @example withoutPlaceNames('tách thửa đất ở Bình Dương cũ', places) // 'tách thửa đất  '
 */
export const withoutPlaceNames = (
  question: string,
  places: readonly PlaceMention[],
  abroad: () => boolean = () => false,
): string => {
  let text = question.search(IN_COUNTRY) >= 0 && !abroad() ? question.replace(IN_COUNTRY, ' ') : question
  for (const p of places) {
    const name = p.mentioned.replace(UNIT_WORD, '').trim()
    if (!name) continue
    const named = `${escapeRegExp(name)}(?:\\s+(?:cũ|cu|mới|moi))?(?![\\p{L}\\p{N}])`
    // "ở tỉnh Hà Tây cũ", "tại phường Hoàn Kiếm", "ở quận 7 cũ": where the citizen is, the unit
    // word with it (it is no level of a body here, as in "công an tỉnh Hà Nam").
    text = text.replace(
      new RegExp(`(?<![\\p{L}\\p{N}])${WHERE}\\s+(?:${UNIT_TYPED})\\.?\\s+${named}`, 'giu'),
      ' ',
    )
    if (p.kind !== 'province' && (p.kind !== 'commune' || !MARKED.test(p.mentioned))) continue
    // "mua đất ở Long An cũ" must not leave "đất ở" (residential land); "từ", "vào", "ra" stay: they
    // say which way something goes ("mang nhân dân tệ từ Lạng Sơn vào").
    const around = `(?<![\\p{L}\\p{N}])(?:${WHERE}\\s+)?${named}`
    text = text.replace(new RegExp(around, 'giu'), ' ')
  }
  return text.trim() ? text : question
}
