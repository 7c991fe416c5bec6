/**
 * Finds the places a citizen's message names, old and new: provinces (with or without "tỉnh",
 * "thành phố", "tp"), communes and wards only after their type word ("xã", "phường", "thị
 * trấn", "đặc khu": bare commune names are too often ordinary words), and districts ("huyện
 * Gia Lâm", "quận 1", "thị xã X", "công an huyện"), a level that no longer exists. Old names
 * are resolved to today's unit; an old commune name found in several provinces is settled by
 * a province named in the same message, else reported with its few candidates or skipped.
 * @module
 */
import { buildPlaceGazetteer, type CommuneEntry, type ProvinceEntry } from './build-place-gazetteer.ts'
import type { AdminUnits, OldUnit } from './load-admin-units.ts'
import {
  compileForms,
  isAdjacent,
  isJoined,
  isTitled,
  keyAt,
  matchAny,
  matchBefore,
  matchForm,
} from './match-place-words.ts'
import type { FoundPlace } from './place.types.ts'
import {
  COMMON_WORD_COMMUNES,
  COMMUNE_TYPES,
  DISTRICT_AGENCIES,
  DISTRICT_TYPES,
  LEVEL_WORDS,
  NOT_A_COMMUNE_AFTER,
  NOT_A_DISTRICT_AFTER,
  NOT_A_WARD_AFTER,
  PLACE_CUES,
  PROVINCE_TYPES,
} from './place-words.ts'
import { resolvePlaces } from './resolve-places.ts'
import { type PlaceText, tokenizeName, tokenizePlaceText } from './tokenize-place-text.ts'

/** A match before old names are resolved: word positions and what was found there. */
export type RawPlace =
  | { kind: 'province'; first: number; last: number; entry: ProvinceEntry }
  | { kind: 'commune'; first: number; last: number; type: string; entries: CommuneEntry[] }
  | { kind: 'district'; first: number; last: number; island: OldUnit | null }

export type PlaceFinder = (text: string) => FoundPlace[]

export type CreatePlaceFinderOptions = { units: AdminUnits }

const folded = (words: readonly string[]) => new Set(words.map((w) => tokenizeName(w).folded.join(' ')))

/**
 * Per first word, the most words a name of the gazetteer starting with it has: the finder tries no
 * longer span, and none at a word that starts no name, without joining words into keys to look up.
 */
const spansOf = (names: ReadonlyMap<string, unknown>): Map<string, number> => {
  const spans = new Map<string, number>()
  for (const key of names.keys()) {
    const words = key.split(' ')
    const first = words[0] as string
    spans.set(first, Math.max(spans.get(first) ?? 0, words.length))
  }
  return spans
}

/**
 * @returns a finder that lists the places a message names, in the order they appear
 * @example createPlaceFinder({ units: loadAdminUnits() })('làm khai sinh ở Hà Nam')
 *   // → [{ mentioned: 'Hà Nam', kind: 'province', current: { name: 'Tỉnh Ninh Bình', … }, changed: true, … }]
 */
