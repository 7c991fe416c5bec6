/**
 * Build configuration of the officials' extension: Manifest V3 for Chromium and Firefox,
 * no content script in the manifest (scripts are registered at runtime, only on hosts the
 * official or the administrator allowed), enterprise policy schema for `storage.managed`.
 * @module
 */
import { defineConfig } from 'wxt'

export default defineConfig({
  srcDir: '.',
  outDir: '.output',
  manifestVersion: 3,
  imports: false,
  // readable bundles: agencies' IT can audit what runs in officials' browsers, and Firefox review
  // needs no separate sources archive
  vite: () => ({ build: { minify: false } }),
  zip: { artifactTemplate: 'trolyso-van-ban-{{browser}}.zip', zipSources: false },
  manifest: ({ browser, mode }) => ({
    name: 'Trợ lý số — Văn bản điện tử',
    version: '0.1.0',
    description: 'Nhắc ký số và gửi văn bản qua trục liên thông thay vì in giấy, quét và gửi thư.',
    default_locale: undefined,
    permissions: ['storage', 'scripting'],
    optional_host_permissions: ['http://*/*', 'https://*/*'],
    // `wxt build extension --mode e2e` (browser tests only): loopback is granted at install, because
    // automated Chromium cannot answer the permission prompt; which hosts get scripts is still decided
    // by the allowed-host list
    ...(mode === 'e2e' ? { host_permissions: ['*://127.0.0.1/*', '*://localhost/*'] } : {}),
    icons: { 16: 'icon/16.png', 32: 'icon/32.png', 48: 'icon/48.png', 128: 'icon/128.png' },
    action: { default_title: 'Trợ lý số', default_icon: { 16: 'icon/16.png', 32: 'icon/32.png' } },
    storage: { managed_schema: 'managed-schema.json' },
    // the hidden frame content scripts post PDF bytes to (utils/pdf-handoff.ts); content scripts run
    // only on allowed hosts, and the frame stores nothing without a ticket the background issued
    web_accessible_resources: [{ resources: ['handoff.html'], matches: ['http://*/*', 'https://*/*'] }],
    ...(browser === 'firefox'
      ? {
          browser_specific_settings: {
            gecko: {
              id: 'van-ban@trolyso.gov.vn',
              strict_min_version: '128.0',
              // Firefox's consent for what leaves the browser (shown at install): the access token
              // (authenticationInfo) and, after the official confirms in the consent window, the
              // mail attachment being signed (personalCommunications, websiteContent), both only to
              // the agency's own trolyso server; the nudge counts only if the official agrees
              data_collection_permissions: {
                required: ['authenticationInfo', 'personalCommunications', 'websiteContent'],
                optional: ['technicalAndInteraction'],
              },
            },
          },
        }
      : { minimum_chrome_version: '111' }),
  }),
})
