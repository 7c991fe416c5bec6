/**
 * Turns the administrative units into name lookups keyed by folded words ("ha nam" → old
 * Tỉnh Hà Nam; "truc bach" → old Phường Trúc Bạch), each entry keeping its marked form so
 * that the finder can insist on the marks the citizen typed ("gia lại" is not "Gia Lai").
 * @module
 */
import type { AdminUnits, Commune, OldUnit } from './load-admin-units.ts'
import { COMMON_WORD_NAMES, NOT_AFTER, NOT_BEFORE, PROVINCE_ALIASES } from './place-words.ts'
import { tokenizeName } from './tokenize-place-text.ts'

export type NameForm = { norm: string[]; folded: string[] }

export type ProvinceEntry = {
  form: NameForm
  code: string
  /** The code is an old province's (its name is not a current province's). */
  old: boolean
  /** Also an everyday phrase: needs a type word, a cue, or marks and capitals. */
  commonWord: boolean
  /** Folded words that, right before or after the name, make it part of another phrase. */
  notAfter: Set<string>
  notBefore: Set<string>
}

export type CommuneEntry = {
  form: NameForm
  /** "Xã", "Phường", "Thị trấn" or "Đặc khu". */
  type: string
} & ({ current: Commune; old?: undefined } | { current?: undefined; old: OldUnit })

export type DistrictEntry = { form: NameForm; old: OldUnit }

export type PlaceGazetteer = {
  units: AdminUnits
  provinces: Map<string, ProvinceEntry[]>
  communes: Map<string, CommuneEntry[]>
  districts: Map<string, DistrictEntry[]>
  /** Longest name in words, to bound the matcher. */
  maxWords: number
}

const TYPE_PREFIX = /^(Thành phố|Tỉnh|Thị trấn|Đặc khu|Phường|Xã|Huyện) /

/** "Phường Trúc Bạch" → { type: "Phường", name: "Trúc Bạch" }. */
export const splitFullName = (fullName: string): { type: string; name: string } => {
  const m = TYPE_PREFIX.exec(fullName)
  return m?.[1] ? { type: m[1], name: fullName.slice(m[0].length) } : { type: '', name: fullName }
}

const foldedSet = (words: readonly string[] = []) =>
  new Set(words.map((w) => tokenizeName(w).folded.join(' ')))

const add = <T extends { form: NameForm }>(map: Map<string, T[]>, entry: T): void => {
  if (entry.form.folded.length === 0) return
  const key = entry.form.folded.join(' ')
  const list = map.get(key)
  if (list) list.push(entry)
  else map.set(key, [entry])
}

/** Builds the lookups once; the finder reuses them for every message. */
export const buildPlaceGazetteer = (units: AdminUnits): PlaceGazetteer => {
  const common = foldedSet(COMMON_WORD_NAMES)
  const provinces = new Map<string, ProvinceEntry[]>()
  const addProvince = (name: string, code: string, old: boolean) => {
    const form = tokenizeName(name)
    const key = form.folded.join(' ')
    // A name that is still a province's (Ninh Bình, Đồng Nai) names the current one.
    if (old && provinces.get(key)?.some((e) => !e.old)) return
    const normKey = form.norm.join(' ')
    add(provinces, {
      form,
      code,
      old,
      commonWord: common.has(key),
      notAfter: foldedSet(NOT_AFTER[normKey]),
      notBefore: foldedSet(NOT_BEFORE[normKey]),
    })
  }
  for (const p of units.provinces.values()) addProvince(p.name, p.code, false)
  for (const p of units.oldProvinces.values()) addProvince(splitFullName(p.fullName).name, p.code, true)
  for (const alias of PROVINCE_ALIASES) {
    for (const name of alias.names) addProvince(name, alias.code, alias.old)
  }

  const communes = new Map<string, CommuneEntry[]>()
  for (const c of units.communes.values()) {
    add(communes, { form: tokenizeName(c.name), type: splitFullName(c.fullName).type, current: c })
  }
  for (const old of units.oldCommunes) {
    const { type, name } = splitFullName(old.fullName)
    add(communes, { form: tokenizeName(name), type, old })
  }
  const districts = new Map<string, DistrictEntry[]>()
  for (const old of units.oldDistricts)
    add(districts, { form: tokenizeName(splitFullName(old.fullName).name), old })

  const lengths = [...provinces.keys(), ...communes.keys(), ...districts.keys()].map(
    (k) => k.split(' ').length,
  )
  return { units, provinces, communes, districts, maxWords: Math.max(...lengths) }
}
