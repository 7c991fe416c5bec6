/**
 * Popup: for the văn thư, the agency's "chờ phát hành" queue (drafts the leader signed, each
 * opened in the consent window to sign for the organisation and route) and the inbox with
 * one-click accept/refuse (QCVN 102 status 03/02); the documents this agency sent with each
 * recipient's status, and the agency's paperless figures (signed ratio, paper avoided, nudges).
 * @module
 */
import { browser } from 'wxt/browser'
import { getAppConfig } from 'wxt/utils/app-config'
import type { DocumentListItem, Draft } from '../../../contracts/documents.ts'
import { h, PAGE_STYLE, showStatus, statusLabels } from '../../components/dom.ts'
import { type ApiClient, createApiClient } from '../../utils/api-client.ts'
import { readSettings } from '../../utils/storage.ts'

const isoDay = (d: Date) => d.toISOString().slice(0, 10)

const draftList = (drafts: Draft[]) => {
  if (drafts.length === 0)
    return h('p', { class: 'muted', id: 'drafts-empty' }, 'Không có văn bản chờ phát hành.')
  return h(
    'ul',
    { id: 'drafts' },
    ...drafts.map((draft) => {
      const open = h(
        'button',
        { type: 'button', class: 'primary', 'data-action': 'issue' },
        'Ký số & phát hành',
      )
      const status = h('span', { class: 'muted' })
      open.addEventListener('click', async () => {
        open.disabled = true
        const answer = (await browser.runtime.sendMessage({ type: 'draft-consent', draftId: draft.id })) as {
          ok: boolean
          message?: string
        }
        if (!answer?.ok) {
          showStatus(status, 'error', ` ${answer?.message ?? 'Không mở được cửa sổ ký số.'}`)
          open.disabled = false
        }
      })
      return h(
        'li',
        { 'data-id': draft.id },
        h('strong', {}, draft.fileName),
        draft.subject ? ` — ${draft.subject}` : '',
        h('br'),
        h(
          'span',
          { class: 'muted' },
          `${draft.approverName ?? 'Lãnh đạo'} đã ký lúc ${new Date(draft.createdAt).toLocaleString('vi-VN')} `,
        ),
        open,
        status,
      )
    }),
  )
}

const inboxList = (api: ApiClient, agencyCode: string, docs: DocumentListItem[]) => {
  if (docs.length === 0) return h('p', { class: 'muted', id: 'inbox-empty' }, 'Chưa có văn bản đến.')
  return h(
    'ul',
    { id: 'inbox' },
    ...docs.map((doc) => {
      const mine = doc.recipients.find((r) => r.agencyCode === agencyCode)
      const status = h('span', { class: 'status' }, statusLabels[mine?.status ?? ''] ?? mine?.status ?? '')
      const item = h(
        'li',
        { 'data-id': doc.id },
        h('strong', {}, doc.notation ?? '(không số)'),
        ` — ${doc.subject} (từ ${doc.senderAgency}) `,
        h(
          'span',
          { class: doc.signatureStatus === 'signed_valid' ? 'ok' : 'error' },
          doc.signatureStatus === 'signed_valid' ? '✓ chữ ký hợp lệ' : 'chữ ký chưa hợp lệ',
        ),
        h('br'),
        'Trạng thái: ',
        status,
      )
      if (mine?.status === '01') {
        const buttons = [
          ['03', 'Tiếp nhận', 'accept'],
          ['02', 'Từ chối', 'refuse'],
        ] as const
        const row = h('p', {})
        for (const [code, label, action] of buttons) {
          const button = h('button', { type: 'button', 'data-action': action }, label)
          button.addEventListener('click', async () => {
            for (const b of row.querySelectorAll('button')) b.disabled = true
            try {
              await api.changeStatus(doc.id, code)
              status.textContent = statusLabels[code] ?? code
              row.remove()
            } catch (error) {
              status.textContent = (error as Error).message
              status.className = 'error'
              for (const b of row.querySelectorAll('button')) b.disabled = false
            }
          })
          row.append(button, ' ')
        }
        item.append(row)
      }
      return item
    }),
  )
}

