import { beforeEach, describe, expect, it } from 'vitest'
import { fakeBrowser } from 'wxt/testing/fake-browser'
import { isMuted, muteKey, muteThread } from '../../../extension/utils/mutes.ts'
import {
  allowedHostsItem,
  apiBaseUrlItem,
  apiTokenItem,
  readSettings,
} from '../../../extension/utils/storage.ts'

describe('settings', () => {
  beforeEach(() => fakeBrowser.reset())

  it('falls back to the built-in API address and no token', async () => {
    expect(await readSettings('http://127.0.0.1:8787/')).toMatchObject({
      apiBaseUrl: 'http://127.0.0.1:8787',
      apiToken: null,
      hosts: [],
      managed: { apiBaseUrl: false, apiToken: false },
    })
  })

  it('uses what the official set', async () => {
    await apiBaseUrlItem.setValue('https://api.trolyso.example.gov.vn')
    await apiTokenItem.setValue('tls_official')
    await allowedHostsItem.setValue(['mail.hanoi.gov.vn'])
    expect(await readSettings('http://127.0.0.1:8787')).toMatchObject({
      apiBaseUrl: 'https://api.trolyso.example.gov.vn',
      apiToken: 'tls_official',
      hosts: [{ pattern: '*://mail.hanoi.gov.vn/*', source: 'official' }],
    })
  })

  it('lets the enterprise policy win and marks what it fixes', async () => {
    await apiBaseUrlItem.setValue('https://wrong.example')
    await apiTokenItem.setValue('tls_official')
    await allowedHostsItem.setValue(['qlvb.hanoi.gov.vn'])
    await fakeBrowser.storage.managed.set({
      apiBaseUrl: 'https://api.hanoi.gov.vn',
      allowedHosts: ['mail.hanoi.gov.vn'],
    })
    const settings = await readSettings('http://127.0.0.1:8787')
    expect(settings).toMatchObject({
      apiBaseUrl: 'https://api.hanoi.gov.vn',
      apiToken: 'tls_official',
      managed: { apiBaseUrl: true, apiToken: false },
    })
    expect(settings.hosts).toEqual([
      { pattern: '*://mail.hanoi.gov.vn/*', source: 'policy' },
      { pattern: '*://qlvb.hanoi.gov.vn/*', source: 'official' },
    ])
  })

  it('ignores a malformed policy instead of failing', async () => {
    await fakeBrowser.storage.managed.set({ apiBaseUrl: 'not a url', allowedHosts: 'mail.hanoi.gov.vn' })
    expect((await readSettings('http://127.0.0.1:8787')).apiBaseUrl).toBe('http://127.0.0.1:8787')
  })
})

describe('per-thread mutes', () => {
  beforeEach(() => fakeBrowser.reset())

  it('mutes one kind of nudge in one thread only', async () => {
    const key = muteKey('https://mail.hanoi.gov.vn', 'roundcube:42', 'unsigned_attachment')
    await muteThread(key)
    await muteThread(key)
    expect(await isMuted(key)).toBe(true)
    expect(await isMuted(muteKey('https://mail.hanoi.gov.vn', 'roundcube:43', 'unsigned_attachment'))).toBe(
      false,
    )
    expect(await isMuted(muteKey('https://mail.hanoi.gov.vn', 'roundcube:42', 'print'))).toBe(false)
  })
})
