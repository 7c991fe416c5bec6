/**
 * The consent window (the extension's page, not the website's): shows which site asked, who
 * signs and in which role, what the file says (number, date, pages, SHA-256), and the exact
 * revision that will be signed, prepared by the server with the issuance stamp and the visible
 * signature and rendered here (see prepared-preview.ts). The văn thư picks recipient agencies
 * and confirms the header; confirming asks the background to sign that revision and route it.
 * @module
 */
import { browser } from 'wxt/browser'
import { getAppConfig } from 'wxt/utils/app-config'
import { h, PAGE_STYLE, showStatus } from '../../components/dom.ts'
import { createApiClient } from '../../utils/api-client.ts'
import { browserConsentPersistence } from '../../utils/consent-persistence.ts'
import type { ConsentEndedMessage, ConsentWindowView, RouteOutcome } from '../../utils/messages.ts'
import { readSettings, remoteSigningItem } from '../../utils/storage.ts'
import { createDocumentFacts } from './document-facts.ts'
import { createPreparedPreview } from './prepared-preview.ts'
import { createRoutingFields } from './routing-fields.ts'
import { showOutcome } from './show-outcome.ts'

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
  /** the file shown and its hash, computed here: the background prepares only bytes with this hash */
  let file: { sha256: string; bytes: Uint8Array<ArrayBuffer> } | null = null
  let over = false

  const fields = createRoutingFields({ view, api, leaderOnly })
  const facts = createDocumentFacts({ view, fields })
  const remote = h('input', { type: 'checkbox', id: 'remote' })
  const confirm = h(
    'button',
    { type: 'submit', class: 'primary', id: 'confirm', disabled: true },
    leaderOnly ? 'Ký số' : 'Ký số & gửi',
  )
  const cancel = h('button', { type: 'button', id: 'cancel' }, 'Hủy')
  const result = h('p', { id: 'result', role: 'status' })
  const preview = createPreparedPreview({
    requestId,
    stored,
    onChange: (ready) => {
      confirm.disabled = over || !ready
    },
  })

  /** issuing a queued draft: the number and date the server stamps on page 1 */
  const issuance = () => {
    const notation = fields.notation.value.trim()
    const date = fields.date.value
    return view.draftId && notation && /^\d{4}-\d{2}-\d{2}$/.test(date) ? { notation, date } : undefined
  }
  const prepare = () => {
    if (!file || over) return
    void preview.prepare({
      sha256: file.sha256,
      original: file.bytes,
      issuance: issuance(),
      remote: remote.checked,
    })
  }
  // the stamp and the signing method are part of what is signed: a change prepares the revision again
  let again: ReturnType<typeof setTimeout> | undefined
  const prepareSoon = () => {
    preview.invalidate()
    clearTimeout(again)
    again = setTimeout(prepare, 400)
  }
  if (view.draftId)
    for (const input of [fields.notation, fields.date]) input.addEventListener('input', prepareSoon)
  remote.addEventListener('change', prepareSoon)

  const show = async (bytes: Uint8Array<ArrayBuffer>, fileName: string | null) => {
    const { sha256 } = await facts.show(bytes, fileName)
    file = { sha256, bytes }
    prepare()
    return sha256
  }

  let picker: HTMLInputElement | null = null
  if (!view.fileName) {
    picker = h('input', { type: 'file', id: 'pick-file', accept: 'application/pdf,.pdf' })
    picker.addEventListener('change', async () => {
      const chosen = picker?.files?.[0]
      if (!chosen) return
      const bytes = new Uint8Array(await chosen.arrayBuffer())
      // kept with the request: the background prepares them only if their hash is the one shown here
      await stored.putBytes(requestId, bytes)
      picked = { name: chosen.name }
      await show(bytes, chosen.name)
    })
  }

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
  const fileOut = h('span', { id: 'file-name' }, view.fileName ?? '—')
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
    ...facts.elements,
    fields.fieldset,
    remoteOffered && h('label', {}, remote, ' Ký từ xa (xác nhận trên điện thoại)'),
    ...preview.elements,
    warning,
    h('p', {}, confirm, ' ', cancel),
    result,
  )
  app.append(form)

  const end = (message: string) => {
    over = true
    preview.invalidate()
    confirm.disabled = true
    showStatus(result, 'error', message)
    cancel.textContent = 'Đóng'
  }
  browser.runtime.onMessage.addListener((message: unknown) => {
    const ended = message as ConsentEndedMessage
    if (ended?.type === 'consent-ended' && ended.requestId === requestId) end(ended.message)
  })
  if (view.sha256) {
    const bytes = await stored.getBytes(requestId)
    const shownHash = bytes ? await show(bytes, view.fileName) : null
    if (shownHash !== view.sha256) end('Tệp nhận được không khớp với tệp trên trang; không ký.')
  }

  cancel.addEventListener('click', async () => {
    await browser.runtime.sendMessage({ type: 'consent-cancel', requestId })
    window.close()
  })
  form.addEventListener('submit', async (event) => {
    event.preventDefault()
    if (!leaderOnly && fields.selected.size === 0) {
      showStatus(result, 'error', 'Hãy chọn ít nhất một cơ quan nhận.')
      return
    }
    const preparedSha256 = preview.shownSha256()
    if (!file || (!view.fileName && !picked)) {
      showStatus(result, 'error', 'Hãy chọn tệp PDF cần ký.')
      return
    }
    if (!preparedSha256) {
      showStatus(result, 'error', 'Hãy chờ bản sẽ ký hiện ra rồi xác nhận.')
      return
    }
    confirm.disabled = true
    showStatus(result, 'muted', 'Đang ký số và gửi…')
    const outcome = (await browser.runtime.sendMessage({
      type: 'consent-confirm',
      requestId,
      remote: remote.checked,
      sha256: file.sha256,
      preparedSha256,
      pickedFile: picked ?? undefined,
      header: leaderOnly ? undefined : fields.header(facts.pages() ?? view.pages ?? undefined),
    })) as RouteOutcome
    showOutcome({ outcome, result, cancel })
  })
}

void main()
