/**
 * Writes the one-line note an answer carries when the question names a place that changed in
 * the 2025 reform: "Lưu ý địa bàn: từ 01/07/2025 tỉnh Hà Nam thuộc tỉnh Ninh Bình (theo danh
 * mục đơn vị hành chính sau sắp xếp 2025)." Only facts from the units file, with its source
 * named; a district mention says the level is gone and points to the agency the answer names.
 * Never an office address. Places that did not change get no note.
 * @module
 */
import type { CurrentPlace, PlaceMention } from './place.types.ts'

export type WritePlaceNoteOptions = {
  places: readonly PlaceMention[]
  source: { title: string; reformDate: string }
  /** The answered procedure's levels ("Cấp tỉnh", "Cấp xã"); null when no single procedure is answered. */
  levels: readonly string[] | null
}

/** Data-backed clauses kept in one note; the rest of the places stay in the structured field. */
const MAX_CLAUSES = 2

const formatDate = (iso: string): string => {
  const [y, m, d] = iso.split('-')
  return `${d}/${m}/${y}`
}

const TYPE_WORD = /^(Thành phố|Tỉnh|Thị trấn|Đặc khu|Phường|Xã|Huyện)(?= )/

/** "Tỉnh Ninh Bình" → "tỉnh Ninh Bình": type words are lower case inside a sentence. */
export const inSentence = (fullName: string): string =>
  fullName.replace(TYPE_WORD, (type) => type.toLocaleLowerCase('vi'))

/** "phường Ba Đình, thành phố Hà Nội", as an address is written. */
const withProvince = (unit: CurrentPlace): string =>
  unit.province ? `${inSentence(unit.name)}, ${inSentence(unit.province)}` : inSentence(unit.name)

/** "A và B, thành phố Hà Nội" in one province; "A (tỉnh X) hoặc B (tỉnh Y)" across provinces. */
const listUnits = (units: readonly CurrentPlace[], joiner: string): string => {
  const oneProvince = units.every((u) => u.province === units[0]?.province)
  const names = units.map((u) =>
    oneProvince || !u.province ? inSentence(u.name) : `${inSentence(u.name)} (${inSentence(u.province)})`,
  )
  const list =
    names.length <= 1 ? names.join('') : `${names.slice(0, -1).join(', ')} ${joiner} ${names.at(-1)}`
  const province = oneProvince ? units[0]?.province : undefined
  return province ? `${list}, ${inSentence(province)}` : list
}

/** One clause about a changed place, or null when the mention carries no data-backed fact. */
const clauseOf = (place: PlaceMention): string | null => {
  const { former, current, candidates = [] } = place
  if (!former) return null
  const was =
    former.province && former.province !== current?.province && former.province !== candidates[0]?.province
      ? `${inSentence(former.name)} (${inSentence(former.province)})`
      : inSentence(former.name)
  if (current) {
    return `${was} thuộc ${place.kind === 'province' ? inSentence(current.name) : withProvince(current)}`
  }
  if (candidates.length === 0) return null
  if (former.code) return `${was} được chia về ${listUnits(candidates, 'và')}`
  return `${inSentence(former.name)} (tên cũ ở nhiều nơi) thuộc ${listUnits(candidates, 'hoặc')}`
}

const levelWords = (levels: readonly string[]): string =>
  levels.map((l) => l.toLocaleLowerCase('vi')).join(' hoặc ')

/** @returns one NFC line, or null when no named place changed */
export const writePlaceNote = ({ places, source, levels }: WritePlaceNoteOptions): string | null => {
  const changed = places.filter((p) => p.changed)
  const clauses: string[] = []
  // A commune's clause already names its province: no second clause for that province.
  const named = new Set(changed.flatMap((p) => (p.kind === 'province' ? [] : [p.current?.province])))
  for (const place of changed) {
    if (place.kind === 'province' && named.has(place.current?.name)) continue
    const clause = clauseOf(place)
    if (clause && !clauses.includes(clause)) clauses.push(clause)
  }
  const district = changed.some((p) => p.kind === 'district' && !p.former)
  if (clauses.length === 0 && !district) return null
  const parts: string[] = []
  if (clauses.length > 0) parts.push(`${clauses.slice(0, MAX_CLAUSES).join('; ')} (theo ${source.title})`)
  if (district) {
    const where =
      levels === null
        ? 'thủ tục nộp ở cấp xã hoặc cấp tỉnh tùy thủ tục'
        : `thủ tục nộp tại cơ quan nêu ở trên${levels.length > 0 ? ` (${levelWords(levels)})` : ''}`
    parts.push(`không còn cấp huyện, ${where}`)
  }
  return `Lưu ý địa bàn: từ ${formatDate(source.reformDate)} ${parts.join('; ')}.`.normalize('NFC')
}
