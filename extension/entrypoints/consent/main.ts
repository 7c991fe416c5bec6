/**
 * The consent window (the extension's page, not the website's): shows which site asked, the
 * file, its document number and SHA-256, lets the official pick recipient agencies and
 * confirm the header, then asks the background to sign and route.
 * @module
 */
import { browser } from 'wxt/browser'
import { getAppConfig } from 'wxt/utils/app-config'
import { h, PAGE_STYLE } from '../../components/dom.ts'
import { type Agency, createApiClient } from '../../utils/api-client.ts'
import { base64ToBytes, bytesToBase64, sha256Hex } from '../../utils/base64.ts'
import { firstDocumentNumber } from '../../utils/document-number.ts'
import type { ConsentView, RouteOutcome } from '../../utils/messages.ts'
import { readSettings, remoteSigningItem } from '../../utils/storage.ts'

const today = () => new Date().toISOString().slice(0, 10)
const groupHex = (hex: string) => hex.match(/.{1,8}/g)?.join(' ') ?? hex

const main = async () => {
  const app = document.getElementById('app')!
  document.head.append(h('style', {}, PAGE_STYLE))
  const requestId = new URLSearchParams(location.search).get('request') ?? ''
  const view = (await browser.runtime.sendMessage({ type: 'consent-get', requestId })) as ConsentView | null
  if (!view) {
    app.append(
      h('h1', {}, 'Ký số & gửi qua trục liên thông'),
      h('p', { class: 'error' }, 'Yêu cầu không còn hiệu lực.'),
    )
    return
  }
  const settings = await readSettings(getAppConfig().defaultApiBaseUrl)
  const api = createApiClient({ baseUrl: settings.apiBaseUrl, token: settings.apiToken })
  const remoteOffered = await remoteSigningItem.getValue()
  const me = await api.me().catch(() => null)
  // Nghị định 30/2020, Art. 32: the leader signs first; the văn thư then signs for the organisation and sends
  const leaderOnly = me?.official.role === 'approver'

  let picked: { name: string; pdfBase64: string } | null = null
  const selected = new Map<string, Agency>()

  const shaOut = h('code', { id: 'sha256' }, view.sha256 ? groupHex(view.sha256) : '—')
  const fileOut = h('span', { id: 'file-name' }, view.fileName ?? '—')
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
  const search = h('input', {
    type: 'text',
    id: 'recipient-search',
    placeholder: 'Tìm cơ quan nhận (tên hoặc mã)…',
  })
  const results = h('ul', { id: 'recipient-results' })
  const chosen = h('div', { id: 'recipients' })
  const remote = h('input', { type: 'checkbox', id: 'remote' })
  const confirm = h(
    'button',
    { type: 'submit', class: 'primary', id: 'confirm' },
    leaderOnly ? 'Ký số' : 'Ký số & gửi',
  )
  const cancel = h('button', { type: 'button', id: 'cancel' }, 'Hủy')
  const result = h('p', { id: 'result', role: 'status' })

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

  let picker: HTMLInputElement | null = null
  if (!view.fileName) {
    picker = h('input', { type: 'file', id: 'pick-file', accept: 'application/pdf,.pdf' })
    picker.addEventListener('change', async () => {
      const file = picker?.files?.[0]
      if (!file) return
      const bytes = new Uint8Array(await file.arrayBuffer())
      picked = { name: file.name, pdfBase64: bytesToBase64(bytes) }
      fileOut.textContent = file.name
      shaOut.textContent = groupHex(await sha256Hex(bytes))
      const found = firstDocumentNumber(file.name)
      if (found && !notation.value) {
        notation.value = found.notation
        type.value = found.typeName
      }
    })
  }

  const routing = h(
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
    search,
    results,
    chosen,
  )
  if (leaderOnly) for (const input of [notation, type, subject, place, date]) input.required = false
  const signer = me
    ? h(
        'p',
        { id: 'signer' },
        `Người ký: ${me.official.name} — ${me.agency.name} (${leaderOnly ? 'người có thẩm quyền' : 'chữ ký số của cơ quan'})`,
      )
    : h('p', { class: 'error' }, 'Chưa kết nối được máy chủ trolyso: kiểm tra mã truy cập trong Tùy chọn.')
  const warning =
    !leaderOnly && view.signatureCount === 0
      ? h(
          'p',
          { class: 'error', id: 'needs-leader' },
          'Tệp chưa có chữ ký của người có thẩm quyền. Văn thư chỉ ký số của cơ quan sau khi lãnh đạo đã ký (Nghị định 30/2020/NĐ-CP, Điều 32).',
        )
      : null
  const form = h(
    'form',
    {},
    h('h1', {}, leaderOnly ? 'Ký số văn bản' : 'Ký số & gửi qua trục liên thông'),
    h('p', {}, 'Trang yêu cầu ký:'),
    h('p', { class: 'origin', id: 'origin' }, view.origin),
    h('p', { class: 'muted' }, 'Chỉ xác nhận nếu bạn vừa thao tác trên trang này.'),
    h('p', {}, 'Tệp: ', fileOut),
    picker,
    h('p', {}, 'Số, ký hiệu: ', h('strong', { id: 'found-notation' }, view.notation ?? '—')),
    h('p', {}, 'SHA-256: ', shaOut),
    signer,
    warning,
    routing,
    remoteOffered && h('label', {}, remote, ' Ký từ xa (xác nhận trên điện thoại)'),
    h('p', {}, confirm, ' ', cancel),
    result,
  )
  app.append(form)

  cancel.addEventListener('click', async () => {
    await browser.runtime.sendMessage({ type: 'consent-cancel', requestId })
    window.close()
  })
  form.addEventListener('submit', async (event) => {
    event.preventDefault()
    if (!leaderOnly && selected.size === 0) {
      result.className = 'error'
      result.textContent = 'Hãy chọn ít nhất một cơ quan nhận.'
      return
    }
    if (!view.fileName && !picked) {
      result.className = 'error'
      result.textContent = 'Hãy chọn tệp PDF cần ký.'
      return
    }
    localStorage.setItem('place', place.value)
    confirm.disabled = true
    result.className = 'muted'
    result.textContent = 'Đang ký số và gửi…'
    const found = firstDocumentNumber(notation.value)
    const outcome = (await browser.runtime.sendMessage({
      type: 'consent-confirm',
      requestId,
      remote: remote.checked,
      pickedFile: picked ?? undefined,
      header: leaderOnly
        ? undefined
        : {
            to: [...selected.keys()],
            notation: notation.value.trim(),
            codeNumber: found?.codeNumber,
            type: type.value.trim(),
            subject: subject.value.trim(),
            place: place.value.trim(),
            promulgatedAt: date.value,
            pages: view.pages ?? undefined,
            paperCopy: false,
          },
    })) as RouteOutcome
    if (outcome.ok && outcome.kind === 'signed') {
      const blob = new Blob([base64ToBytes(outcome.signedPdfBase64)], { type: 'application/pdf' })
      const link = h(
        'a',
        {
          href: URL.createObjectURL(blob),
          download: `${outcome.fileName.replace(/\.pdf$/i, '')}-da-ky.pdf`,
          id: 'download',
        },
        'Tải tệp đã ký',
      )
      result.className = 'ok'
      result.replaceChildren(
        'Đã ký số. Hãy chuyển tệp đã ký cho văn thư để ký số của cơ quan và gửi qua trục liên thông. ',
        link,
      )
      cancel.textContent = 'Đóng'
    } else if (outcome.ok) {
      result.className = 'ok'
      result.textContent = `Đã gửi ${outcome.notation} tới ${outcome.recipients.map((r) => r.agencyCode).join(', ')}. Chữ ký: ${
        outcome.signatureStatus === 'signed_valid' ? 'hợp lệ' : outcome.signatureStatus
      }.`
      cancel.textContent = 'Đóng'
    } else {
      result.className = 'error'
      result.textContent = outcome.message
    }
  })
}

void main()
