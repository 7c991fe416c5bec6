/**
 * The leader-to-văn thư path inside trolyso (NĐ 30/2020, Art. 32): the leader's "Ký số" puts the
 * signed draft in the agency's "chờ phát hành" queue; the văn thư finds it in the popup, signs
 * for the organisation from the consent window (with preview) and routes it; the receiving
 * agency's văn thư accepts it from the popup. The old loop (the leader mails the signed file,
 * is nudged again and signs a second time) is refused. Built extension, headless Chromium, real API.
 */
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { configureExtension, saveScreenshot } from '../helpers/configure-extension.ts'
import {
  type DepartmentScenario,
  RECIPIENT,
  SENDER,
  startDepartmentScenario,
} from '../helpers/department-scenario.ts'
import {
  addRecipient,
  confirmToClerkQueue,
  expectQueuedDraftShown,
  issueQueuedDraft,
} from '../helpers/extension-pages.ts'
import { type Browser, type Official, POLL } from '../helpers/extension-scenario.ts'
import { makeTextPdf } from '../helpers/make-pdfs.ts'

describe('leader to văn thư inside trolyso', { timeout: 120_000 }, () => {
  let s: DepartmentScenario, leaderBrowser: Browser, clerkBrowser: Browser, leader: Official, clerk: Official
  let recipientClerk: Official

  beforeAll(async () => {
    s = await startDepartmentScenario({ dirPrefix: 'trolyso-lc-', recipient: true })
    leader = s.leader
    clerk = await s.api.official(SENDER, 'clerk', 'Trần Thị Văn Thư')
    recipientClerk = await s.api.official(RECIPIENT, 'clerk', 'Lê Văn Nhận')
    s.file(
      'QD_88_QĐ-STP.pdf',
      await makeTextPdf({ lines: ['So: 88/QD-STP', 'Ha Nam, ngay 2 thang 12 nam 2026', 'QUYET DINH'] }),
    )
    leaderBrowser = await s.launch(leader)
    clerkBrowser = await s.launch(clerk)
  }, 240_000)

  afterAll(() => s?.close())

  it('sends the leader-signed draft to the văn thư queue, not to a download', async () => {
    const { page, consent } = await s.attachAndSign(leaderBrowser, join(s.dir, 'QD_88_QĐ-STP.pdf'), POLL)
    expect(await consent.textContent('h1')).toBe('Ký số văn bản')
    await confirmToClerkQueue(consent, page, { poll: POLL, resultTimeout: 30_000 })
    await saveScreenshot(page, 'nudge-leader-drafted')
    expect(await s.api.client(clerk).listDrafts()).toMatchObject([{ fileName: 'QD_88_QĐ-STP.pdf' }])
  })

  it('refuses the leader signing the same document a second time (the old mail loop)', async () => {
    // the leader got hold of the signed draft and attaches it to a mail again
    const [draft] = await s.api.client(leader).listDrafts()
    const again = s.file(
      join('again', 'QD_88_QĐ-STP.pdf'),
      await s.api.client(leader).draftPdf(draft?.id ?? ''),
    )
    const { page, consent } = await s.attachAndSign(leaderBrowser, again, POLL)
    expect(await page.locator('trolyso-nudge h2').textContent()).toBe('Đang chờ xác nhận')
    // refused when the signature is prepared, before the official is asked to confirm
    expect(await consent.textContent('#prepared-status')).toContain('đã có chữ ký của người có thẩm quyền')
    expect(await consent.isDisabled('#confirm')).toBe(true)
    // the file itself is still shown, marked as not signable
    await consent.waitForSelector('#not-signable', POLL)
    await consent.waitForSelector('#preview canvas[data-page="1"]', POLL)
    await consent.click('#cancel')
    await page.locator('trolyso-nudge[data-kind="route-failed"]').waitFor(POLL)
    expect(await s.api.client(clerk).listDrafts()).toHaveLength(1)
  })

  it('lets the văn thư sign for the organisation from the popup and route it; the recipient accepts it in one click', async () => {
    const popup = await s.popup(clerkBrowser)
    const item = popup.locator('#drafts li').first()
    await expect.poll(() => item.textContent(), POLL).toContain('QD_88_QĐ-STP.pdf')
    expect(await item.textContent()).toContain('Nguyễn Văn Lãnh')
    await saveScreenshot(popup, 'popup-clerk-queue')
    const consent = await issueQueuedDraft(clerkBrowser, item)
    await expectQueuedDraftShown(
      consent,
      { pdfNotation: '88/QD-STP', promulgatedAt: '2026-12-02', signer: 'Trần Thị Văn Thư' },
      POLL,
    )
    await consent.fill('#subject', 'Về việc phê duyệt kế hoạch')
    await consent.fill('#place', 'Hà Nam')
    await addRecipient(consent, 'noi vu', RECIPIENT)
    await saveScreenshot(consent, 'consent-clerk-draft')
    await consent.click('#confirm')
    await consent.waitForSelector('#result.ok', { timeout: 30_000 })
    expect(await s.api.client(clerk).listDrafts()).toEqual([])

    const [routed] = await s.api.client(recipientClerk).listDocuments('inbox')
    expect(routed).toMatchObject({ senderAgency: SENDER, signatureStatus: 'signed_valid' })
    const detail = (await (
      await fetch(`${s.api.url}/v1/documents/${routed?.id}`, {
        headers: { Authorization: `Bearer ${recipientClerk.token}` },
      })
    ).json()) as { verification: { rolesComplete: boolean; signatures: Array<{ role: string }> } }
    expect(detail.verification.signatures.map((s) => s.role)).toEqual(['approver', 'organisation'])
    expect(detail.verification.rolesComplete).toBe(true)

    // the receiving agency's văn thư, in the same browser profile with their own token
    await configureExtension(clerkBrowser.context, clerkBrowser.extensionId, s.api.url, recipientClerk)
    const inboxPopup = await s.popup(clerkBrowser)
    const received = inboxPopup.locator(`#inbox li[data-id="${routed?.id}"]`)
    await expect.poll(() => received.locator('.status').textContent(), POLL).toBe('Đã đến')
    await saveScreenshot(inboxPopup, 'popup-recipient-inbox')
    await received.locator('[data-action="accept"]').click()
    await expect.poll(() => received.locator('.status').textContent(), POLL).toBe('Đã tiếp nhận')
    const [sent] = await s.api.client(clerk).listDocuments('sent')
    expect(sent?.recipients).toEqual([{ agencyCode: RECIPIENT, status: '03' }])
    // the sender's popup says it in words, with the recipient's name
    await configureExtension(clerkBrowser.context, clerkBrowser.extensionId, s.api.url, clerk)
    const senderPopup = await s.popup(clerkBrowser)
    await expect
      .poll(
        () =>
          senderPopup.locator(`#sent li[data-id="${routed?.id}"] li[data-code="${RECIPIENT}"]`).textContent(),
        POLL,
      )
      .toBe(`Sở Nội vụ tỉnh Hà Nam — ${RECIPIENT}: Đã tiếp nhận`)
  })
})
