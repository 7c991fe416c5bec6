/**
 * Recipient agencies for the consent window: a search over the API's agency list and the
 * chosen agencies as removable chips.
 * @module
 */
import type { Agency } from '../../../contracts/documents.ts'
import { h } from '../../components/dom.ts'
import type { ApiClient } from '../../utils/api-client.ts'

export const createRecipientPicker = (api: ApiClient) => {
  const selected = new Map<string, Agency>()
  const search = h('input', {
    type: 'text',
    id: 'recipient-search',
    placeholder: 'Tìm cơ quan nhận (tên hoặc mã)…',
  })
  const results = h('ul', { id: 'recipient-results' })
  const chosen = h('div', { id: 'recipients' })

  const renderChosen = () => {
    chosen.replaceChildren(
      ...[...selected.values()].map((agency) => {
        const remove = h('button', { type: 'button', 'aria-label': `Bỏ ${agency.name}` }, '×')
        remove.addEventListener('click', () => {
          selected.delete(agency.code)
          renderChosen()
        })
        return h(
          'span',
          { class: 'chip', 'data-code': agency.code },
          `${agency.name} (${agency.code}) `,
          remove,
        )
      }),
    )
  }
  let searchTimer: ReturnType<typeof setTimeout> | undefined
  search.addEventListener('input', () => {
    clearTimeout(searchTimer)
    searchTimer = setTimeout(async () => {
      try {
        const found = await api.searchAgencies(search.value.trim())
        results.replaceChildren(
          ...found.map((agency) => {
            const item = h(
              'li',
              { 'data-code': agency.code },
              h('button', { type: 'button' }, `${agency.name} — ${agency.code}`),
            )
            item.addEventListener('click', () => {
              selected.set(agency.code, agency)
              renderChosen()
            })
            return item
          }),
        )
      } catch (error) {
        results.replaceChildren(h('li', { class: 'error' }, (error as Error).message))
      }
    }, 200)
  })
  return { search, results, chosen, selected }
}