const main = async () => {
  const app = document.getElementById('app')!
  document.head.append(
    h('style', {}, `${PAGE_STYLE} body { width: 420px; } #drafts li, #inbox li { margin-bottom: 8px; }`),
  )
  const openOptions = h('button', { type: 'button', id: 'open-options' }, 'Tùy chọn')
  openOptions.addEventListener('click', () => browser.runtime.openOptionsPage())
  app.append(h('h1', {}, 'Trợ lý số — Văn bản điện tử'))
  const settings = await readSettings(getAppConfig().defaultApiBaseUrl)
  if (!settings.apiToken) {
    app.append(
      h('p', { class: 'error' }, 'Chưa có mã truy cập API. Hãy nhập trong trang Tùy chọn.'),
      openOptions,
    )
    return
  }
  // policy hosts still need the official's one-time permission (no policy grants optional host access)
  const missing: string[] = []
  const apiPattern = `${new URL(settings.apiBaseUrl).origin}/*`
  if (!(await browser.permissions.contains({ origins: [apiPattern] }))) missing.push(apiPattern)
  for (const entry of settings.hosts) {
    if (!(await browser.permissions.contains({ origins: [entry.pattern] }))) missing.push(entry.pattern)
  }
  if (missing.length > 0) {
    app.append(
      h(
        'p',
        { class: 'error', id: 'missing-permissions' },
        `Chưa được cấp quyền trên: ${missing.join(', ')}. Hãy mở Tùy chọn để cấp quyền (“Lưu” cho địa chỉ API, “Cấp quyền” cho trang).`,
      ),
    )
  }
  const api = createApiClient({ baseUrl: settings.apiBaseUrl, token: settings.apiToken })
  try {
    const me = await api.me()
    app.append(h('p', { id: 'me' }, `${me.official.name} — ${me.agency.name} (${me.agency.code})`))
    const to = new Date()
    const from = new Date(to.getTime() - 29 * 86_400_000)
    const clerk = me.official.role === 'clerk'
    const [stats, verified, sent, drafts, inbox] = await Promise.all([
      api.paperlessStats(isoDay(from), isoDay(to)),
      api.myPaperlessStats(isoDay(from), isoDay(to)),
      api.listDocuments('sent', 10),
      clerk ? api.listDrafts() : Promise.resolve([]),
      clerk ? api.listDocuments('inbox', 10) : Promise.resolve([]),
    ])
    if (clerk) {
      app.append(h('h2', {}, `Chờ phát hành (${drafts.length})`), draftList(drafts))
      app.append(h('h2', {}, 'Văn bản đến'), inboxList(api, me.agency.code, inbox))
    }
    // recipients by name: each status reads "Sở Nội vụ tỉnh Hà Nam — 000.00.02.H56: Đã tiếp nhận"
    const codes = [...new Set(sent.flatMap((d) => d.recipients.map((r) => r.agencyCode)))]
    const names = new Map<string, string>()
    await Promise.all(
      codes.map(async (code) => {
        const found = await api.searchAgencies(code).catch(() => [])
        const agency = found.find((a) => a.code === code)
        if (agency) names.set(code, agency.name)
      }),
    )
    const mine = stats.agencies.find((a) => a.agencyCode === me.agency.code)
    app.append(h('h2', {}, '30 ngày qua'))
    // signed and paper-avoided figures come from documents the server verified (GET /v1/stats/mine)
    app.append(
      h(
        'ul',
        { id: 'figures' },
        h(
          'li',
          { id: 'figures-mine' },
          `Của bạn: ${verified.official.signedValid} văn bản ký số hợp lệ, ${verified.official.paperAvoidedPages} trang giấy tránh được`,
        ),
        h(
          'li',
          { id: 'figures-agency' },
          `Của cơ quan: ${verified.agency.signedValid} văn bản ký số hợp lệ${
            mine ? ` trên ${mine.signedRatio.denominator} văn bản đã gửi (${mine.signedRatio.percent}%)` : ''
          }, ${verified.agency.paperAvoidedPages} trang giấy tránh được`,
        ),
        mine &&
          h(
            'li',
            {},
            `Nhắc nhở: ${mine.nudges.shown} lần hiện, ${mine.nudges.accepted} lần chọn ký số, ${mine.nudges.overridden} lần bỏ qua`,
          ),
      ),
    )
    app.append(h('h2', {}, 'Văn bản đã gửi'))
    app.append(
      sent.length === 0
        ? h('p', { class: 'muted' }, 'Chưa gửi văn bản nào.')
        : h(
            'ul',
            { id: 'sent' },
            ...sent.map((doc) =>
              h(
                'li',
                { 'data-id': doc.id },
                h('strong', {}, doc.notation ?? '(không số)'),
                ` — ${doc.subject} `,
                h(
                  'span',
                  { class: doc.signatureStatus === 'signed_valid' ? 'ok' : 'error' },
                  doc.signatureStatus === 'signed_valid' ? '✓ đã ký số' : 'chưa ký hợp lệ',
                ),
                h(
                  'ul',
                  {},
                  ...doc.recipients.map((r) =>
                    h(
                      'li',
                      { 'data-code': r.agencyCode },
                      `${names.get(r.agencyCode) ? `${names.get(r.agencyCode)} — ` : ''}${r.agencyCode}: ${statusLabels[r.status] ?? r.status}`,
                    ),
                  ),
                ),
              ),
            ),
          ),
    )
  } catch (error) {
    app.append(h('p', { class: 'error' }, (error as Error).message))
  }
  app.append(openOptions)
}

void main()
