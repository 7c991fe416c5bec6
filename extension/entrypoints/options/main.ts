/**
 * Options in plain Vietnamese: the trolyso server and access token with a connection check
 * ("Đã kết nối: … (văn thư)") and a warning for plain http beyond this computer, remote
 * signing, an approver's signature image (signature-image.ts), the hosts where the extension
 * may act (shown as host names; each asks the browser for that host's permission), and
 * document-system selectors under "Nâng cao". Values the administrator's policy fixes are
 * shown read-only.
 * @module
 */
import { browser } from 'wxt/browser'
import { getAppConfig } from 'wxt/utils/app-config'
import { z } from 'zod'
import { h, PAGE_STYLE, showStatus } from '../../components/dom.ts'
import { toMatchPattern } from '../../utils/allowed-hosts.ts'
import { createApiClient } from '../../utils/api-client.ts'
import { connectedAs, hostOfPattern, isInsecureApiUrl } from '../../utils/describe-connection.ts'
import {
  allowedHostsItem,
  apiBaseUrlItem,
  apiTokenItem,
  documentSystemsItem,
  readSettings,
  remoteSigningItem,
  ZDocumentSystemConfig,
} from '../../utils/storage.ts'
import { createSignatureImageSection } from './signature-image.ts'

const originPattern = (url: string) => `${new URL(url).origin}/*`

