/**
 * The consent window (the extension's page, not the website's): shows which site asked, who
 * signs and in which role, and the exact bytes to be signed: first pages rendered with pdf.js,
 * page count, the number and date written in the document, and the SHA-256 this window
 * computed from those bytes (the background signs only bytes with that hash). Lets the official
 * pick recipient agencies and confirm the header, then asks the background to sign and route.
 * @module
 */
import { browser } from 'wxt/browser'
import { getAppConfig } from 'wxt/utils/app-config'
import type { Agency } from '../../../contracts/documents.ts'
import { h, PAGE_STYLE } from '../../components/dom.ts'
import { createApiClient } from '../../utils/api-client.ts'
import { sha256Hex } from '../../utils/base64.ts'
import { browserConsentPersistence } from '../../utils/consent-persistence.ts'
import { findDocumentDate, firstDocumentNumber, sameNotation } from '../../utils/document-number.ts'
import type { ConsentEndedMessage, ConsentWindowView, RouteOutcome } from '../../utils/messages.ts'
import { openPdfPreview } from '../../utils/pdf-preview.ts'
import { readSettings, remoteSigningItem } from '../../utils/storage.ts'

const today = () => new Date().toISOString().slice(0, 10)
const groupHex = (hex: string) => hex.match(/.{1,8}/g)?.join(' ') ?? hex

