/**
 * Builds `knowledge/data/admin-units.json`, the administrative units the answering core uses
 * to recognise place names: the 34 provinces and their communes/wards today (from the
 * provinces database build that includes the 2026 changes) and every old province, commune
 * and island district mapped to the new unit(s) it became part of on 2025-07-01 (from the
 * dvhcvn mapping). Output is deterministic: rows sorted by code, nothing time-dependent.
 *
 * `node knowledge/scripts/build-admin-units.ts [--units units.json] [--mapping DIR] [--out FILE]`
 * (defaults: the sources shipped in knowledge/data/admin-units-sources/ and the repository's data file).
 * @module
 */
import { existsSync, readFileSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { parseArgs } from 'node:util'
import { gunzipSync } from 'node:zlib'
import { z } from 'zod'
import { type AdminUnitsFile, ZAdminUnitsFile } from '../places/admin-units.types.ts'
import { foldVietnamese } from '../search/normalize-vietnamese.ts'

/** The MIT source datasets as shipped (gzip-compressed, each with its LICENSE). */
export const ADMIN_UNITS_SOURCES = fileURLToPath(new URL('../data/admin-units-sources/', import.meta.url))
const DEFAULT_UNITS = join(ADMIN_UNITS_SOURCES, 'provinces-2026/units.json.gz')
const DEFAULT_MAPPING = join(ADMIN_UNITS_SOURCES, 'mapping-2025')
const OUTPUT = fileURLToPath(new URL('../data/admin-units.json', import.meta.url))

/** Facts about the inputs that the files themselves do not carry (see knowledge/data/admin-units-sources/NOTICE.md). */
const SOURCE = {
  title: 'danh mục đơn vị hành chính sau sắp xếp 2025',
  reformDate: '2025-07-01',
  units: {
    name: 'thanglequoc/vietnamese-provinces-database (2026-07-25 build)',
    what: '34 provinces and 3,321 communes, wards and special zones after the 2025 reform, with 2026 changes',
    licence: 'MIT',
    copyright: 'Copyright (c) 2021 Thang Le Quoc',
  },
  mapping: {
    name: 'dvhcvn/20250701',
    what: 'old provinces and communes merged or split into each new unit on 2025-07-01',
    licence: 'MIT',
    copyright: 'Copyright (c) 2025 dvhcvn',
  },
} as const

const ZUnitsInput = z.array(
  z.object({
    Code: z.string(),
    Name: z.string(),
    FullName: z.string(),
    Wards: z.array(
      z.object({ Code: z.string(), Name: z.string(), FullName: z.string(), ProvinceCode: z.string() }),
    ),
  }),
)
const ZMergesInput = z.object({
  data: z.array(
    z.object({
      level1_id: z.string(),
      name: z.string(),
      merges: z.array(z.object({ old_id: z.string(), name: z.string() })),
      level2s: z.array(z.object({ level2_id: z.string(), name: z.string() })),
    }),
  ),
})
const ZSplitsInput = z.object({
  data: z.array(
    z.object({
      level1_id: z.string(),
      name: z.string(),
      level2s: z
        .array(
          z.object({
            level2_id: z.string(),
            name: z.string(),
            splits: z.array(z.object({ new_id: z.string() })),
          }),
        )
        .optional(),
      level3s: z.array(
        z.object({
          level3_id: z.string(),
          name: z.string(),
          splits: z.array(z.object({ new_id: z.string() })),
        }),
      ),
    }),
  ),
})

/** Reads `path`, or `path.gz` when only the compressed copy exists (plain or gzip either way). */
export const readSourceJson = (path: string): unknown => {
  const file = existsSync(path) || !existsSync(`${path}.gz`) ? path : `${path}.gz`
  const bytes = readFileSync(file)
  const text =
    bytes[0] === 0x1f && bytes[1] === 0x8b ? gunzipSync(bytes).toString('utf8') : bytes.toString('utf8')
  return JSON.parse(text)
}

/** Type words as the official lists write them ("Thị Trấn Óc Eo", "xã Bắc Sơn" are typos in the inputs). */
const TYPE_WORDS = ['Thành phố', 'Thị trấn', 'Thị xã', 'Đặc khu', 'Phường', 'Huyện', 'Tỉnh', 'Xã']

export const fixTypeWord = (fullName: string): string => {
  const clean = fullName.normalize('NFC').replace(/\s+/g, ' ').trim()
  for (const type of TYPE_WORDS) {
    if (clean.toLowerCase().startsWith(`${type.toLowerCase()} `)) return `${type}${clean.slice(type.length)}`
  }
  return clean
}

const byCode = <T extends readonly [string, ...unknown[]]>(rows: T[]): T[] =>
  rows.sort((a, b) => (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0))

/**
 * Derives the compact file from the three inputs.
 * @throws Error when a new unit of the mapping is missing from the current list
 */
export const buildAdminUnits = (input: {
  units: unknown
  merges: unknown
  splits: unknown
}): AdminUnitsFile => {
  const units = ZUnitsInput.parse(input.units)
  const merges = ZMergesInput.parse(input.merges)
  const splits = ZSplitsInput.parse(input.splits)

  const provinces = byCode(
    units.map((p) => [p.Code, p.Name, fixTypeWord(p.FullName)] as [string, string, string]),
  )
  const communes = byCode(
    units.flatMap((p) =>
      p.Wards.map(
        (w) => [w.Code, w.Name, fixTypeWord(w.FullName), w.ProvinceCode] as [string, string, string, string],
      ),
    ),
  )
  const provinceCodes = new Set(provinces.map((p) => p[0]))
  const communeByCode = new Map(communes.map((c) => [c[0], c]))
  const communeByName = new Map(communes.map((c) => [`${c[3]} ${foldVietnamese(c[1])}`, c]))

  // The mapping names the communes as they were on 2025-07-01; a few were renumbered since.
  const currentCode = new Map<string, string>()
  for (const province of merges.data) {
    if (!provinceCodes.has(province.level1_id))
      throw new Error(`Tỉnh mới ${province.level1_id} không có trong danh mục`)
    for (const commune of province.level2s) {
      const short = fixTypeWord(commune.name).replace(/^(Xã|Phường|Đặc khu) /, '')
      const match =
        communeByCode.get(commune.level2_id) ??
        communeByName.get(`${province.level1_id} ${foldVietnamese(short)}`)
      if (!match || match[3] !== province.level1_id)
        throw new Error(`Xã mới ${commune.level2_id} ${commune.name} không có trong danh mục`)
      currentCode.set(commune.level2_id, match[0])
    }
  }
  const newCodes = (splitsOf: { new_id: string }[], what: string): string => {
    const codes = [...new Set(splitsOf.map((s) => currentCode.get(s.new_id)))]
    if (codes.length === 0 || codes.some((c) => c === undefined))
      throw new Error(`Không rõ đơn vị mới của ${what}`)
    return codes.join(' ')
  }

  const oldProvinces = byCode(
    merges.data.flatMap((p) =>
      p.merges.map((m) => [m.old_id, fixTypeWord(m.name), p.level1_id] as [string, string, string]),
    ),
  )
  const oldDistricts = byCode(
    splits.data.flatMap((p) =>
      (p.level2s ?? []).map(
        (d) =>
          [d.level2_id, fixTypeWord(d.name), p.level1_id, newCodes(d.splits, d.name)] as [
            string,
            string,
            string,
            string,
          ],
      ),
    ),
  )
  const oldCommunes = byCode(
    splits.data.flatMap((p) =>
      p.level3s.map(
        (c) =>
          [c.level3_id, fixTypeWord(c.name), p.level1_id, newCodes(c.splits, c.name)] as [
            string,
            string,
            string,
            string,
          ],
      ),
    ),
  )
  return ZAdminUnitsFile.parse({
    source: SOURCE,
    provinces,
    communes,
    oldProvinces,
    oldDistricts,
    oldCommunes,
  })
}

/** One row a line: the file stays readable in a diff and small on disk. */
export const formatAdminUnits = (file: AdminUnitsFile): string => {
  const rows = (list: readonly unknown[]) => `[\n${list.map((r) => JSON.stringify(r)).join(',\n')}\n]`
  const parts = [
    `"source": ${JSON.stringify(file.source, null, 1)}`,
    `"provinces": ${rows(file.provinces)}`,
    `"communes": ${rows(file.communes)}`,
    `"oldProvinces": ${rows(file.oldProvinces)}`,
    `"oldDistricts": ${rows(file.oldDistricts)}`,
    `"oldCommunes": ${rows(file.oldCommunes)}`,
  ]
  return `{\n${parts.join(',\n')}\n}\n`
}

const main = (): void => {
  const { values } = parseArgs({
    options: { units: { type: 'string' }, mapping: { type: 'string' }, out: { type: 'string' } },
  })
  const mapping = values.mapping ?? DEFAULT_MAPPING
  const file = buildAdminUnits({
    units: readSourceJson(values.units ?? DEFAULT_UNITS),
    merges: readSourceJson(join(mapping, 'merges.json')),
    splits: readSourceJson(join(mapping, 'splits.json')),
  })
  const out = values.out ?? OUTPUT
  const text = formatAdminUnits(file)
  writeFileSync(out, text)
  process.stdout.write(
    `Đã ghi ${out} (${Buffer.byteLength(text)} byte): ${file.provinces.length} tỉnh, ${file.communes.length} xã; ` +
      `trước sắp xếp ${file.oldProvinces.length} tỉnh, ${file.oldCommunes.length} xã, ${file.oldDistricts.length} huyện\n`,
  )
}

if (import.meta.main) main()
