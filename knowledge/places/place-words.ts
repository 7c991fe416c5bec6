/**
 * The words around place names: type words ("tỉnh", "phường", "huyện"), the agencies and
 * prepositions that make a district or a province mention certain, other spellings of a few
 * province names, and the province names that are also ordinary Vietnamese ("hòa bình" peace,
 * "hai phòng" two rooms, "gia lại", "đa năng", "diễn biến", "Việt Nam định cư"), found by
 * folding the procedure export and the eval questions. Phrases are written with marks; the
 * finder compares them folded when the message has no marks.
 * @module
 */

/** Type words before a commune's name, with the type they name in the official list. */
export const COMMUNE_TYPES = [
  { words: 'thị trấn', type: 'Thị trấn' },
  { words: 'đặc khu', type: 'Đặc khu' },
  { words: 'phường', type: 'Phường' },
  { words: 'xã', type: 'Xã' },
] as const

/** Type words before a province's name. */
export const PROVINCE_TYPES = ['thành phố', 'tỉnh', 'tp'] as const

/** Type words of the district level abolished on 2025-07-01. */
export const DISTRICT_TYPES = ['thị xã', 'huyện', 'quận'] as const

/** Agencies typed before a district type word ("công an huyện", "UBND quận"). */
export const DISTRICT_AGENCIES = [
  'công an',
  'ubnd',
  'ủy ban nhân dân',
  'ủy ban',
  'phòng tư pháp',
  'tòa án',
  'tòa án nhân dân',
  'chi cục thuế',
  'bảo hiểm xã hội',
  'bhxh',
] as const

/** Words before a type word that make it a level, not a place ("cấp xã", "cấp huyện"). */
export const LEVEL_WORDS = ['cấp'] as const

/** Words before a name that say a place follows ("ở Hòa Bình", "về quê Thái Bình"). */
export const PLACE_CUES = [
  'ở',
  'tại',
  'về',
  'từ',
  'đến',
  'sang',
  'thuộc',
  'quê',
  'ra',
  'vào',
  'lên',
  'xuống',
] as const

/** Other spellings of province names; `old` when the code is an old province's. */
export const PROVINCE_ALIASES: readonly { code: string; old: boolean; names: readonly string[] }[] = [
  { code: '79', old: false, names: ['hcm', 'tphcm', 'sài gòn'] },
  { code: '66', old: false, names: ['đắc lắc', 'đăk lăk', 'đắk lăk', 'daklak'] },
  { code: '46', old: false, names: ['thừa thiên huế'] },
  // merged into Hà Nội in 2008, still said by the people of its towns and villages
  { code: '01', old: false, names: ['hà tây'] },
  // its two cities, said for the province
  { code: '77', old: true, names: ['brvt', 'vũng tàu', 'bà rịa'] },
  { code: '67', old: true, names: ['đăk nông', 'đắc nông'] },
  { code: '06', old: true, names: ['bắc cạn'] },
]

/**
 * Province names that are also everyday words: matched only with a type word or a cue before
 * them, or typed with their marks and capitals ("Hòa Bình", not "hòa bình", "hoa binh").
 */
export const COMMON_WORD_NAMES = [
  'hải phòng',
  'gia lai',
  'đà nẵng',
  'huế',
  'điện biên',
  'cao bằng',
  'hòa bình',
  'thái bình',
  'hải dương',
  'lâm đồng',
  'cần thơ',
  'đồng tháp',
  'nam định',
  'sơn la',
  'sài gòn',
  'long an',
  'quảng trị',
  'kiên giang',
  'tuyên quang',
  'thanh hóa',
  'nghệ an',
  'cà mau',
] as const

/** Words that, before (or after) a province name, make it part of another phrase. */
export const NOT_AFTER: Record<string, readonly string[]> = {
  'nam định': ['việt'],
  'hồ chí minh': ['tịch', 'tưởng', 'bác', 'sản', 'lăng', 'chương'],
}
export const NOT_BEFORE: Record<string, readonly string[]> = {
  'thái bình': ['dương'],
}

/** Commune type word + first name word that are one ordinary word ("bảo hiểm xã hội", "phường hội"). */
export const COMMON_WORD_COMMUNES = [
  'xã hội',
  'xã biên',
  'xã đảo',
  'xã viên',
  'xã giao',
  'phường hội',
  'phường chèo',
] as const

/** Words before a commune type word that make it part of another word ("hợp tác xã"). */
export const NOT_A_COMMUNE_AFTER = ['tác'] as const

/** Words before "quan" typed without marks that make it "quan", not "quận" ("cơ quan", "hải quan"). */
export const NOT_A_DISTRICT_AFTER = [
  'cơ',
  'hải',
  'liên',
  'tham',
  'chủ',
  'khách',
  'bi',
  'lạc',
  'trực',
] as const

/** Words before "phường"/"phuong" that make it "phương" typed without marks ("địa phương"). */
export const NOT_A_WARD_AFTER = ['địa', 'đông', 'tây', 'nam', 'bắc', 'đa', 'song', 'đơn', 'phương'] as const
