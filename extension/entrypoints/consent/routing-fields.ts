/**
 * The routing part of the consent window (văn thư): number/notation, type, subject, place,
 * date and recipients, modelled on the edXML header; hidden for a leader, who only signs.
 * @module
 */
import { h } from '../../components/dom.ts'
import type { ApiClient } from '../../utils/api-client.ts'
import { firstDocumentNumber } from '../../utils/document-number.ts'
import type { ConsentWindowView } from '../../utils/messages.ts'
import { createRecipientPicker } from './recipient-picker.ts'

const today = () => new Date().toISOString().slice(0, 10)

export const createRoutingFields = ({
  view,
  api,
  leaderOnly,
}: {
  view: ConsentWindowView
  api: ApiClient
  leaderOnly: boolean
}) => {
  const notation = h('input', { type: 'text', id: 'notation', value: view.notation ?? '', required: true })
  const type = h('input', {
    type: 'text',
    id: 'doc-type',
    value: view.typeName ?? 'Công văn',
    required: true,
  })
  const subject = h('input', { type: 'text', id: 'subject', value: view.subject ?? '', required: true })
  const place = h('input', {
    type: 'text',
    id: 'place',
    value: localStorage.getItem('place') ?? '',
    required: true,
  })
  const date = h('input', { type: 'date', id: 'promulgated-at', value: today(), required: true })
  const picker = createRecipientPicker(api)
  const fieldset = h(
    'fieldset',
    { id: 'routing', hidden: leaderOnly },
    h('legend', {}, 'Thông tin gửi qua trục liên thông'),
    h('label', { for: 'notation' }, 'Số, ký hiệu'),
    notation,
    h('label', { for: 'doc-type' }, 'Loại văn bản'),
    type,
    h('label', { for: 'subject' }, 'Trích yếu'),
    subject,
    h('label', { for: 'place' }, 'Địa danh ban hành'),
    place,
    h('label', { for: 'promulgated-at' }, 'Ngày ban hành'),
    date,
    h('label', { for: 'recipient-search' }, 'Nơi nhận'),
    picker.search,
    picker.results,
    picker.chosen,
  )
  if (leaderOnly) for (const input of [notation, type, subject, place, date]) input.required = false

  return {
    fieldset,
    notation,
    type,
    date,
    place,
    selected: picker.selected,
    /** the header to route with, from the fields as they are now */
    header: (pages: number | undefined) => {
      localStorage.setItem('place', place.value)
      return {
        to: [...picker.selected.keys()],
        notation: notation.value.trim(),
        codeNumber: firstDocumentNumber(notation.value)?.codeNumber,
        type: type.value.trim(),
        subject: subject.value.trim(),
        place: place.value.trim(),
        promulgatedAt: date.value,
        pages,
        paperCopy: false,
      }
    },
  }
}

export type RoutingFields = ReturnType<typeof createRoutingFields>
