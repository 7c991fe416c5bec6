/**
 * The built extension in headless Chromium, on local imitations of Roundcube and of a
 * document-management system, against the real trolyso API.
 */
import { createHash } from 'node:crypto'
import { mkdirSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import type { BrowserContext, Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { saveScreenshot } from '../helpers/configure-extension.ts'
import {
  type DepartmentScenario,
  RECIPIENT,
  SENDER,
  startDepartmentScenario,
} from '../helpers/department-scenario.ts'
import { addRecipient, shownSha256, unsignedNudge } from '../helpers/extension-pages.ts'
import { type Browser, type Official, POLL } from '../helpers/extension-scenario.ts'
import { makeScannedPdf, makeTextPdf } from '../helpers/make-pdfs.ts'

describe('officials extension in Chromium', { timeout: 90_000 }, () => {
  let s: DepartmentScenario
  /** the PDF document-viewer.html shows in an <embed> */
  let viewed: Uint8Array, context: BrowserContext, extensionId: string
  /** the leader's own browser, with the extension and its own key */
  let leaderBrowser: Browser, leader: Official, clerk: Official, recipientClerk: Official
  const files: Record<'decision' | 'leaderSigned' | 'unsigned' | 'scanned', string> = {
    decision: '',
    leaderSigned: '',
    unsigned: '',
    scanned: '',
  }

  let composeCount = 0
  /** a compose screen with the extension active; each is its own thread (Roundcube's _id), so a mute in one test stays there */
  const openCompose = (browser: Browser = { context, extensionId }): Promise<Page> =>
    s.compose(browser, String(++composeCount))
  const waitActive = (page: Page) =>
    page.waitForSelector('html[data-trolyso-active="true"]', { state: 'attached' })

  /** Tùy chọn, after the connection is set: the document system's selectors, under "Nâng cao" */
  const addDocumentSystem = async ({ context: inContext, extensionId: id }: Browser) => {
    const options = await inContext.newPage()
    await options.goto(`chrome-extension://${id}/options.html`)
    await options.click('#advanced summary')
    await options.fill(
      '#document-systems',
      JSON.stringify([
        {
          host: '127.0.0.1',
          attachmentList: 'ul.tep-dinh-kem li',
          sendButton: '#btn-phat-hanh',
          numberField: '#so-ky-hieu',
          subjectField: '#trich-yeu',
        },
      ]),
    )
    await options.click('#save-systems')
    await options.waitForSelector('#status.ok')
    await options.close()
  }

  beforeAll(async () => {
    viewed = await makeTextPdf({ lines: ['So: 88/QD-STP', 'Ha Nam, ngay 5 thang 4 nam 2026', 'QUYET DINH'] })
    s = await startDepartmentScenario({
      dirPrefix: 'trolyso-ext-',
      recipient: true,
      pdfs: { 'quyet-dinh-88.pdf': viewed },
    })
    leader = s.leader
    clerk = await s.api.official(SENDER, 'clerk', 'Trần Thị Văn Thư')
    recipientClerk = await s.api.official(RECIPIENT, 'clerk', 'Lê Văn Nhận')

    files.decision = s.file('QD_123_QĐ-STP.pdf', await makeTextPdf({ text: 'QUYẾT ĐỊNH 123/QĐ-STP' }))
    files.leaderSigned = join(s.dir, 'da-ky', 'QD_123_QĐ-STP.pdf')
    files.unsigned = s.file('cong-van-tra-loi.pdf', await makeTextPdf({ text: 'CONG VAN' }))
    files.scanned = s.file('ban-scan.pdf', await makeScannedPdf({ dpi: 100 }))

    // each official's own setup, through the options page
    const clerkBrowser = await s.launch(clerk)
    ;({ context, extensionId } = clerkBrowser)
    await addDocumentSystem(clerkBrowser)
    leaderBrowser = await s.launch(leader)
    await addDocumentSystem(leaderBrowser)
  }, 240_000)

  afterAll(() => s?.close())

  it('stops the leader sending an unsigned decision, signs it with the browser key after consent, and queues it for the văn thư', async () => {
    const page = await openCompose(leaderBrowser)
    await page.fill('#compose-subject', 'Quyết định 123/QĐ-STP')
    await page.setInputFiles('#uploadformInput', files.decision)
    await page.click('button.send')
    const nudge = unsignedNudge(page)
    await expect.poll(() => nudge.locator('h2').textContent(), POLL).toBe('Tệp PDF chưa có chữ ký số')
    expect(await page.evaluate(() => document.body.dataset['sent'])).toBeUndefined()

    const consent = await s.consent(leaderBrowser, nudge)
    await consent.waitForSelector('#origin')
    expect(await consent.textContent('h1')).toBe('Ký số văn bản')
    expect(await consent.textContent('#file-name')).toBe('QD_123_QĐ-STP.pdf')
    await consent.click('#confirm')
    await consent.waitForSelector('#result.ok', { timeout: 30_000 })
    expect(await consent.textContent('#result')).toContain('chờ phát hành')
    expect(await consent.locator('#download').count()).toBe(0)
    await page.waitForSelector('trolyso-nudge[data-kind="route-done"]')
    // the signed draft is in the agency's queue inside trolyso; the next test takes it from there
    const [draft] = await s.api.client(clerk).listDrafts()
    expect(draft).toMatchObject({ fileName: 'QD_123_QĐ-STP.pdf', approverName: 'Nguyễn Văn Lãnh' })
    mkdirSync(join(s.dir, 'da-ky'), { recursive: true })
    writeFileSync(files.leaderSigned, await s.api.client(clerk).draftPdf(draft?.id ?? ''))
    expect(await page.evaluate(() => document.body.dataset['sent'])).toBeUndefined()
  })

  // a văn thư who received the leader-signed file some other way can still attach and route it
  // (NĐ 30/2020, Art. 32); the queue path is in leader-to-clerk.test.ts
  it('stops the send of the leader-signed PDF lacking the organisation signature, signs it with consent and routes it to the recipient inbox', async () => {
    const page = await openCompose()
    await page.fill('#compose-subject', 'Gửi Quyết định 123/QĐ-STP')
    await page.setInputFiles('#uploadformInput', files.leaderSigned)
    await page.click('button.send')

    const nudge = unsignedNudge(page)
    await expect
      .poll(() => nudge.locator('h2').textContent(), POLL)
      .toBe('Tệp PDF chưa có chữ ký số của cơ quan')
    expect(await nudge.locator('.card').textContent()).toContain(
      '“QD_123_QĐ-STP.pdf” (số, ký hiệu 123/QĐ-STP)',
    )
    expect(await page.evaluate(() => document.body.dataset['sent'])).toBeUndefined()

    const consent = await s.consent({ context, extensionId }, nudge)
    await consent.waitForSelector('#origin')
    expect(await consent.textContent('#origin')).toBe(`http://127.0.0.1:${s.fixtures.port}`)
    expect(await consent.textContent('#file-name')).toBe('QD_123_QĐ-STP.pdf')
    const sha = createHash('sha256')
      .update(await import('node:fs').then((fs) => fs.readFileSync(files.leaderSigned)))
      .digest('hex')
    expect(await shownSha256(consent)).toBe(sha)
    expect(await consent.inputValue('#notation')).toBe('123/QĐ-STP')
    expect(await consent.inputValue('#doc-type')).toBe('Quyết định')
    await consent.fill('#place', 'Hà Nam')
    await addRecipient(consent, 'noi vu', RECIPIENT)
    await consent.click('#confirm')
    await consent.waitForSelector('#result.ok', { timeout: 30_000 })

    await page.waitForSelector('trolyso-nudge[data-kind="route-done"]')
    expect(await page.evaluate(() => document.body.dataset['sent'])).toBeUndefined()

    const inbox = await s.api.client(recipientClerk).listDocuments('inbox')
    const routed = inbox.find((d) => d.notation === '123/QĐ-STP')
    expect(routed).toMatchObject({ senderAgency: SENDER, signatureStatus: 'signed_valid' })
    const detail = (await (
      await fetch(`${s.api.url}/v1/documents/${routed?.id}`, {
        headers: { Authorization: `Bearer ${recipientClerk.token}` },
      })
    ).json()) as {
      pages?: number
      verification: { signatures: Array<{ role: string; integrity: boolean; chainValid: boolean }> }
    }
    expect(detail.verification.signatures.map((s) => [s.role, s.integrity, s.chainValid])).toEqual([
      ['approver', true, true],
      ['organisation', true, true],
    ])

    // the popup lists it with the recipient's status, and the agency's paperless figures
    const popup = await s.popup({ context, extensionId })
    const item = popup.locator(`#sent li[data-id="${routed?.id}"]`)
    await expect.poll(() => item.textContent(), POLL).toContain(`${RECIPIENT}: Đã đến`)
    expect(await item.textContent()).toContain('✓ đã ký số')
    // figures from documents the server verified: the văn thư's own and the agency's
    const pages = detail.pages ?? 1
    expect(await popup.textContent('#figures-mine')).toBe(
      `Của bạn: 1 văn bản ký số hợp lệ, ${pages} trang giấy tránh được`,
    )
    expect(await popup.textContent('#figures-agency')).toBe(
      `Của cơ quan: 1 văn bản ký số hợp lệ trên 1 văn bản đã gửi (100%), ${pages} trang giấy tránh được`,
    )
    await saveScreenshot(popup, 'popup-sent-figures')
    await popup.close()
  })

  it('lets the mail go on "Vẫn gửi" (Ctrl+Enter in the body) and counts the override', async () => {
    const page = await openCompose()
    await page.fill('#compose-subject', 'Trả lời công văn 45/CV-STP')
    await page.setInputFiles('#uploadformInput', files.unsigned)
    await page.focus('#composebody')
    await page.keyboard.press('Control+Enter')
    const nudge = unsignedNudge(page)
    await expect
      .poll(() => nudge.locator('.card').textContent())
      .toContain('“cong-van-tra-loi.pdf” (số, ký hiệu 45/CV-STP)')
    expect(await page.evaluate(() => document.body.dataset['sent'])).toBeUndefined()
    await nudge.locator('[data-action="secondary"]').click()
    await page.waitForSelector('body[data-sent="1"]')

    const today = new Date().toISOString().slice(0, 10)
    await expect
      .poll(
        async () =>
          (await s.api.client(null).paperlessStats(today, today)).agencies.find(
            (a) => a.agencyCode === SENDER,
          )?.nudges,
      )
      .toMatchObject({ overridden: 1 })
  })

  it('asks for the electronic original when a scan of paper is attached', async () => {
    const page = await openCompose()
    await page.setInputFiles('#uploadformInput', files.scanned)
    const nudge = page.locator('trolyso-nudge[data-kind="scanned_paper"]')
    await expect.poll(() => nudge.locator('.card').textContent(), POLL).toContain('khoảng 100 dpi')
    expect(await nudge.locator('.card').textContent()).toContain('tối thiểu 200 dpi')
    await saveScreenshot(page, 'nudge-scan')
    await nudge.locator('[data-action="primary"]').click()
    await expect.poll(() => nudge.count(), POLL).toBe(0)

    // Enter on the send control is held too; the page cannot answer the nudge for the official
    await page.focus('button.send')
    await page.keyboard.press('Enter')
    const atSend = unsignedNudge(page)
    await atSend.waitFor()
    // a click the page itself makes on the nudge (untrusted) must not answer it
    const clicked = await page.evaluate(() => {
      const button = document
        .querySelector('trolyso-nudge')
        ?.shadowRoot?.querySelector('[data-action="secondary"]')
      if (!(button instanceof HTMLElement)) return false
      button.click()
      return true
    })
    expect(clicked).toBe(true)
    expect(await atSend.count()).toBe(1)
    expect(await page.evaluate(() => document.body.dataset['sent'])).toBeUndefined()

    // muted for this thread: the next send goes straight through
    await atSend.locator('[data-action="mute"]').click()
    await expect.poll(() => atSend.count(), POLL).toBe(0)
    await page.click('button.send')
    await page.waitForSelector('body[data-sent="1"]')
  })

  it('offers the electronic path when a document system page prints, with its document number', async () => {
    const page = await context.newPage()
    await page.goto(s.fixtures.url('127.0.0.1', 'document-system.html'))
    await waitActive(page)
    await page.click('#btn-in')
    const nudge = page.locator('trolyso-nudge[data-kind="print"]')
    await nudge.waitFor()
    await saveScreenshot(page, 'nudge-print')
    const consent = await s.consent({ context, extensionId }, nudge)
    await consent.waitForSelector('#origin')
    expect(await consent.textContent('#found-notation')).toBe('45/CV-BNV')
    expect(await consent.inputValue('#subject')).toBe('Về việc báo cáo tình hình sử dụng văn bản điện tử')
    expect(await consent.locator('#pick-file').count()).toBe(1)
    await saveScreenshot(consent, 'consent-print-pick-file')
    await consent.click('#cancel')
    await page.waitForSelector('trolyso-nudge[data-kind="route-failed"]')
    expect(await page.locator('trolyso-nudge h2').textContent()).toBe('Đã hủy ký số')

    await page.keyboard.press('Control+p')
    await nudge.waitFor()
  })

  it('signs from the print nudge the PDF the page shows (a viewer <embed>), with its preview and hash', async () => {
    const page = await context.newPage()
    await page.goto(s.fixtures.url('127.0.0.1', 'document-viewer.html'))
    await waitActive(page)
    await page.keyboard.press('Control+P')
    const nudge = page.locator('trolyso-nudge[data-kind="print"]')
    await nudge.waitFor()
    const consent = await s.consent({ context, extensionId }, nudge)
    await consent.waitForSelector('#preview canvas[data-page="1"]', { timeout: 20_000 })
    expect(await consent.textContent('#file-name')).toBe('quyet-dinh-88.pdf')
    expect(await shownSha256(consent)).toBe(createHash('sha256').update(viewed).digest('hex'))
    expect(await consent.textContent('#pdf-notation')).toBe('88/QD-STP')
    // nothing to pick: the document being printed is the one to sign
    expect(await consent.locator('#pick-file').count()).toBe(0)
    await saveScreenshot(consent, 'consent-print-viewed-pdf')
    await consent.click('#cancel')
    await page.waitForSelector('trolyso-nudge[data-kind="route-failed"]')
    await page.close()
  })

  it('gives a page the official did not allow no script at all', async () => {
    const page = await context.newPage()
    await page.goto(
      `${s.fixtures.url('localhost', 'roundcube-compose.html')}?_task=mail&_action=compose&_id=${++composeCount}`,
    )
    await page.setInputFiles('#uploadformInput', files.unsigned)
    await page.click('button.send')
    await page.waitForSelector('body[data-sent="1"]')
    expect(await page.locator('trolyso-nudge').count()).toBe(0)
    expect(await page.evaluate(() => document.documentElement.dataset['trolysoActive'])).toBeUndefined()
  })
})
