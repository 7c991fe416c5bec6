/**
 * Popup: the documents this agency sent with each recipient's status, and the agency's
 * paperless figures (signed ratio, paper avoided, nudges).
 * @module
 */
import { browser } from 'wxt/browser'
import { getAppConfig } from 'wxt/utils/app-config'
import { h, PAGE_STYLE, statusLabels } from '../../components/dom.ts'
import { createApiClient } from '../../utils/api-client.ts'
import { readSettings } from '../../utils/storage.ts'

const isoDay = (d: Date) => d.toISOString().slice(0, 10)

const main = async () => {
  const app = document.getElementById('app')!
  document.head.append(h('style', {}, `${PAGE_STYLE} body { width: 380px; }`))
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
    const [stats, sent] = await Promise.all([
      api.paperlessStats(isoDay(from), isoDay(to)),
      api.listDocuments('sent', 10),
    ])
    const mine = stats.agencies.find((a) => a.agencyCode === me.agency.code)
    app.append(h('h2', {}, '30 ngày qua'))
    app.append(
      mine
        ? h(
            'ul',
            { id: 'figures' },
            h(
              'li',
              {},
              `Văn bản ký số hợp lệ: ${mine.signedRatio.numerator}/${mine.signedRatio.denominator} (${mine.signedRatio.percent}%)`,
            ),
            h('li', {}, `Trang giấy tránh được: ${mine.paperAvoidedPages}`),
            h(
              'li',
              {},
              `Nhắc nhở: ${mine.nudges.shown} lần hiện, ${mine.nudges.accepted} lần chọn ký số, ${mine.nudges.overridden} lần bỏ qua`,
            ),
          )
        : h('p', { class: 'muted' }, 'Chưa có số liệu.'),
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
                    h('li', {}, `${r.agencyCode}: ${statusLabels[r.status] ?? r.status}`),
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
