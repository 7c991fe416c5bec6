/**
 * The leader-to-văn thư path inside trolyso (NĐ 30/2020, Art. 32): the leader's "Ký số" puts the
 * signed draft in the agency's "chờ phát hành" queue; the văn thư finds it in the popup, signs
 * for the organisation from the consent window (with preview) and routes it; the receiving
 * agency's văn thư accepts it from the popup. The old loop (the leader mails the signed file,
 * is nudged again and signs a second time) is refused. Built extension, headless Chromium, real API.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import type { BrowserContext, Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createApiClient } from '../../../extension/utils/api-client.ts'
import { ensureExtensionBuilt, launchWithExtension } from '../helpers/chromium.ts'
import { configureExtension, saveScreenshot } from '../helpers/configure-extension.ts'
import { makeTextPdf } from '../helpers/make-pdfs.ts'
import { type Official, startApiServer, startFixtureServer } from '../helpers/servers.ts'

const SENDER = '000.00.01.H56'
const RECIPIENT = '000.00.02.H56'
const POLL = { timeout: 15_000, interval: 100 }

describe('leader to văn thư inside trolyso', { timeout: 120_000 }, () => {
  let api: Awaited<ReturnType<typeof startApiServer>>
  let fixtures: Awaited<ReturnType<typeof startFixtureServer>>
  let leaderBrowser: { context: BrowserContext; extensionId: string }
  let clerkBrowser: { context: BrowserContext; extensionId: string }
  let leader: Official
  let clerk: Official
  let recipientClerk: Official
  let dir: string
  let compose = 0
  const client = (official: Official) => createApiClient({ baseUrl: api.url, token: official.token })

  const signFromCompose = async (file: string): Promise<{ page: Page; consent: Page }> => {
    const page = await leaderBrowser.context.newPage()
    await page.goto(
      `${fixtures.url('127.0.0.1', 'roundcube-compose.html')}?_task=mail&_action=compose&_id=lc${++compose}`,
    )
    await page.waitForSelector('html[data-trolyso-active="true"]', { state: 'attached' })
    await page.setInputFiles('#uploadformInput', file)
    await page.click('button.send')
    const nudge = page.locator('trolyso-nudge[data-kind="unsigned_attachment"]')
    await nudge.locator('[data-action="primary"]').waitFor(POLL)
    const [consent] = await Promise.all([
      leaderBrowser.context.waitForEvent('page'),
      nudge.locator('[data-action="primary"]').click(),
    ])
    // the revision to sign, as the server prepared it, or why the server refuses to prepare it
    await consent.waitForSelector('#prepared-status.ok, #prepared-status.error', POLL)
    return { page, consent }
  }

  const openPopup = async (browser: { context: BrowserContext; extensionId: string }) => {
    const popup = await browser.context.newPage()
    await popup.goto(`chrome-extension://${browser.extensionId}/popup.html`)
    await popup.waitForSelector('#me')
    return popup
  }

  beforeAll(async () => {
    ensureExtensionBuilt()
    api = await startApiServer()
    await api.agency(SENDER, 'Sở Tư pháp tỉnh Hà Nam')
    await api.agency(RECIPIENT, 'Sở Nội vụ tỉnh Hà Nam')
    leader = await api.official(SENDER, 'approver', 'Nguyễn Văn Lãnh')
    clerk = await api.official(SENDER, 'clerk', 'Trần Thị Văn Thư')
    recipientClerk = await api.official(RECIPIENT, 'clerk', 'Lê Văn Nhận')
    dir = mkdtempSync(join(tmpdir(), 'trolyso-lc-'))
    writeFileSync(
      join(dir, 'QD_88_QĐ-STP.pdf'),
      await makeTextPdf({ lines: ['So: 88/QD-STP', 'Ha Nam, ngay 2 thang 12 nam 2026', 'QUYET DINH'] }),
    )
    fixtures = await startFixtureServer()
    leaderBrowser = await launchWithExtension()
    await configureExtension(leaderBrowser.context, leaderBrowser.extensionId, api.url, leader)
    clerkBrowser = await launchWithExtension()
    await configureExtension(clerkBrowser.context, clerkBrowser.extensionId, api.url, clerk)
  }, 240_000)

  afterAll(async () => {
    await leaderBrowser?.context.close()
    await clerkBrowser?.context.close()
    await fixtures?.close()
    await api?.close()
    if (dir) rmSync(dir, { recursive: true, force: true })
  })

  it('sends the leader-signed draft to the văn thư queue, not to a download', async () => {
    const { page, consent } = await signFromCompose(join(dir, 'QD_88_QĐ-STP.pdf'))
    expect(await consent.textContent('h1')).toBe('Ký số văn bản')
    await consent.click('#confirm')
    await consent.waitForSelector('#result.ok', { timeout: 30_000 })
    expect(await consent.textContent('#result')).toContain('chờ phát hành')
    expect(await consent.locator('#download').count()).toBe(0)
    const done = page.locator('trolyso-nudge[data-kind="route-done"]')
    await done.waitFor(POLL)
    expect(await done.locator('h2').textContent()).toBe('Đã ký số và chuyển văn thư')
    await saveScreenshot(page, 'nudge-leader-drafted')
    expect(await client(clerk).listDrafts()).toMatchObject([{ fileName: 'QD_88_QĐ-STP.pdf' }])
  })

  it('refuses the leader signing the same document a second time (the old mail loop)', async () => {
    // the leader got hold of the signed draft and attaches it to a mail again
    const [draft] = await client(leader).listDrafts()
    const again = join(dir, 'again', 'QD_88_QĐ-STP.pdf')
    await import('node:fs').then((fs) => fs.mkdirSync(join(dir, 'again'), { recursive: true }))
    writeFileSync(again, await client(leader).draftPdf(draft?.id ?? ''))
    const { page, consent } = await signFromCompose(again)
    expect(await page.locator('trolyso-nudge h2').textContent()).toBe('Đang chờ xác nhận')
    // refused when the signature is prepared, before the official is asked to confirm
    expect(await consent.textContent('#prepared-status')).toContain('đã có chữ ký của người có thẩm quyền')
    expect(await consent.isDisabled('#confirm')).toBe(true)
    // the file itself is still shown, marked as not signable
    await consent.waitForSelector('#not-signable', POLL)
    await consent.waitForSelector('#preview canvas[data-page="1"]', POLL)
    await consent.click('#cancel')
    await page.locator('trolyso-nudge[data-kind="route-failed"]').waitFor(POLL)
    expect(await client(clerk).listDrafts()).toHaveLength(1)
  })

  it('lets the văn thư sign for the organisation from the popup and route it; the recipient accepts it in one click', async () => {
    const popup = await openPopup(clerkBrowser)
    const item = popup.locator('#drafts li').first()
    await expect.poll(() => item.textContent(), POLL).toContain('QD_88_QĐ-STP.pdf')
    expect(await item.textContent()).toContain('Nguyễn Văn Lãnh')
    await saveScreenshot(popup, 'popup-clerk-queue')
    const [consent] = await Promise.all([
      clerkBrowser.context.waitForEvent('page'),
      item.locator('[data-action="issue"]').click(),
    ])
    await consent.waitForSelector('#preview canvas[data-page="1"]', POLL)
    expect(await consent.textContent('#origin')).toContain('Hàng chờ phát hành')
    expect(await consent.textContent('#pdf-notation')).toBe('88/QD-STP')
    expect(await consent.inputValue('#promulgated-at')).toBe('2026-12-02')
    expect(await consent.textContent('#signer')).toContain('Trần Thị Văn Thư')
    await consent.fill('#subject', 'Về việc phê duyệt kế hoạch')
    await consent.fill('#place', 'Hà Nam')
    await consent.fill('#recipient-search', 'noi vu')
    await consent.click(`#recipient-results li[data-code="${RECIPIENT}"] button`)
    await saveScreenshot(consent, 'consent-clerk-draft')
    await consent.click('#confirm')
    await consent.waitForSelector('#result.ok', { timeout: 30_000 })
    expect(await client(clerk).listDrafts()).toEqual([])

    const [routed] = await client(recipientClerk).listDocuments('inbox')
    expect(routed).toMatchObject({ senderAgency: SENDER, signatureStatus: 'signed_valid' })
    const detail = (await (
      await fetch(`${api.url}/v1/documents/${routed?.id}`, {
        headers: { Authorization: `Bearer ${recipientClerk.token}` },
      })
    ).json()) as { verification: { rolesComplete: boolean; signatures: Array<{ role: string }> } }
    expect(detail.verification.signatures.map((s) => s.role)).toEqual(['approver', 'organisation'])
    expect(detail.verification.rolesComplete).toBe(true)

    // the receiving agency's văn thư, in the same browser profile with their own token
    await configureExtension(clerkBrowser.context, clerkBrowser.extensionId, api.url, recipientClerk)
    const inboxPopup = await openPopup(clerkBrowser)
    const received = inboxPopup.locator(`#inbox li[data-id="${routed?.id}"]`)
    await expect.poll(() => received.locator('.status').textContent(), POLL).toBe('Đã đến')
    await saveScreenshot(inboxPopup, 'popup-recipient-inbox')
    await received.locator('[data-action="accept"]').click()
    await expect.poll(() => received.locator('.status').textContent(), POLL).toBe('Đã tiếp nhận')
    const [sent] = await client(clerk).listDocuments('sent')
    expect(sent?.recipients).toEqual([{ agencyCode: RECIPIENT, status: '03' }])
    // the sender's popup says it in words, with the recipient's name
    await configureExtension(clerkBrowser.context, clerkBrowser.extensionId, api.url, clerk)
    const senderPopup = await openPopup(clerkBrowser)
    await expect
      .poll(
        () =>
          senderPopup.locator(`#sent li[data-id="${routed?.id}"] li[data-code="${RECIPIENT}"]`).textContent(),
        POLL,
      )
      .toBe(`Sở Nội vụ tỉnh Hà Nam — ${RECIPIENT}: Đã tiếp nhận`)
  })
})
