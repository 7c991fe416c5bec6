/**
 * The consent window shows the revision that will be signed, as the server prepared it: the
 * approver's signature image and the organisation's seal drawn on the page, the number and date
 * the văn thư stamps at issuance; the bytes signed are those shown, and a revision changed
 * after it was shown is not signed. Built extension in headless Chromium, real API.
 */
import { createHash } from 'node:crypto'
import type { Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { makeDecree30Draft } from '../../helpers/decree-30-draft.ts'
import { blueSignaturePng, redSealPng } from '../../helpers/signature-images.ts'
import { configureExtension, saveScreenshot } from '../helpers/configure-extension.ts'
import {
  type DepartmentScenario,
  RECIPIENT,
  SENDER,
  startDepartmentScenario,
} from '../helpers/department-scenario.ts'
import { addRecipient, issueQueuedDraft, shownSha256 } from '../helpers/extension-pages.ts'
import type { Browser, Official } from '../helpers/extension-scenario.ts'

const POLL = { timeout: 20_000, interval: 100 }
const sha256 = (bytes: Uint8Array) => createHash('sha256').update(bytes).digest('hex')

/** Pixels of canvas `page` in the consent window that are clearly blue (signature) or red (seal). */
const inkOn = (consent: Page, page: number) =>
  consent.evaluate((n) => {
    const canvas = document.querySelector(`#preview canvas[data-page="${n}"]`) as HTMLCanvasElement
    const { data } = canvas.getContext('2d')!.getImageData(0, 0, canvas.width, canvas.height)
    let blue = 0
    let red = 0
    for (let i = 0; i < data.length; i += 4) {
      const [r, g, b] = [data[i] ?? 0, data[i + 1] ?? 0, data[i + 2] ?? 0]
      if (b > 140 && r < 110 && g < 130) blue++
      if (r > 160 && g < 90 && b < 100) red++
    }
    return { blue, red }
  }, page)

/** The signed file with its signature value blanked again: the prepared revision it was made from. */
const blankLastContents = (signed: Uint8Array) => {
  const text = Buffer.from(signed).toString('latin1')
  const ranges = [...text.matchAll(/\/ByteRange\s*\[\s*(\d+)\s+(\d+)\s+(\d+)\s+(\d+)\s*\]/g)]
  const last = ranges.at(-1)
  const from = Number(last?.[2])
  const to = Number(last?.[3])
  const out = Buffer.from(signed)
  out.fill('0', from + 1, to - 1)
  return out
}

describe('consent shows the prepared revision that is signed', { timeout: 120_000 }, () => {
  let s: DepartmentScenario, browser: Browser, leader: Official, clerk: Official, recipientClerk: Official
  const files = { first: '', second: '' }
  const putImage = async (path: string, who: Official, png: Uint8Array) => {
    const res = await fetch(`${s.api.url}${path}`, {
      method: 'PUT',
      headers: { Authorization: `Bearer ${who.token}`, 'Content-Type': 'image/png' },
      body: new Uint8Array(png),
    })
    expect(res.status, await res.clone().text()).toBeLessThan(300)
  }

  const openConsentFromCompose = async (file: string): Promise<{ page: Page; consent: Page }> => {
    const opened = await s.attachAndSign(browser, file, POLL)
    await opened.consent.waitForSelector('#prepared-status.ok', POLL)
    return opened
  }

  beforeAll(async () => {
    s = await startDepartmentScenario({
      dirPrefix: 'trolyso-prepared-',
      place: 'thành phố Hà Nội',
      leaderName: 'Nguyễn Văn An',
      recipient: true,
    })
    leader = s.leader
    clerk = await s.api.official(SENDER, 'clerk', 'Trần Thị Văn Thư')
    recipientClerk = await s.api.official(RECIPIENT, 'clerk', 'Lê Văn Nhận')
    const admin = await s.api.official(SENDER, 'agency_admin', 'Quản trị Sở')
    await putImage('/v1/me/signature-image', leader, blueSignaturePng())
    await putImage(`/v1/agencies/${SENDER}/seal-image`, admin, redSealPng())
    files.first = s.file('QD_STP.pdf', makeDecree30Draft())
    files.second = s.file('QD_STP_2.pdf', makeDecree30Draft({ date: true }))
    browser = await s.launch(leader)
  }, 240_000)

  afterAll(() => s?.close())

  it('shows the approver’s signature image on the page before signing, and signs exactly the bytes shown', async () => {
    const { consent } = await openConsentFromCompose(files.first)
    expect(await consent.textContent('#prepared-appearance')).toContain('có')
    // the blue signature is drawn in the signature block of the revision shown
    expect((await inkOn(consent, 1)).blue).toBeGreaterThan(200)
    await saveScreenshot(consent, 'consent-prepared-approver')
    const shownHash = await shownSha256(consent, '#prepared-sha256')
    await consent.click('#confirm')
    await consent.waitForSelector('#result.ok', { timeout: 30_000 })
    const [draft] = await s.api.client(leader).listDrafts()
    const signed = await s.api.client(leader).draftPdf(draft?.id ?? '')
    // the signed file is the revision shown, with the signature value written into its /Contents
    expect(sha256(blankLastContents(signed))).toBe(shownHash)
  })

  it('refuses to sign when the prepared revision changes after it was shown', async () => {
    const { page, consent } = await openConsentFromCompose(files.second)
    // the revision kept for signing is changed after the window showed it
    await consent.evaluate(async () => {
      const requestId = new URLSearchParams(location.search).get('request') ?? ''
      const db = await new Promise<IDBDatabase>((resolve, reject) => {
        const open = indexedDB.open('trolyso-consents', 1)
        open.onsuccess = () => resolve(open.result)
        open.onerror = () => reject(open.error)
      })
      const request = <T>(make: (store: IDBObjectStore) => IDBRequest<T>, mode: IDBTransactionMode) =>
        new Promise<T>((resolve, reject) => {
          const r = make(db.transaction('pdf', mode).objectStore('pdf'))
          r.onsuccess = () => resolve(r.result)
          r.onerror = () => reject(r.error)
        })
      const bytes = new Uint8Array(
        (await request((s) => s.get(`${requestId}:prepared`), 'readonly')) as Uint8Array,
      )
      bytes[20] = (bytes[20] ?? 0) ^ 0x01
      await request((s) => s.put(bytes, `${requestId}:prepared`), 'readwrite')
      db.close()
    })
    await consent.click('#confirm')
    await consent.waitForSelector('#result.error', { timeout: 30_000 })
    expect(await consent.textContent('#result')).toContain('Bản sẽ ký đã thay đổi sau khi hiển thị')
    await page.locator('trolyso-nudge[data-kind="route-failed"]').waitFor(POLL)
    expect(await s.api.client(leader).listDrafts()).toHaveLength(1)
  })

  it('shows the văn thư the number and date stamped at issuance and the seal, follows a changed number, and routes what was shown', async () => {
    await configureExtension(browser.context, browser.extensionId, s.api.url, clerk)
    const popup = await s.popup(browser)
    const item = popup.locator('#drafts li').first()
    await expect.poll(() => item.textContent(), POLL).toContain('QD_STP.pdf')
    const consent = await issueQueuedDraft(browser, item)
    await consent.fill('#notation', '124/QĐ-STP')
    await consent.fill('#promulgated-at', '2026-12-03')
    // the draft prints "/QĐ-STP": only the number goes into the blank before it
    await expect.poll(() => consent.textContent('#prepared-stamps'), POLL).toContain('Số: 124')
    await consent.waitForSelector('#prepared-status.ok', POLL)
    // a changed number prepares the revision again: the preview follows it, never the old one
    await consent.fill('#notation', '123/QĐ-STP')
    expect(await consent.isDisabled('#confirm')).toBe(true)
    await expect.poll(() => consent.textContent('#prepared-stamps'), POLL).toContain('Số: 123')
    await consent.waitForSelector('#prepared-status.ok', POLL)
    const stamps = (await consent.textContent('#prepared-stamps')) ?? ''
    expect(stamps).not.toContain('124')
    expect(stamps).toContain('Ngày ban hành: 03 12')
    // the seal is drawn over the approver's signature, both on the page shown
    const ink = await inkOn(consent, 1)
    expect(ink.red).toBeGreaterThan(200)
    expect(ink.blue).toBeGreaterThan(100)
    await saveScreenshot(consent, 'consent-prepared-issuance')
    const shownHash = await shownSha256(consent, '#prepared-sha256')

    await consent.fill('#subject', 'Về việc ban hành Quy chế làm việc')
    await consent.fill('#place', 'Hà Nội')
    await addRecipient(consent, 'noi vu', RECIPIENT)
    await consent.click('#confirm')
    await consent.waitForSelector('#result.ok', { timeout: 30_000 })
    const [routed] = await s.api.client(recipientClerk).listDocuments('inbox')
    expect(routed).toMatchObject({ senderAgency: SENDER, signatureStatus: 'signed_valid' })
    const pdf = new Uint8Array(
      await (
        await fetch(`${s.api.url}/v1/documents/${routed?.id}/pdf`, {
          headers: { Authorization: `Bearer ${recipientClerk.token}` },
        })
      ).arrayBuffer(),
    )
    expect(sha256(blankLastContents(pdf))).toBe(shownHash)
  })
})
