import { spawnSync } from 'node:child_process'
import { mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { ADMIN_UNITS_FILE, loadAdminUnits } from '../../../knowledge/places/load-admin-units.ts'
import {
  ADMIN_UNITS_SOURCES,
  buildAdminUnits,
  fixTypeWord,
  readSourceJson,
} from '../../../knowledge/scripts/build-admin-units.ts'
import { repoRoot } from '../../helpers/paths.ts'
import { readCaseGroup } from '../../helpers/read-cases.ts'

const inputs = ADMIN_UNITS_SOURCES
const readJson = readSourceJson

describe('npm run kb:build-places', () => {
  let dir: string
  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), 'trolyso-places-'))
  })
  afterAll(() => rmSync(dir, { recursive: true, force: true }))

  it('rebuilds the committed data file byte for byte', () => {
    const out = join(dir, 'admin-units.json')
    const result = spawnSync(process.execPath, ['knowledge/scripts/build-admin-units.ts', '--out', out], {
      cwd: repoRoot,
      encoding: 'utf8',
    })
    expect(result.status, result.stderr).toBe(0)
    expect(result.stdout).toMatch(/34 tỉnh, 3321 xã; trước sắp xếp 63 tỉnh, 10047 xã, 5 huyện/)
    expect(readFileSync(out, 'utf8')).toBe(readFileSync(ADMIN_UNITS_FILE, 'utf8'))
  })
})

describe('knowledge/data/admin-units.json', () => {
  const units = loadAdminUnits()

  it('has the 34 provinces and 3,321 communes after the reform', () => {
    expect(units.provinces.size).toBe(34)
    expect(units.communes.size).toBe(3321)
    expect(units.provinces.get('37')).toEqual({ code: '37', name: 'Ninh Bình', fullName: 'Tỉnh Ninh Bình' })
  })

  it('maps the 63 old provinces and 10,047 old communes to new units', () => {
    expect(units.oldProvinces.size).toBe(63)
    expect(new Set([...units.oldProvinces.values()].map((p) => p.newCode)).size).toBe(34)
    expect(units.oldProvinces.get('35')).toEqual({ code: '35', fullName: 'Tỉnh Hà Nam', newCode: '37' })
    expect(units.oldCommunes).toHaveLength(10047)
    expect(units.oldCommunes.find((c) => c.fullName === 'Phường Trúc Bạch')).toEqual({
      code: '00004',
      fullName: 'Phường Trúc Bạch',
      provinceCode: '01',
      newCodes: ['00004'],
    })
    expect(units.oldDistricts.map((d) => d.fullName)).toEqual([
      'Huyện Bạch Long Vĩ',
      'Huyện Cồn Cỏ',
      'Huyện Hoàng Sa',
      'Huyện Lý Sơn',
      'Huyện Côn Đảo',
    ])
  })

  it('names its sources, their licence and the reform date', () => {
    expect(units.source).toMatchObject({
      title: 'danh mục đơn vị hành chính sau sắp xếp 2025',
      reformDate: '2025-07-01',
      units: { name: expect.stringContaining('thanglequoc/vietnamese-provinces-database'), licence: 'MIT' },
      mapping: { name: 'dvhcvn/20250701', licence: 'MIT' },
    })
    const licence = readFileSync(ADMIN_UNITS_FILE.replace(/\.json$/, '.LICENSE'), 'utf8')
    expect(licence).toContain('Copyright (c) 2025 dvhcvn')
    expect(licence).toContain('Copyright (c) 2021 Thang Le Quoc')
  })

  it('stays compact', () => {
    expect(statSync(ADMIN_UNITS_FILE).size).toBeLessThan(700_000)
  })
})

describe('buildAdminUnits', () => {
  const mapping = {
    merges: readJson(`${inputs}mapping-2025/merges.json`),
    splits: readJson(`${inputs}mapping-2025/splits.json`),
  }

  it('fails when the mapping names a new commune the current list lacks', () => {
    const units = readJson(`${inputs}provinces-2026/units.json`) as { Wards: { Code: string }[] }[]
    const first = units[0]
    if (!first) throw new Error('no provinces')
    const trimmed = [{ ...first, Wards: first.Wards.slice(1) }, ...units.slice(1)]
    expect(() => buildAdminUnits({ units: trimmed, ...mapping })).toThrow(/không có trong danh mục/)
  })

  it.each(readCaseGroup('place-names', 'official-type-word'))(
    'writes the type word of "%s" as the official lists do',
    (raw, fixed) => {
      expect(fixTypeWord(raw)).toBe(fixed)
    },
  )
})
