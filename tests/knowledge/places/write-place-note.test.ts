import { describe, expect, it } from 'vitest'
import { createPlaceNotes } from '../../../knowledge/places/create-place-notes.ts'
import { loadAdminUnits } from '../../../knowledge/places/load-admin-units.ts'
import { inSentence, writePlaceNote } from '../../../knowledge/places/write-place-note.ts'
import { readCaseGroup } from '../../helpers/read-cases.ts'

const places = createPlaceNotes({ units: loadAdminUnits() })
const noteFor = (text: string, levels: string[] | null = ['Cấp xã']) => places.note(places.find(text), levels)
const SOURCE = '(theo danh mục đơn vị hành chính sau sắp xếp 2025)'

describe('writePlaceNote', () => {
  it.each([
    ['làm khai sinh ở Hà Nam', `Lưu ý địa bàn: từ 01/07/2025 tỉnh Hà Nam thuộc tỉnh Ninh Bình ${SOURCE}.`],
    ['lam khai sinh o ha nam', `Lưu ý địa bàn: từ 01/07/2025 tỉnh Hà Nam thuộc tỉnh Ninh Bình ${SOURCE}.`],
    [
      'đăng ký kết hôn ở phường Trúc Bạch',
      `Lưu ý địa bàn: từ 01/07/2025 phường Trúc Bạch thuộc phường Ba Đình, thành phố Hà Nội ${SOURCE}.`,
    ],
    [
      'phường Cống Vị',
      `Lưu ý địa bàn: từ 01/07/2025 phường Cống Vị được chia về phường Ngọc Hà và phường Giảng Võ, thành phố Hà Nội ${SOURCE}.`,
    ],
    [
      'phường Đề Thám, Thái Bình',
      `Lưu ý địa bàn: từ 01/07/2025 phường Đề Thám (tỉnh Thái Bình) thuộc phường Trần Hưng Đạo, tỉnh Hưng Yên ${SOURCE}.`,
    ],
    [
      'nhập hộ khẩu giờ còn phải lên công an huyện ko',
      'Lưu ý địa bàn: từ 01/07/2025 không còn cấp huyện, thủ tục nộp tại cơ quan nêu ở trên (cấp xã).',
    ],
    [
      'công an huyện Kim Bảng, Hà Nam',
      `Lưu ý địa bàn: từ 01/07/2025 tỉnh Hà Nam thuộc tỉnh Ninh Bình ${SOURCE}; không còn cấp huyện, thủ tục nộp tại cơ quan nêu ở trên (cấp xã).`,
    ],
  ])('writes one NFC line for "%s"', (text, expected) => {
    const note = noteFor(text)
    expect(note).toBe(expected)
    expect(note).toBe(note?.normalize('NFC'))
    expect(note).not.toContain('\n')
  })

  it('names the levels of the answered procedure, or the usual two without one', () => {
    expect(noteFor('công an huyện', ['Cấp tỉnh', 'Cấp xã'])).toBe(
      'Lưu ý địa bàn: từ 01/07/2025 không còn cấp huyện, thủ tục nộp tại cơ quan nêu ở trên (cấp tỉnh hoặc cấp xã).',
    )
    expect(noteFor('công an huyện', null)).toBe(
      'Lưu ý địa bàn: từ 01/07/2025 không còn cấp huyện, thủ tục nộp ở cấp xã hoặc cấp tỉnh tùy thủ tục.',
    )
  })

  it('says which new ward each old ward of the name went into when no province settles it', () => {
    expect(noteFor('phường Đề Thám')).toBe(
      'Lưu ý địa bàn: từ 01/07/2025 phường Đề Thám (tên cũ ở nhiều nơi) thuộc phường Thục Phán (tỉnh Cao Bằng) ' +
        `hoặc phường Trần Hưng Đạo (tỉnh Hưng Yên) ${SOURCE}.`,
    )
  })

  it('does not repeat the province a ward clause already names', () => {
    expect(noteFor('xã Tân Hòa, Hậu Giang')).toBe(
      `Lưu ý địa bàn: từ 01/07/2025 xã Tân Hoà (tỉnh Hậu Giang) thuộc xã Tân Hoà, thành phố Cần Thơ ${SOURCE}.`,
    )
  })

  it.each(['ở Hà Nội', 'Phường Ba Đình', 'xã Tân Hòa', 'đăng ký kết hôn'])(
    'writes nothing for "%s"',
    (text) => {
      expect(noteFor(text)).toBeNull()
    },
  )

  it('states only what the units say and never an address', () => {
    const note = writePlaceNote({
      places: [
        {
          mentioned: 'X',
          kind: 'province',
          former: { code: '9', name: 'Tỉnh Cũ', level: 'tỉnh' },
          current: { code: '1', name: 'Tỉnh Mới', level: 'tỉnh' },
          changed: true,
        },
      ],
      source: { title: 'danh mục thử', reformDate: '2025-07-01' },
      levels: [],
    })
    expect(note).toBe('Lưu ý địa bàn: từ 01/07/2025 tỉnh Cũ thuộc tỉnh Mới (theo danh mục thử).')
  })

  it.each(readCaseGroup('place-names', 'in-sentence'))(
    'writes the type word of "%s" in lower case inside a sentence',
    (name, expected) => {
      expect(inSentence(name)).toBe(expected)
    },
  )
})