const main = async () => {
  const app = document.getElementById('app')!
  document.head.append(h('style', {}, PAGE_STYLE))
  const requestId = new URLSearchParams(location.search).get('request') ?? ''
  const view = (await browser.runtime.sendMessage({
    type: 'consent-get',
    requestId,
  })) as ConsentWindowView | null
  if (!view) {
    app.append(
      h('h1', {}, 'Ký số & gửi qua trục liên thông'),
      h('p', { class: 'error' }, 'Yêu cầu không còn hiệu lực.'),
    )
    return
  }
  const settings = await readSettings(getAppConfig().defaultApiBaseUrl)
  const api = createApiClient({ baseUrl: settings.apiBaseUrl, token: settings.apiToken })
  const me = await api.me().catch(() => null)
  // only where the deployment has a provider, and the official chose it in Tùy chọn
  const remoteOffered = me?.features?.remoteSigning === true && (await remoteSigningItem.getValue())
  // Nghị định 30/2020, Art. 32: the leader signs first; the văn thư then signs for the organisation and sends
  const leaderOnly = me?.official.role === 'approver'

  /** the bytes of the request, or of the file picked here, live in the extension's IndexedDB */
  const stored = browserConsentPersistence()
  let picked: { name: string } | null = null
  const selected = new Map<string, Agency>()
  /** the bytes shown and their hash, computed here: the background signs only bytes with this hash */
  let shown: { bytes: Uint8Array<ArrayBuffer>; sha256: string } | null = null

  const shaOut = h('code', { id: 'sha256' }, '—')
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

  const pagesOut = h('span', { id: 'pdf-pages' }, '—')
  const pdfNotationOut = h('strong', { id: 'pdf-notation' }, '—')
  const pdfDateOut = h('span', { id: 'pdf-date' }, '—')
  const previewBox = h('div', {
    id: 'preview',
    class: 'preview',
    'aria-label': 'Trang đầu của văn bản sẽ ký',
  })
  const mismatch = h('p', { class: 'error', id: 'notation-mismatch', hidden: true })
  const result = h('p', { id: 'result', role: 'status' })

  /** shows what the bytes themselves say; the page's number and the mail subject are only hints */
  const show = async (bytes: Uint8Array<ArrayBuffer>, fileName: string | null) => {
    const sha256 = await sha256Hex(bytes)
    shown = { bytes, sha256 }
    shaOut.textContent = groupHex(sha256)
    previewBox.replaceChildren(h('p', { class: 'muted' }, 'Đang hiển thị văn bản…'))
    try {
      const preview = await openPdfPreview(bytes)
      pagesOut.textContent = String(preview.pages)
      const found = firstDocumentNumber(preview.text) ?? (fileName ? firstDocumentNumber(fileName) : null)
      const written = findDocumentDate(preview.text)
      pdfNotationOut.textContent = found?.notation ?? 'không tìm thấy trong văn bản'
      pdfDateOut.textContent = written?.display ?? 'không tìm thấy trong văn bản'
      if (found) {
        // the page's form of the same number keeps its marks (QĐ), otherwise the document's wins
        if (!notation.value || !sameNotation(notation.value, found.notation)) notation.value = found.notation
        type.value = found.typeName
      }
      if (written) date.value = written.iso
      const onPage = view.notation
      mismatch.hidden = !(found && onPage && !sameNotation(found.notation, onPage))
      mismatch.textContent = `Số, ký hiệu trong văn bản (${found?.notation ?? ''}) khác với số trên trang (${onPage ?? ''}). Hãy kiểm tra kỹ trước khi ký.`
      previewBox.replaceChildren()
      for (let n = 1; n <= Math.min(preview.pages, 2); n++) {
        const canvas = h('canvas', { 'aria-label': `Trang ${n}` })
        previewBox.append(canvas)
        await preview.render(n, canvas, 480)
        canvas.dataset['page'] = String(n)
      }
      if (preview.pages > 2)
        previewBox.append(h('p', { class: 'muted' }, `… và ${preview.pages - 2} trang nữa.`))
    } catch (error) {
      previewBox.replaceChildren(
        h(
          'p',
          { class: 'error' },
          `Không hiển thị được tệp: ${(error as Error).message}. Không nên ký tệp này.`,
        ),
      )
    }
  }

  let picker: HTMLInputElement | null = null
  if (!view.fileName) {
    picker = h('input', { type: 'file', id: 'pick-file', accept: 'application/pdf,.pdf' })
    picker.addEventListener('change', async () => {
      const file = picker?.files?.[0]
      if (!file) return
      const bytes = new Uint8Array(await file.arrayBuffer())
      // kept with the request: the background signs them only if their hash is the one shown here
      await stored.putBytes(requestId, bytes)
      picked = { name: file.name }
      fileOut.textContent = file.name
      await show(bytes, file.name)
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
        `Người ký: ${me.official.name} — ${me.agency.name} (${leaderOnly ? 'người có thẩm quyền' : 'văn thư, chữ ký số của cơ quan'})`,
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
    h('p', {}, view.draftId ? 'Từ hàng chờ phát hành của cơ quan:' : 'Trang yêu cầu ký:'),
    h('p', { class: 'origin', id: 'origin' }, view.origin),
    !view.draftId && h('p', { class: 'muted' }, 'Chỉ xác nhận nếu bạn vừa thao tác trên trang này.'),
    h('p', {}, 'Tệp: ', fileOut),
    picker,
    signer,
    h('p', {}, 'Số, ký hiệu trong văn bản: ', pdfNotationOut),
    h('p', {}, 'Ngày ghi trong văn bản: ', pdfDateOut),
    h('p', {}, 'Số trang: ', pagesOut),
    h(
      'p',
      { class: 'muted' },
      'Số, ký hiệu trên trang: ',
      h('span', { id: 'found-notation' }, view.notation ?? '—'),
    ),
    mismatch,
    h('p', {}, 'SHA-256 của tệp: ', shaOut),
    h('h2', {}, 'Văn bản sẽ ký'),
    previewBox,
    warning,
    routing,
    remoteOffered && h('label', {}, remote, ' Ký từ xa (xác nhận trên điện thoại)'),
    h('p', {}, confirm, ' ', cancel),
    result,
  )
  app.append(form)

  let over = false
  const end = (message: string) => {
    over = true
    confirm.disabled = true
    result.className = 'error'
    result.textContent = message
    cancel.textContent = 'Đóng'
  }
  browser.runtime.onMessage.addListener((message: unknown) => {
    const ended = message as ConsentEndedMessage
    if (ended?.type === 'consent-ended' && ended.requestId === requestId) end(ended.message)
  })
  if (view.sha256) {
    // nothing to confirm until the official can see what would be signed
    confirm.disabled = true
    const bytes = await stored.getBytes(requestId)
    if (bytes) await show(bytes, view.fileName)
    confirm.disabled = over
    const shownHash = (shown as { sha256: string } | null)?.sha256
    if (view.sha256 && shownHash !== view.sha256)
      end('Tệp nhận được không khớp với tệp trên trang; không ký.')
  }

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
    if (!shown || (!view.fileName && !picked)) {
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
      sha256: shown.sha256,
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
            pages: Number(pagesOut.textContent) || view.pages || undefined,
            paperCopy: false,
          },
    })) as RouteOutcome
    if (outcome.ok && outcome.kind === 'drafted') {
      result.className = 'ok'
      result.textContent =
        'Đã ký số và chuyển văn thư: văn bản nằm trong hàng “chờ phát hành” của cơ quan trong Trợ lý số. Văn thư ký số của cơ quan và gửi qua trục liên thông; không cần tải tệp hay gửi thư.'
      cancel.textContent = 'Đóng'
    } else if (outcome.ok && outcome.kind === 'routed') {
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
