/**
 * The built extension in headless Chromium on a real Roundcube 1.6 (Debian's packages, SQLite,
 * Dovecot; see ../helpers/start-roundcube.ts) against the real trolyso API: the leader and
 * the văn thư each log into their own mailbox in their own browser with their own key.
 * Run alone with `npm run test:roundcube`.
 */
import { createHash } from 'node:crypto'
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import type { Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { repoRoot } from '../../helpers/paths.ts'
import { ensureExtensionBuilt, launchWithExtension } from '../helpers/chromium.ts'
import { openOptions } from '../helpers/configure-extension.ts'
import {
  addRecipient,
  type Browser,
  confirmToClerkQueue,
  expectQueuedDraftShown,
  issueQueuedDraft,
  openConsent,
  openPopup,
  shownSha256,
  unsignedNudge,
} from '../helpers/extension-pages.ts'
import { makeScannedPdf, makeTextPdf } from '../helpers/make-pdfs.ts'
import { type Official, startApiServer } from '../helpers/servers.ts'
import { type Mailbox, type Roundcube, startRoundcube } from '../helpers/start-roundcube.ts'

const SENDER = '000.00.01.H56'
const RECIPIENT = '000.00.02.H56'
const LEADER_MAIL: Mailbox = { address: 'lanhdao@so-tp.test', password: 'lanh-dao-2026' }
const CLERK_MAIL: Mailbox = { address: 'vanthu@so-tp.test', password: 'van-thu-2026' }
// Roundcube under PHP's built-in server on a shared machine: allow for slow pages
const POLL = { timeout: 30_000, interval: 100 }
/** gitignored; listed in extension/README.md */
const SCREENSHOTS = join(repoRoot, 'extension', '.output', 'screenshots')

describe('officials extension in a real Roundcube 1.6', { timeout: 180_000 }, () => {
  let api: Awaited<ReturnType<typeof startApiServer>>, roundcube: Roundcube, leaderBrowser: Browser
  let clerkBrowser: Browser, leader: Official, clerk: Official, recipientClerk: Official, dir: string
  const files = { decision: '', unsigned: '', scanned: '' }

  const configure = async ({ context, extensionId }: Browser, official: Official) =>
    (await openOptions(context, extensionId, api.url, official)).close()

  /** Roundcube's own login form; the session cookie stays in the browser for the later tests */
  const logIn = async ({ context }: Browser, mailbox: Mailbox) => {
    const page = await context.newPage()
    await page.goto(roundcube.url)
    await page.fill('#rcmloginuser', mailbox.address)
    await page.fill('#rcmloginpwd', mailbox.password)
    await Promise.all([page.waitForURL(/_task=mail/, { timeout: 60_000 }), page.click('#rcmloginsubmit')])
    await page.close()
  }

  const openCompose = async ({ context }: Browser, { to, subject }: { to: string; subject: string }) => {
    const page = await context.newPage()
    await page.goto(`${roundcube.url}/?_task=mail&_action=compose`)
    await page.waitForSelector('html[data-trolyso-active="true"]', { state: 'attached', timeout: 30_000 })
    // Roundcube unlocks the compose form at the end of its start-up; if the page is something else
    // (Roundcube's own error or the message list), say which instead of timing out silently
    await page
      .waitForFunction(() => (window as { rcmail?: { busy?: boolean } }).rcmail?.busy === false, undefined, {
        timeout: 30_000,
      })
      .catch(async (error: unknown) => {
        const shown = await page
          .locator('#messagestack')
          .textContent()
          .catch(() => '')
        const body = await page
          .locator('body')
          .innerText()
          .catch(() => '')
        throw new Error(
          `Roundcube's compose form did not become ready at ${page.url()} (Roundcube shows: ${shown || 'nothing'}; page “${await page.title()}”: ${body.slice(0, 300)}; PHP log tail: ${roundcube.logs().slice(-2000)})`,
          { cause: error },
        )
      })
    // Roundcube's recipient widget turns the typed address into a recipient on the comma
    await page.locator('#compose_to .recipient-input input').pressSequentially(`${to},`)
    await page.fill('#compose-subject', subject)
    return page
  }

  /**
   * Roundcube answers a send in the compose page and then, half a second later, opens the message
   * list, which asks for its messages and folder counts. PHP writes the whole session at the end of
   * every request, as it read it at the start, and finishes a request even when its page is closed:
   * a list request cut short would then wipe the compose data the next compose page has just
   * stored. Close the page only once Roundcube has moved on and its requests are done.
   */
  const closeAfterSend = async (page: Page) => {
    await page.waitForURL((url) => url.searchParams.get('_action') !== 'compose', { timeout: 30_000 })
    await page.waitForLoadState('networkidle', { timeout: 30_000 })
    await page.close()
  }

  /** Roundcube's own upload: "Kèm theo tập tin" opens the file chooser, the file goes to the server */
  const attach = async (page: Page, file: string) => {
    const [chooser] = await Promise.all([page.waitForEvent('filechooser'), page.click('button.attach')])
    await chooser.setFiles(file)
    const name = file.split('/').at(-1) ?? ''
    await page
      .locator('#attachment-list li:not(.uploading) .attachment-name', { hasText: name })
      .waitFor({ timeout: 30_000 })
  }

  beforeAll(async () => {
    const started = performance.now()
    ensureExtensionBuilt()
    mkdirSync(SCREENSHOTS, { recursive: true })
    api = await startApiServer()
    await api.agency(SENDER, 'Sở Tư pháp tỉnh Hà Nam')
    await api.agency(RECIPIENT, 'Sở Nội vụ tỉnh Hà Nam')
    leader = await api.official(SENDER, 'approver', 'Nguyễn Văn Lãnh')
    clerk = await api.official(SENDER, 'clerk', 'Trần Thị Văn Thư')
    recipientClerk = await api.official(RECIPIENT, 'clerk', 'Lê Văn Nhận')

    dir = mkdtempSync(join(tmpdir(), 'trolyso-roundcube-files-'))
    files.decision = join(dir, 'QD_57_QĐ-STP.pdf')
    files.unsigned = join(dir, 'cong-van-tra-loi.pdf')
    files.scanned = join(dir, 'ban-scan-giay-moi.pdf')
    writeFileSync(
      files.decision,
      await makeTextPdf({ lines: ['Số: 57/QĐ-STP', 'Hà Nam, ngày 3 tháng 12 năm 2026', 'QUYẾT ĐỊNH'] }),
    )
    writeFileSync(files.unsigned, await makeTextPdf({ text: 'CONG VAN' }))
    writeFileSync(files.scanned, await makeScannedPdf({ dpi: 150 }))

    // each official's browser: the extension set up in Tùy chọn, then Roundcube's login (in parallel)
    roundcube = await startRoundcube({ mailboxes: [LEADER_MAIL, CLERK_MAIL] })
    leaderBrowser = await launchWithExtension()
    clerkBrowser = await launchWithExtension()
    await Promise.all([
      configure(leaderBrowser, leader).then(() => logIn(leaderBrowser, LEADER_MAIL)),
      configure(clerkBrowser, clerk).then(() => logIn(clerkBrowser, CLERK_MAIL)),
    ])
    console.info(`Roundcube test setup: ${Math.round(performance.now() - started)} ms`)
  }, 240_000)

  afterAll(async () => {
    await leaderBrowser?.context.close()
    await clerkBrowser?.context.close()
    await roundcube?.close()
    await api?.close()
    if (dir) rmSync(dir, { recursive: true, force: true })
  })

  it('holds the leader’s send of an unsigned decision uploaded in Roundcube, signs it after consent with the preview and queues it for the văn thư', async () => {
    const page = await openCompose(leaderBrowser, { to: CLERK_MAIL.address, subject: 'Quyết định 57/QĐ-STP' })
    await attach(page, files.decision)
    await page.click('#compose-content button.send, .formbuttons button.send')
    const nudge = unsignedNudge(page)
    await expect.poll(() => nudge.locator('h2').textContent(), POLL).toBe('Tệp PDF chưa có chữ ký số')
    expect(await nudge.locator('.card').textContent()).toContain('“QD_57_QĐ-STP.pdf” (số, ký hiệu 57/QĐ-STP)')
    await page.screenshot({ path: join(SCREENSHOTS, 'roundcube-compose-unsigned-nudge.png') })
    expect(roundcube.delivered).toHaveLength(0)

    const consent = await openConsent(leaderBrowser, nudge)
    await consent.waitForSelector('#origin')
    expect(await consent.textContent('#origin')).toBe(roundcube.url)
    expect(await consent.textContent('h1')).toBe('Ký số văn bản')
    expect(await consent.textContent('#file-name')).toBe('QD_57_QĐ-STP.pdf')
    const sha = createHash('sha256').update(readFileSync(files.decision)).digest('hex')
    expect(await shownSha256(consent)).toBe(sha)
    // the file Roundcube holds, rendered: only then can it be signed
    await consent.waitForSelector('#preview canvas[data-page="1"]', POLL)
    expect(await consent.textContent('#pdf-notation')).toBe('57/QD-STP')
    expect(await consent.isEnabled('#confirm')).toBe(true)
    await consent.screenshot({ path: join(SCREENSHOTS, 'roundcube-consent-leader.png'), fullPage: true })
    await confirmToClerkQueue(consent, page, { poll: POLL, resultTimeout: 60_000 })
    await page.screenshot({ path: join(SCREENSHOTS, 'roundcube-compose-leader-drafted.png') })
    // the mail itself never left Roundcube
    expect(roundcube.delivered).toHaveLength(0)

    // the agency's văn thư has it in the "chờ phát hành" queue, through the API ...
    const queued = await fetch(`${api.url}/v1/drafts`, {
      headers: { Authorization: `Bearer ${clerk.token}` },
    })
    expect(queued.status).toBe(200)
    expect(((await queued.json()) as { results: unknown[] }).results).toEqual([
      expect.objectContaining({
        fileName: 'QD_57_QĐ-STP.pdf',
        subject: 'Quyết định 57/QĐ-STP',
        status: 'pending',
        approverName: 'Nguyễn Văn Lãnh',
        documentId: null,
      }),
    ])
    // ... and in the popup of the văn thư's own browser
    const popup = await openPopup(clerkBrowser)
    await expect
      .poll(() => popup.locator('h2', { hasText: 'Chờ phát hành' }).textContent(), POLL)
      .toBe('Chờ phát hành (1)')
    const item = popup.locator('#drafts li').first()
    expect(await item.textContent()).toContain('QD_57_QĐ-STP.pdf')
    expect(await item.textContent()).toContain('Nguyễn Văn Lãnh')
    expect(await item.locator('[data-action="issue"]').textContent()).toBe('Ký số & phát hành')
    await popup.screenshot({ path: join(SCREENSHOTS, 'roundcube-popup-clerk-queue.png'), fullPage: true })
    await popup.close()
    await consent.close()
    await page.close()
  })

  // the văn thư continues with the draft the leader signed (NĐ 30/2020, Art. 32)
  it('lets the văn thư add the organisation signature to the queued draft from the popup and route it to the other agency, which accepts it', async () => {
    const popup = await openPopup(clerkBrowser)
    const item = popup.locator('#drafts li', { hasText: 'QD_57_QĐ-STP.pdf' })
    await item.waitFor(POLL)
    const consent = await issueQueuedDraft(clerkBrowser, item)
    await expectQueuedDraftShown(
      consent,
      { pdfNotation: '57/QD-STP', promulgatedAt: '2026-12-03', signer: 'Trần Thị Văn Thư' },
      POLL,
    )
    expect(await consent.textContent('#file-name')).toBe('QD_57_QĐ-STP.pdf')
    expect(await consent.isEnabled('#confirm')).toBe(true)
    // the header is filled from the file name and the subject of the leader's mail in Roundcube
    expect(await consent.inputValue('#notation')).toBe('57/QĐ-STP')
    expect(await consent.isHidden('#notation-mismatch')).toBe(true)
    expect(await consent.inputValue('#subject')).toBe('Quyết định 57/QĐ-STP')
    await consent.fill('#place', 'Hà Nam')
    await addRecipient(consent, 'noi vu', RECIPIENT)
    await consent.screenshot({ path: join(SCREENSHOTS, 'roundcube-consent-clerk.png'), fullPage: true })
    await consent.click('#confirm')
    await consent.waitForSelector('#result.ok', { timeout: 60_000 })
    expect(await consent.textContent('#result')).toContain(RECIPIENT)
    expect(await api.client(clerk).listDrafts()).toEqual([])
    // nothing went by mail
    expect(roundcube.delivered).toHaveLength(0)

    // the other agency finds it in its inbox with both signatures verified, and accepts it
    const inbox = await api.client(recipientClerk).listDocuments('inbox')
    const routed = inbox.find((d) => d.notation === '57/QĐ-STP')
    expect(routed).toMatchObject({ senderAgency: SENDER, signatureStatus: 'signed_valid' })
    const headers = { Authorization: `Bearer ${recipientClerk.token}` }
    const detail = (await (await fetch(`${api.url}/v1/documents/${routed?.id}`, { headers })).json()) as {
      verification: {
        rolesComplete: boolean
        signatures: Array<{ role: string; integrity: boolean; chainValid: boolean }>
      }
    }
    expect(detail.verification.signatures.map((s) => [s.role, s.integrity, s.chainValid])).toEqual([
      ['approver', true, true],
      ['organisation', true, true],
    ])
    expect(detail.verification.rolesComplete).toBe(true)
    // the receiving văn thư, in their own browser, sees it in the popup's inbox and accepts it there
    const recipientBrowser = await launchWithExtension()
    try {
      await configure(recipientBrowser, recipientClerk)
      const inboxPopup = await openPopup(recipientBrowser)
      const received = inboxPopup.locator(`#inbox li[data-id="${routed?.id}"]`)
      await expect.poll(() => received.locator('.status').textContent(), POLL).toBe('Đã đến')
      expect(await received.locator('[data-action="refuse"]').textContent()).toBe('Từ chối')
      await inboxPopup.screenshot({
        path: join(SCREENSHOTS, 'roundcube-popup-recipient-inbox.png'),
        fullPage: true,
      })
      await received.locator('[data-action="accept"]').click()
      await expect.poll(() => received.locator('.status').textContent(), POLL).toBe('Đã tiếp nhận')
    } finally {
      await recipientBrowser.context.close()
    }
    const sent = await api.client(clerk).listDocuments('sent')
    expect(sent.find((d) => d.id === routed?.id)?.recipients).toEqual([
      expect.objectContaining({ agencyCode: RECIPIENT, status: '03' }),
    ])
    await consent.close()
    await popup.close()
  })

  it('lets Roundcube send the mail on “Vẫn gửi”: it arrives in the other mailbox with the PDF', async () => {
    const page = await openCompose(leaderBrowser, {
      to: CLERK_MAIL.address,
      subject: 'Trả lời công văn 45/CV-STP',
    })
    await attach(page, files.unsigned)
    await page.locator('#composebody').fill('Gửi văn thư bản dự thảo.')
    await page.keyboard.press('Control+Enter')
    const nudge = unsignedNudge(page)
    await expect
      .poll(() => nudge.locator('.card').textContent(), POLL)
      .toContain('“cong-van-tra-loi.pdf” (số, ký hiệu 45/CV-STP)')
    expect(roundcube.delivered).toHaveLength(0)
    await nudge.locator('[data-action="secondary"]').click()
    await expect.poll(() => roundcube.delivered.length, POLL).toBe(1)
    const [mail] = roundcube.delivered
    expect(mail?.from).toBe(LEADER_MAIL.address)
    expect(mail?.to).toEqual([CLERK_MAIL.address])
    expect(mail?.data).toMatch(/filename="?cong-van-tra-loi\.pdf"?/)
    await closeAfterSend(page)
  })

  it('no longer holds the send once the PDF is removed from Roundcube’s attachment list', async () => {
    const page = await openCompose(leaderBrowser, { to: CLERK_MAIL.address, subject: 'Lịch họp giao ban' })
    await attach(page, files.unsigned)
    await page.locator('#attachment-list li', { hasText: 'cong-van-tra-loi.pdf' }).locator('a.delete').click()
    await expect.poll(() => page.locator('#attachment-list li').count(), POLL).toBe(0)
    await page.locator('#composebody').fill('Lịch họp giao ban tuần này, không kèm tệp.')
    const before = roundcube.delivered.length
    await page.click('#compose-content button.send, .formbuttons button.send')
    await expect.poll(() => roundcube.delivered.length, POLL).toBe(before + 1)
    expect(roundcube.delivered.at(-1)?.data).not.toContain('cong-van-tra-loi.pdf')
    expect(await page.locator('trolyso-nudge').count()).toBe(0)
    await closeAfterSend(page)
  })

  it('still holds the send of PDFs whose upload was in progress while the page changed', async () => {
    const page = await openCompose(leaderBrowser, { to: CLERK_MAIL.address, subject: 'Công văn 46/CV-STP' })
    // a slow connection: Roundcube shows its "Đang tải các tập tin lên..." placeholder meanwhile
    let release = () => {}
    const held = new Promise<void>((resolve) => {
      release = resolve
    })
    await page.route(
      (url) => url.searchParams.get('_action') === 'upload',
      async (route) => {
        await held
        await route.continue()
      },
    )
    // the decision and its annex, chosen together
    const [chooser] = await Promise.all([page.waitForEvent('filechooser'), page.click('button.attach')])
    await chooser.setFiles([files.decision, files.unsigned])
    await page.locator('#attachment-list li.uploading').waitFor()
    // meanwhile the page removes something (as Roundcube does with its notices)
    await page.waitForTimeout(1000)
    await page.evaluate(() => document.body.appendChild(document.createElement('div')).remove())
    release()
    await expect
      .poll(
        async () => (await page.locator('#attachment-list li .attachment-name').allTextContents()).sort(),
        POLL,
      )
      .toEqual(['QD_57_QĐ-STP.pdf', 'cong-van-tra-loi.pdf'])
    await page.click('#compose-content button.send, .formbuttons button.send')
    const nudge = unsignedNudge(page)
    await expect.poll(() => nudge.locator('h2').textContent(), POLL).toBe('Tệp PDF chưa có chữ ký số')
    const card = await nudge.locator('.card').textContent()
    expect(card).toContain('“QD_57_QĐ-STP.pdf”')
    expect(card).toContain('“cong-van-tra-loi.pdf”')
    await page.close()
  })

  it('asks for the electronic original when a scan of paper is uploaded in Roundcube compose', async () => {
    const page = await openCompose(clerkBrowser, { to: LEADER_MAIL.address, subject: 'Bản scan' })
    await attach(page, files.scanned)
    const nudge = page.locator('trolyso-nudge[data-kind="scanned_paper"]')
    await expect.poll(() => nudge.locator('.card').textContent(), POLL).toContain('khoảng 150 dpi')
    expect(await nudge.locator('.card').textContent()).toContain('tối thiểu 200 dpi')
    await page.screenshot({ path: join(SCREENSHOTS, 'roundcube-compose-scan-nudge.png') })
    await page.close()
  })

  it('offers the electronic path on Ctrl+P in compose and in the message the văn thư received', async () => {
    const compose = await openCompose(clerkBrowser, { to: LEADER_MAIL.address, subject: 'In thử' })
    await compose.locator('#composebody').click()
    await compose.keyboard.press('Control+p')
    await compose.locator('trolyso-nudge[data-kind="print"]').waitFor({ timeout: 30_000 })
    await compose.close()

    // the mail Roundcube sent in the "Vẫn gửi" test, opened from the văn thư's inbox
    // (delivery through the local mail server may land after the list was first drawn on a busy machine:
    // the inbox is opened again until the message is in it, as the văn thư would refresh it)
    const page = await clerkBrowser.context.newPage()
    const row = page.locator('#messagelist tr', { hasText: 'Trả lời công văn 45/CV-STP' })
    await expect
      .poll(
        async () => {
          await page.goto(`${roundcube.url}/?_task=mail&_mbox=INBOX`)
          return row.waitFor({ timeout: 10_000 }).then(
            () => true,
            () => false,
          )
        },
        { timeout: 90_000, interval: 1_000 },
      )
      .toBe(true)
    await Promise.all([page.waitForURL(/_action=show/, { timeout: 30_000 }), row.dblclick()])
    await page.waitForSelector('html[data-trolyso-active="true"]', { state: 'attached', timeout: 30_000 })
    await page.locator('#attachment-list', { hasText: 'cong-van-tra-loi.pdf' }).waitFor()
    await page.keyboard.press('Control+p')
    const nudge = page.locator('trolyso-nudge[data-kind="print"]')
    await nudge.waitFor({ timeout: 30_000 })
    await page.screenshot({ path: join(SCREENSHOTS, 'roundcube-message-print-nudge.png') })
    await nudge.locator('[data-action="dismiss"]').click()
    await expect.poll(() => nudge.count(), POLL).toBe(0)

    // Roundcube's own "In" opens its print view, which calls window.print() on load
    const [printView] = await Promise.all([
      clerkBrowser.context.waitForEvent('page'),
      page.locator('a.print:visible').first().click(),
    ])
    await printView.locator('trolyso-nudge[data-kind="print"]').waitFor({ timeout: 30_000 })
    await printView.close()
    await page.close()
  })
})
