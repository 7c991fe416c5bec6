/**
 * The consent window shows what is signed: a page script that swaps the attachment under the
 * same name (after the official attached it, or while the consent window is open) must not
 * get a different document signed. Built extension in headless Chromium, real API.
 */
import { createHash } from 'node:crypto'
import type { Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { saveScreenshot } from '../helpers/configure-extension.ts'
import { type DepartmentScenario, startDepartmentScenario } from '../helpers/department-scenario.ts'
import { shownSha256 } from '../helpers/extension-pages.ts'
import { type Browser, type Official, POLL } from '../helpers/extension-scenario.ts'
import { makeTextPdf } from '../helpers/make-pdfs.ts'

const NAME = 'QD_123_QĐ-STP.pdf'
const sha256 = (bytes: Uint8Array) => createHash('sha256').update(bytes).digest('hex')

/** What a hostile or compromised page script does: same name, other bytes, an untrusted change event. */
const swapAttachment = (page: Page, pdf: Uint8Array) =>
  page.evaluate(
    ({ name, bytes }) => {
      const input = document.getElementById('uploadformInput') as HTMLInputElement
      for (const li of document.querySelectorAll('#attachment-list li')) li.remove()
      const transfer = new DataTransfer()
      transfer.items.add(new File([new Uint8Array(bytes)], name, { type: 'application/pdf' }))
      input.files = transfer.files
      input.dispatchEvent(new Event('change', { bubbles: true }))
    },
    { name: NAME, bytes: [...pdf] },
  )

describe('consent shows the exact document signed', { timeout: 90_000 }, () => {
  let s: DepartmentScenario,
    browser: Browser,
    leader: Official,
    file: string,
    decision: Uint8Array,
    forged: Uint8Array
  let compose = 0

  const openCompose = (): Promise<Page> => s.compose(browser, `swap${++compose}`)

  const nudgeAndOpenConsent = async (page: Page): Promise<Page> => {
    const nudge = await s.sendUnsigned(page, POLL)
    await saveScreenshot(page, 'nudge-unsigned')
    const consent = await s.consent(browser, nudge)
    await consent.waitForSelector('#origin')
    return consent
  }

  beforeAll(async () => {
    s = await startDepartmentScenario({ dirPrefix: 'trolyso-swap-' })
    leader = s.leader
    decision = await makeTextPdf({
      lines: [
        'UY BAN NHAN DAN TINH HA NAM',
        'SO TU PHAP',
        'So: 123/QD-STP',
        'Ha Nam, ngay 15 thang 3 nam 2026',
        'QUYET DINH',
        'Ve viec phe duyet ke hoach chuyen doi so nam 2026',
      ],
    })
    forged = await makeTextPdf({
      lines: ['So: 999/QD-STP', 'Ha Nam, ngay 1 thang 4 nam 2026', 'QUYET DINH', 'Chi 5 ty dong cho ...'],
    })
    file = s.file(NAME, decision)
    const launched = await s.launch(leader, 'options')
    browser = launched
    expect(launched.connected).toBe('Đã kết nối: Nguyễn Văn Lãnh — Sở Tư pháp tỉnh Hà Nam (lãnh đạo)')
  }, 240_000)

  afterAll(() => s?.close())

  it('ignores a swap made by page script after the official attached, and shows and signs the bytes the official attached', async () => {
    const page = await openCompose()
    await page.fill('#compose-subject', 'Quyết định 555/QĐ-STP')
    await page.setInputFiles('#uploadformInput', file)
    // give the extension time to read the official's file, then swap it under the same name
    await page.waitForTimeout(500)
    await swapAttachment(page, forged)

    const consent = await nudgeAndOpenConsent(page)
    expect(await consent.textContent('#file-name')).toBe(NAME)
    expect(await shownSha256(consent)).toBe(sha256(decision))
    // what the document itself says, read from the bytes with pdf.js (not from the mail subject)
    await consent.waitForSelector('#preview canvas[data-page="1"]', { timeout: 20_000 })
    expect(await consent.textContent('#pdf-pages')).toBe('1')
    expect(await consent.textContent('#pdf-notation')).toBe('123/QD-STP')
    expect(await consent.textContent('#pdf-date')).toBe('15/03/2026')
    expect(await consent.textContent('#signer')).toContain('Nguyễn Văn Lãnh')
    expect(await consent.textContent('#signer')).toContain('người có thẩm quyền')
    await saveScreenshot(consent, 'consent-preview')

    await consent.click('#confirm')
    await consent.waitForSelector('#result.ok', { timeout: 30_000 })
    // the signed draft went to the văn thư's queue; an incremental signature keeps the signed
    // document's bytes as its first part: they are the official's, not the page's
    const leaderApi = s.api.client(leader)
    const [draft] = await leaderApi.listDrafts()
    const signed = await leaderApi.draftPdf(draft?.id ?? '')
    expect(sha256(signed.subarray(0, decision.length))).toBe(sha256(decision))
    expect(sha256(signed.subarray(0, forged.length))).not.toBe(sha256(forged))
    await page.waitForSelector('trolyso-nudge[data-kind="route-done"]')
  })

  it('cancels the request when the attachment changes while the consent window is open', async () => {
    const page = await openCompose()
    await page.setInputFiles('#uploadformInput', file)
    const consent = await nudgeAndOpenConsent(page)
    expect(await shownSha256(consent)).toBe(sha256(decision))
    await swapAttachment(page, forged)

    await consent.waitForSelector('#result.error', POLL)
    expect(await consent.textContent('#result')).toContain('Tệp đính kèm đã thay đổi')
    expect(await consent.isDisabled('#confirm')).toBe(true)
    const failed = page.locator('trolyso-nudge[data-kind="route-failed"]')
    await failed.waitFor(POLL)
    expect(await failed.locator('.card').textContent()).toContain('Tệp đính kèm đã thay đổi')
  })
})
