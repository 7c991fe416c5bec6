import { describe, expect, it } from 'vitest'
import { createPlaceFinder } from '../../../knowledge/places/find-places.ts'
import { loadAdminUnits, parseAdminUnits } from '../../../knowledge/places/load-admin-units.ts'
import type { FoundPlace } from '../../../knowledge/places/place.types.ts'
import { devEvalFile, readEvalQuestions, repoRoot } from '../../helpers/paths.ts'
import { readCaseGroup } from '../../helpers/read-cases.ts'

const findPlaces = createPlaceFinder({ units: loadAdminUnits() })

/** The one place found, without its position. */
const only = (text: string) => {
  const found = findPlaces(text)
  expect(found, text).toHaveLength(1)
  const { start: _s, end: _e, ...place } = found[0] as FoundPlace
  return place
}

const HA_NAM = {
  kind: 'province',
  former: { code: '35', name: 'Tỉnh Hà Nam', level: 'tỉnh' },
  current: { code: '37', name: 'Tỉnh Ninh Bình', level: 'tỉnh' },
  changed: true,
}

describe('findPlaces: provinces', () => {
  it.each([
    ['làm khai sinh ở Hà Nam', 'Hà Nam'],
    ['lam khai sinh o ha nam', 'ha nam'],
    ['LÀM KHAI SINH Ở HÀ NAM', 'HÀ NAM'],
    ['Ha Nam', 'Ha Nam'],
    ['quê tôi ở tỉnh Hà Nam', 'tỉnh Hà Nam'],
    ['làm khai sinh ở Hà Nam'.normalize('NFD'), 'Hà Nam'],
  ])('resolves the old province in "%s" to the new one', (text, mentioned) => {
    expect(only(text)).toEqual({ mentioned, ...HA_NAM })
  })

  it.each([
    ['đăng ký kết hôn ở Ninh Bình', 'Ninh Bình', '37', 'Tỉnh Ninh Bình'],
    ['cấp hộ chiếu ở thành phố Hà Nội', 'thành phố Hà Nội', '01', 'Thành phố Hà Nội'],
    ['đổi bằng lái ở TP.HCM', 'TP.HCM', '79', 'Thành phố Hồ Chí Minh'],
    ['tp hcm', 'tp hcm', '79', 'Thành phố Hồ Chí Minh'],
  ])('reports the current province in "%s" unchanged', (text, mentioned, code, name) => {
    expect(only(text)).toEqual({
      mentioned,
      kind: 'province',
      current: { code, name, level: 'tỉnh' },
      changed: false,
    })
  })

  it.each(['Thanh Hóa', 'Thanh Hoá', 'thanh hoa', 'THANH HÓA'])(
    'matches "%s" whatever the tone placement or case',
    (text) => {
      expect(only(`ở ${text}`).current?.code).toBe('38')
    },
  )

  it('resolves each of several old provinces', () => {
    const found = findPlaces('chuyển hộ khẩu từ Bình Dương về Thái Bình')
    expect(found.map((p) => [p.mentioned, p.current?.name])).toEqual([
      ['Bình Dương', 'Thành phố Hồ Chí Minh'],
      ['Thái Bình', 'Tỉnh Hưng Yên'],
    ])
  })

  it('reads the cities said for their old province ("mua nhà ở Vũng Tàu") as that province', () => {
    for (const text of ['mua nhà ở Vũng Tàu', 'đất ở Bà Rịa', 'o vung tau'])
      expect(only(text).current?.name, text).toBe('Thành phố Hồ Chí Minh')
  })
})

