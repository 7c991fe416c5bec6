/**
 * Reads `knowledge/data/admin-units.json` (built by `npm run kb:build-places`), validates it
 * and expands its tuples into lookup maps: current provinces and communes by code, and the
 * old provinces, communes and island districts with the new unit(s) each went into.
 * @module
 */
import { readFileSync } from 'node:fs'
import { fileURLToPath } from 'node:url'
import { type AdminUnitsFile, ZAdminUnitsFile } from './admin-units.types.ts'

export const ADMIN_UNITS_FILE = fileURLToPath(new URL('../data/admin-units.json', import.meta.url))

export type Province = { code: string; name: string; fullName: string }
export type Commune = { code: string; name: string; fullName: string; provinceCode: string }
export type OldProvince = { code: string; fullName: string; newCode: string }
/** An old commune or district: its province before the reform and the new unit(s) it went into. */
export type OldUnit = { code: string; fullName: string; provinceCode: string; newCodes: string[] }

export type AdminUnits = {
  source: AdminUnitsFile['source']
  provinces: Map<string, Province>
  communes: Map<string, Commune>
  oldProvinces: Map<string, OldProvince>
  oldDistricts: OldUnit[]
  oldCommunes: OldUnit[]
}

/**
 * @throws Error when the file does not have the expected shape or names a unit it does not list
 */
export const parseAdminUnits = (json: unknown): AdminUnits => {
  const file = ZAdminUnitsFile.parse(json)
  const provinces = new Map(file.provinces.map(([code, name, fullName]) => [code, { code, name, fullName }]))
  const communes = new Map(
    file.communes.map(([code, name, fullName, provinceCode]) => [
      code,
      { code, name, fullName, provinceCode },
    ]),
  )
  const oldProvinces = new Map(
    file.oldProvinces.map(([code, fullName, newCode]) => [code, { code, fullName, newCode }]),
  )
  const oldUnit = ([code, fullName, provinceCode, codes]: [string, string, string, string]): OldUnit => ({
    code,
    fullName,
    provinceCode,
    newCodes: codes.split(' '),
  })
  const units: AdminUnits = {
    source: file.source,
    provinces,
    communes,
    oldProvinces,
    oldDistricts: file.oldDistricts.map(oldUnit),
    oldCommunes: file.oldCommunes.map(oldUnit),
  }
  const missing = [
    ...[...communes.values()].filter((c) => !provinces.has(c.provinceCode)).map((c) => c.provinceCode),
    ...[...oldProvinces.values()].filter((p) => !provinces.has(p.newCode)).map((p) => p.newCode),
    ...[...units.oldCommunes, ...units.oldDistricts].flatMap((u) =>
      u.newCodes.filter((c) => !communes.has(c)),
    ),
  ]
  if (missing.length > 0) throw new Error(`admin-units: unknown unit codes ${missing.slice(0, 5).join(', ')}`)
  return units
}

/** Loads and validates the data file (the repository's own unless `file` is given). */
export const loadAdminUnits = (file: string = ADMIN_UNITS_FILE): AdminUnits =>
  parseAdminUnits(JSON.parse(readFileSync(file, 'utf8')))