export const createPlaceFinder = ({ units }: CreatePlaceFinderOptions): PlaceFinder => {
  const gazetteer = buildPlaceGazetteer(units)
  const provinceTypes = compileForms(PROVINCE_TYPES)
  const districtTypes = compileForms(DISTRICT_TYPES)
  const agencies = compileForms(DISTRICT_AGENCIES)
  const levelWords = compileForms(LEVEL_WORDS)
  const cues = compileForms(PLACE_CUES)
  const communeTypes = COMMUNE_TYPES.map((t) => ({ ...t, form: tokenizeName(t.words) }))
  const commonCommunes = folded(COMMON_WORD_COMMUNES)
  const notWardAfter = folded(NOT_A_WARD_AFTER)
  const notCommuneAfter = folded(NOT_A_COMMUNE_AFTER)
  const notDistrictAfter = folded(NOT_A_DISTRICT_AFTER)
  const provinceSpans = spansOf(gazetteer.provinces)
  const districtSpans = spansOf(gazetteer.districts)
  const communeSpans = spansOf(gazetteer.communes)
  /** The most words a name in `spans` can have at word `i`. */
  const spanAt = (spans: Map<string, number>, pt: PlaceText, i: number): number =>
    Math.min(gazetteer.maxWords, pt.tokens.length - i, spans.get(pt.tokens[i]?.folded ?? '') ?? 0)

  /** The longest province name at word `i`; `entry: null` when those words are another phrase. */
  const provinceAt = (
    pt: PlaceText,
    i: number,
    typed: boolean,
    joined: boolean,
  ): { entry: ProvinceEntry | null; n: number } | null => {
    for (let n = spanAt(provinceSpans, pt, i); n >= 1; n--) {
      const key = keyAt(pt, i, n)
      for (const entry of gazetteer.provinces.get(key) ?? []) {
        const m = matchForm(pt, i, entry.form)
        if (!m || typed) {
          if (m) return { entry, n }
          continue
        }
        // Part of another phrase ("Việt Nam định cư", "Thái Bình Dương"): skip the whole phrase.
        if (entry.notAfter.has(pt.tokens[i - 1]?.folded ?? '')) return { entry: null, n }
        if (entry.notBefore.has(pt.tokens[i + n]?.folded ?? '')) return { entry: null, n: n + 1 }
        const cued = joined || !!matchBefore(pt, i, cues)
        if (entry.commonWord && !cued && !(m.exact && isTitled(pt, i, n))) continue
        return { entry, n }
      }
    }
    return null
  }

  /** A province, or the number of words to skip when they are another phrase. */
  const matchProvince = (pt: PlaceText, i: number, joined: boolean): RawPlace | number | null => {
    const type = matchAny(pt, i, provinceTypes)
    const typed = type && isAdjacent(pt, i + type.n, true) ? provinceAt(pt, i + type.n, true, joined) : null
    if (type && typed?.entry)
      return { kind: 'province', first: i, last: i + type.n + typed.n, entry: typed.entry }
    const bare = provinceAt(pt, i, false, joined)
    if (!bare) return null
    return bare.entry ? { kind: 'province', first: i, last: i + bare.n, entry: bare.entry } : bare.n
  }

  const matchDistrict = (pt: PlaceText, i: number): RawPlace | null => {
    const type = matchAny(pt, i, districtTypes)
    if (!type) return null
    const agency = matchBefore(pt, i, agencies)
    const level = matchBefore(pt, i, levelWords)
    const k = i + type.n
    const next = isAdjacent(pt, k) ? pt.tokens[k] : undefined
    const numbered = !!next && /^\d+$/.test(next.raw)
    const named = numbered || (!!next && isTitled(pt, k, 1))
    const word = pt.tokens[i]?.folded
    if (!type.exact) {
      // Typed without marks: "quan" is also "cơ quan", "hải quan"; "huyen", "thi xa" are also "Huyền", "thì xa".
      if (notDistrictAfter.has(pt.tokens[i - 1]?.folded ?? '')) return null
      const sure = !!agency || !!level || (word === 'quan' ? numbered : named || !!matchBefore(pt, i, cues))
      if (!sure) return null
    }
    const first = agency ? i - agency.n : level ? i - level.n : i
    for (let n = next ? spanAt(districtSpans, pt, k) : 0; n >= 1; n--) {
      const key = keyAt(pt, k, n)
      const entry = gazetteer.districts.get(key)?.find((e) => matchForm(pt, k, e.form))
      if (entry) return { kind: 'district', first, last: k + n, island: entry.old }
    }
    // The district's own name: a number ("quận 1") or the capitalised words after the type word.
    let last = k
    if (numbered) last = k + 1
    else if (named)
      while (
        last < pt.tokens.length &&
        last - k < 4 &&
        isTitled(pt, last, 1) &&
        (last === k || continuesName(pt, last))
      )
        last++
    return { kind: 'district', first, last, island: null }
  }

  /** The next capitalised word continues a district's name unless a comma or a province name comes first. */
  const continuesName = (pt: PlaceText, i: number): boolean =>
    /^\s+$/.test(pt.text.slice(pt.tokens[i - 1]?.end ?? 0, pt.tokens[i]?.start ?? 0)) &&
    !provinceAt(pt, i, true, false)?.entry

  const matchCommune = (pt: PlaceText, i: number): RawPlace | null => {
    for (const { form, type } of communeTypes) {
      const m = matchForm(pt, i, form)
      if (!m) continue
      // "xa", "phuong" among marked words are "xa" (far) and "phương"; "cấp xã" is a level.
      if (!m.exact && pt.accented) return null
      if (matchBefore(pt, i, levelWords)) return null
      if (!m.exact && form.folded[0] === 'phuong' && notWardAfter.has(pt.tokens[i - 1]?.folded ?? ''))
        return null
      const k = i + m.n
      if (!isAdjacent(pt, k) || notCommuneAfter.has(pt.tokens[i - 1]?.folded ?? '')) return null
      for (let n = spanAt(communeSpans, pt, k); n >= 1; n--) {
        const key = keyAt(pt, k, n)
        const matches = (gazetteer.communes.get(key) ?? []).map((e) => ({ e, m: matchForm(pt, k, e.form) }))
        const entries = matches.filter((x) => x.m).map((x) => x.e)
        if (entries.length === 0) continue
        const exact = matches.some((x) => x.m?.exact)
        const ordinary = commonCommunes.has(`${form.folded.join(' ')} ${pt.tokens[k]?.folded}`)
        // "bảo hiểm xã hội", "phuong ho": a real commune only when its name is capitalised.
        if ((ordinary || (n === 1 && !exact)) && !isTitled(pt, k, n)) return null
        return { kind: 'commune', first: i, last: k + n, type, entries }
      }
      return null
    }
    return null
  }

  return function findPlaces(text: string): FoundPlace[] {
    const pt = tokenizePlaceText(text)
    const raw: RawPlace[] = []
    for (let i = 0; i < pt.tokens.length; ) {
      const joined = raw.at(-1)?.last === i && isJoined(pt, i)
      const found = matchDistrict(pt, i) ?? matchCommune(pt, i) ?? matchProvince(pt, i, joined)
      if (typeof found === 'number') i += found
      else if (found) {
        raw.push(found)
        i = Math.max(found.last, i + 1)
      } else i++
    }
    return resolvePlaces({ pt, raw, units })
  }
}