describe('findPlaces: communes and wards', () => {
  it('resolves an old ward written with its type word to the new ward and its province', () => {
    expect(only('đăng ký kết hôn ở phường Trúc Bạch')).toEqual({
      mentioned: 'phường Trúc Bạch',
      kind: 'commune',
      former: { code: '00004', name: 'Phường Trúc Bạch', level: 'xã', province: 'Thành phố Hà Nội' },
      current: { code: '00004', name: 'Phường Ba Đình', level: 'xã', province: 'Thành phố Hà Nội' },
      changed: true,
    })
    expect(only('phuong truc bach').current?.name).toBe('Phường Ba Đình')
  })

  it('does not take a bare commune name for a place', () => {
    expect(findPlaces('ở Trúc Bạch')).toEqual([])
  })

  it('lists the new wards of an old ward that was split', () => {
    const place = only('phường Cống Vị')
    expect(place.current).toBeNull()
    expect(place.changed).toBe(true)
    expect(place.candidates?.map((c) => c.name)).toEqual(['Phường Ngọc Hà', 'Phường Giảng Võ'])
  })

  it('gives no single answer for an old ward name found in two provinces', () => {
    const place = only('phường Đề Thám')
    expect(place.current).toBeNull()
    expect(place.candidates?.map((c) => `${c.name}, ${c.province}`)).toEqual([
      'Phường Thục Phán, Tỉnh Cao Bằng',
      'Phường Trần Hưng Đạo, Tỉnh Hưng Yên',
    ])
  })

  it.each([
    ['phường Đề Thám, Thái Bình', 'Phường Trần Hưng Đạo'],
    ['phường Đề Thám tỉnh Hưng Yên', 'Phường Trần Hưng Đạo'],
    ['phường Đề Thám ở Cao Bằng', 'Phường Thục Phán'],
  ])('settles "%s" with the province named beside it', (text, name) => {
    const [commune] = findPlaces(text)
    expect(commune).toMatchObject({ kind: 'commune', current: { name }, changed: true })
  })

  it('skips an old name shared by too many communes to list', () => {
    expect(findPlaces('phường 1')).toEqual([])
  })

  it('keeps a current ward name unchanged', () => {
    expect(only('Phường Ba Đình')).toMatchObject({ current: { code: '00004' }, changed: false })
  })

  it('knows the island districts that became special zones', () => {
    expect(only('huyện Côn Đảo')).toMatchObject({
      kind: 'district',
      former: { name: 'Huyện Côn Đảo', province: 'Tỉnh Bà Rịa - Vũng Tàu' },
      current: { name: 'Đặc khu Côn Đảo', level: 'xã', province: 'Thành phố Hồ Chí Minh' },
      changed: true,
    })
  })
})

describe('findPlaces: districts', () => {
  it.each(readCaseGroup('place-names', 'district'))(
    'reports the district in "%s" as gone',
    (text, mentioned) => {
      const [district] = findPlaces(text)
      expect(district).toMatchObject({ mentioned, kind: 'district', current: null, changed: true })
    },
  )
})

describe('findPlaces: ordinary words', () => {
  it.each(readCaseGroup('nothing-found', 'place'))('finds no place in "%s"', (text) => {
    expect(findPlaces(text)).toEqual([])
  })

  it('reads "xa" among marked words as "far", not as "xã"', () => {
    expect(findPlaces('tôi làm việc xa Điện Biên').map((p) => `${p.kind}: ${p.mentioned}`)).toEqual([
      'province: Điện Biên',
    ])
  })

  it('finds only the real district mentions among the eval questions', () => {
    const files = [devEvalFile, `${repoRoot}tests/fixtures/eval/holdout.tsv`]
    const questions = readEvalQuestions(files)
    expect(questions.length).toBeGreaterThan(140)
    const found = questions.flatMap((q) => findPlaces(q).map((p) => `${p.kind}: ${p.mentioned}`))
    expect(found).toEqual(['district: công an huyện', 'district: huyện'])
  })
})

describe('createPlaceFinder', () => {
  it('works on injected units', () => {
    const units = parseAdminUnits({
      source: {
        title: 'danh mục thử',
        reformDate: '2025-07-01',
        units: { name: 'u', what: 'u', licence: 'MIT', copyright: 'c' },
        mapping: { name: 'm', what: 'm', licence: 'MIT', copyright: 'c' },
      },
      provinces: [['01', 'Mới', 'Tỉnh Mới']],
      communes: [['00001', 'Một', 'Xã Một', '01']],
      oldProvinces: [['02', 'Tỉnh Cũ Xưa', '01']],
      oldDistricts: [],
      oldCommunes: [['00009', 'Xã Chín Mươi', '02', '00001']],
    })
    const find = createPlaceFinder({ units })
    expect(find('xã Chín Mươi, tỉnh Cũ Xưa').map((p) => [p.mentioned, p.current?.name])).toEqual([
      ['xã Chín Mươi', 'Xã Một'],
      ['tỉnh Cũ Xưa', 'Tỉnh Mới'],
    ])
  })
})