const main = async () => {
  const app = document.getElementById('app')!
  document.head.append(h('style', {}, `${PAGE_STYLE} body { max-width: 640px; }`))
  const defaultApi = getAppConfig().defaultApiBaseUrl
  const settings = await readSettings(defaultApi)

  const status = h('p', { id: 'status', role: 'status' })
  const say = (text: string, kind: 'ok' | 'error' | 'muted' = 'ok') => {
    status.className = kind
    status.textContent = text
  }

  // API
  const apiUrl = h('input', {
    type: 'url',
    id: 'api-url',
    value: settings.apiBaseUrl,
    disabled: settings.managed.apiBaseUrl,
  })
  const token = h('input', {
    type: 'password',
    id: 'api-token',
    value: settings.managed.apiToken ? '••••••••' : ((await apiTokenItem.getValue()) ?? ''),
    disabled: settings.managed.apiToken,
    autocomplete: 'off',
  })
  const remote = h('input', {
    type: 'checkbox',
    id: 'remote-signing',
    checked: await remoteSigningItem.getValue(),
  })
  const insecure = h(
    'p',
    { class: 'error', id: 'insecure-warning', hidden: true },
    'Địa chỉ dùng http không mã hóa: mã truy cập sẽ đi qua mạng ở dạng đọc được. Hãy dùng https (http chỉ an toàn với máy chủ trên chính máy này).',
  )
  const warnIfInsecure = () => {
    insecure.hidden = !isInsecureApiUrl(apiUrl.value)
  }
  apiUrl.addEventListener('input', warnIfInsecure)
  warnIfInsecure()
  // shown only when the server says the deployment has a remote-signing provider
  const remoteRow = h(
    'p',
    { id: 'remote-signing-row', hidden: true },
    h('label', {}, remote, ' Ký từ xa (xác nhận trên điện thoại)'),
  )
  const connection = h('p', { id: 'connection', role: 'status' })
  const signatureImage = createSignatureImageSection(async () => {
    const current = await readSettings(defaultApi)
    return createApiClient({ baseUrl: current.apiBaseUrl, token: current.apiToken })
  })
  const check = h('button', { type: 'button', id: 'check-connection' }, 'Kiểm tra kết nối')
  check.addEventListener('click', async () => {
    showStatus(connection, 'muted', 'Đang kiểm tra…')
    try {
      const current = await readSettings(defaultApi)
      const me = await createApiClient({ baseUrl: current.apiBaseUrl, token: current.apiToken }).me()
      showStatus(connection, 'ok', connectedAs(me))
      remoteRow.hidden = me.features?.remoteSigning !== true
      await signatureImage.refresh(me.official.role)
    } catch (error) {
      showStatus(connection, 'error', `Chưa kết nối được: ${(error as Error).message}`)
      remoteRow.hidden = true
      await signatureImage.refresh(null)
    }
  })
  const saveApi = h('button', { type: 'button', class: 'primary', id: 'save-api' }, 'Lưu')
  saveApi.addEventListener('click', async () => {
    let pattern: string
    try {
      pattern = originPattern(apiUrl.value)
    } catch {
      return say('Địa chỉ API không hợp lệ.', 'error')
    }
    // ask first, while the click still counts as a user gesture
    const granted = await browser.permissions.request({ origins: [pattern] })
    if (!granted) return say('Trình duyệt chưa cho phép kết nối tới địa chỉ API.', 'error')
    if (!settings.managed.apiBaseUrl) await apiBaseUrlItem.setValue(apiUrl.value.replace(/\/+$/, ''))
    if (!settings.managed.apiToken) await apiTokenItem.setValue(token.value.trim() || null)
    await remoteSigningItem.setValue(remote.checked)
    say('Đã lưu.')
    check.click()
  })

  // hosts
  const hostList = h('ul', { id: 'hosts' })
  const renderHosts = async () => {
    const current = await readSettings(defaultApi)
    hostList.replaceChildren(
      ...current.hosts.map((entry) => {
        const item = h(
          'li',
          { 'data-pattern': entry.pattern, title: entry.pattern },
          hostOfPattern(entry.pattern),
          ' ',
        )
        if (entry.source === 'policy') {
          item.append(h('span', { class: 'muted' }, '(do quản trị viên cài đặt) '))
          const grant = h('button', { type: 'button' }, 'Cấp quyền')
          grant.addEventListener('click', async () => {
            const ok = await browser.permissions.request({ origins: [entry.pattern] })
            say(ok ? 'Đã cấp quyền.' : 'Chưa được cấp quyền.', ok ? 'ok' : 'error')
          })
          item.append(grant)
        } else {
          const remove = h('button', { type: 'button' }, 'Bỏ')
          remove.addEventListener('click', async () => {
            const list = (await allowedHostsItem.getValue()).filter((raw) => {
              try {
                return toMatchPattern(raw) !== entry.pattern
              } catch {
                return false
              }
            })
            await allowedHostsItem.setValue(list)
            await browser.permissions.remove({ origins: [entry.pattern] }).catch(() => false)
            await renderHosts()
          })
          item.append(remove)
        }
        return item
      }),
    )
  }
  const hostInput = h('input', { type: 'text', id: 'host-input', placeholder: 'mail.example.gov.vn' })
  const addHost = h('button', { type: 'button', id: 'add-host' }, 'Thêm')
  addHost.addEventListener('click', async () => {
    let pattern: string
    try {
      pattern = toMatchPattern(hostInput.value)
    } catch (error) {
      return say((error as Error).message, 'error')
    }
    const granted = await browser.permissions.request({ origins: [pattern] })
    if (!granted) return say('Trình duyệt chưa cho phép tiện ích hoạt động trên máy chủ này.', 'error')
    const list = await allowedHostsItem.getValue()
    if (!list.includes(hostInput.value.trim()))
      await allowedHostsItem.setValue([...list, hostInput.value.trim()])
    await browser.runtime.sendMessage({ type: 'sync-scripts' })
    hostInput.value = ''
    await renderHosts()
    say(`Đã thêm ${hostOfPattern(pattern)}. Tải lại trang thư để bắt đầu.`)
  })

  // document systems
  const systems = h('textarea', { id: 'document-systems', rows: '6' })
  systems.value = JSON.stringify(await documentSystemsItem.getValue(), null, 2)
  const saveSystems = h('button', { type: 'button', id: 'save-systems' }, 'Lưu cấu hình')
  saveSystems.addEventListener('click', async () => {
    try {
      const parsed = z.array(ZDocumentSystemConfig).parse(JSON.parse(systems.value || '[]'))
      await documentSystemsItem.setValue(parsed)
      say('Đã lưu cấu hình hệ thống quản lý văn bản.')
    } catch {
      say(
        'Cấu hình chưa đúng: cần danh sách {host, attachmentList, sendButton, numberField?, subjectField?}.',
        'error',
      )
    }
  })

  app.append(
    h('h1', {}, 'Trợ lý số — Tùy chọn'),
    h('h2', {}, 'Kết nối'),
    h('label', { for: 'api-url' }, 'Máy chủ trolyso'),
    apiUrl,
    insecure,
    h('label', { for: 'api-token' }, 'Mã truy cập'),
    token,
    h('p', { class: 'muted' }, 'Mã truy cập do quản trị của cơ quan cấp riêng cho bạn.'),
    remoteRow,
    h('p', {}, saveApi, ' ', check),
    connection,
    signatureImage.section,
    h('h2', {}, 'Trang được phép'),
    h(
      'p',
      { class: 'muted' },
      'Tiện ích chỉ hoạt động trên các máy chủ thư điện tử và quản lý văn bản dưới đây.',
    ),
    hostList,
    hostInput,
    h('p', {}, addHost),
    status,
    h(
      'details',
      { id: 'advanced' },
      h('summary', {}, 'Nâng cao'),
      h('h2', {}, 'Hệ thống quản lý văn bản'),
      h(
        'p',
        { class: 'muted' },
        'Chỉ cần khi quản trị viên yêu cầu: bộ chọn CSS cho danh sách tệp đính kèm, nút gửi và ô số, ký hiệu (JSON).',
      ),
      systems,
      h('p', {}, saveSystems),
    ),
  )
  await renderHosts()
  // a configured official sees at once whom they are connected as and what the deployment offers
  if (settings.apiToken) check.click()
}

void main()
