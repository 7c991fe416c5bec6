/**
 * What the place finder reports for a place named in a message: the words as typed, the unit
 * they named before the 2025 reform (when the name is an old one) and the unit today.
 * @module
 */

/** What kind of place the words name. Districts (huyện, quận, thị xã) were abolished on 2025-07-01. */
export const PLACE_KINDS = ['province', 'commune', 'district'] as const
export type PlaceKind = (typeof PLACE_KINDS)[number]

/** Levels of local government since 2025-07-01: province (tỉnh) and commune (xã, phường, đặc khu). */
export const PLACE_LEVELS = ['tỉnh', 'xã'] as const
export type PlaceLevel = (typeof PLACE_LEVELS)[number]

export type CurrentPlace = {
  code: string
  /** Full official name ("Tỉnh Ninh Bình", "Phường Ba Đình"). */
  name: string
  level: PlaceLevel
  /** For a commune, the full name of its province. */
  province?: string
}

export type FormerPlace = {
  /** Absent when several old units had this name (the mention is then ambiguous). */
  code?: string
  /** Full name before 2025-07-01 ("Tỉnh Hà Nam", "Phường Trúc Bạch", "Huyện Côn Đảo"). */
  name: string
  level: PlaceLevel | 'huyện'
  /** For a commune or district, the full name of its province before 2025-07-01. */
  province?: string
}

export type PlaceMention = {
  /** The words as the citizen typed them ("Hà Nam", "phường Trúc Bạch", "công an huyện"). */
  mentioned: string
  kind: PlaceKind
  /** The old unit, when the words name a unit that no longer exists under that name. */
  former?: FormerPlace
  /** The unit today; null for a district, an old commune that was split, or an ambiguous old name. */
  current: CurrentPlace | null
  /** The new units of a split old commune, or of each old commune of that name (ambiguous); at most 4. */
  candidates?: CurrentPlace[]
  /** True when the named unit no longer exists as such (merged, split, renamed or a district). */
  changed: boolean
}

/** A mention with its position in the NFC text, as the finder returns it. */
export type FoundPlace = PlaceMention & { start: number; end: number }
