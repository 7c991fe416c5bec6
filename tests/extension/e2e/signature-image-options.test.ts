/**
 * An approver uploads their handwritten signature once, in Tùy chọn: the file is previewed
 * before upload, size and format problems are explained in Vietnamese (the server's reason
 * too, e.g. a background that is not transparent), and the image saved is the one the API
 * then holds. Built extension in headless Chromium, real API.
 */
import type { Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { blueSignaturePng, makePng } from '../../helpers/signature-images.ts'
import { configureExtension, saveScreenshot } from '../helpers/configure-extension.ts'
import { type DepartmentScenario, SENDER, startDepartmentScenario } from '../helpers/department-scenario.ts'
import { type Browser, type Official, POLL } from '../helpers/extension-scenario.ts'

describe('the approver’s signature image in Tùy chọn', { timeout: 120_000 }, () => {
  let s: DepartmentScenario, browser: Browser, leader: Official, clerk: Official

  const openOptions = async (): Promise<Page> => {
    const options = await browser.context.newPage()
    await options.goto(`chrome-extension://${browser.extensionId}/options.html`)
    await options.waitForSelector('#connection.ok', POLL)
    return options
  }
  /** the natural width of the image `id` on the page, 0 until it has loaded */
  const imageWidth = (page: Page, id: string) =>
    page.evaluate((id) => (document.getElementById(id) as HTMLImageElement).naturalWidth, id)
  /** chooses a file `name` holding `bytes` in the signature picker; returns what the page says of it */
  const pick = async (options: Page, name: string, bytes: Uint8Array) => {
    await options.setInputFiles('#signature-file', s.file(name, bytes))
    await options.waitForSelector('#signature-status.error, #signature-status.muted', POLL)
    return (await options.textContent('#signature-status')) ?? ''
  }

  beforeAll(async () => {
    s = await startDepartmentScenario({
      dirPrefix: 'trolyso-sigimg-',
      place: 'thành phố Hà Nội',
      leaderName: 'Nguyễn Văn An',
    })
    leader = s.leader
    clerk = await s.api.official(SENDER, 'clerk', 'Trần Thị Văn Thư')
    // first set up for the văn thư
    browser = await s.launch(clerk)
  }, 240_000)

  afterAll(() => s?.close())

  it('is not offered to a văn thư', async () => {
    const options = await openOptions()
    expect(await options.isHidden('#signature-section')).toBe(true)
    await options.close()
  })

  it('explains format and size problems in Vietnamese, previews, uploads, and shows the image in use', async () => {
    await configureExtension(browser.context, browser.extensionId, s.api.url, leader)
    const options = await openOptions()
    await options.waitForSelector('#signature-section:not([hidden])', POLL)
    expect(await options.textContent('#signature-none')).toBe('chưa có')

    expect(await pick(options, 'chu-ky.jpg', new Uint8Array([0xff, 0xd8, 0xff, 0xe0, 1, 2, 3]))).toContain(
      'Tệp không phải ảnh PNG',
    )
    expect(await options.isDisabled('#upload-signature')).toBe(true)
    // 400 × 400 of noise: far above 200 KB
    const noise = makePng(400, 400, (x, y) => [x % 256, (x * y) % 256, y % 256, 255], false)
    expect(await pick(options, 'to.png', noise)).toMatch(/lớn hơn giới hạn 200 KB/)
    const tiny = makePng(20, 20, () => [0, 0, 200, 255])
    expect(await pick(options, 'nho.png', tiny)).toContain('cần mỗi cạnh từ 32 đến 1600 điểm ảnh')
    // a PNG the browser accepts but the server does not: its reason is shown
    const white = makePng(200, 80, () => [255, 255, 255, 255])
    expect(await pick(options, 'nen-trang.png', white)).toContain('Xem ảnh bên trên')
    await options.click('#upload-signature')
    await options.waitForSelector('#signature-status.error', POLL)
    expect(await options.textContent('#signature-status')).toContain('Chưa lưu được ảnh')
    expect(await options.textContent('#signature-status')).toMatch(/trong suốt/)

    const signature = blueSignaturePng()
    // choosing another file takes back the refusal at once, before the new file is even read
    const saidAtOnce = await options.evaluate(
      (bytes) => {
        const input = document.getElementById('signature-file') as HTMLInputElement
        const files = new DataTransfer()
        files.items.add(new File([new Uint8Array(bytes)], 'chu-ky.png', { type: 'image/png' }))
        input.files = files.files
        input.dispatchEvent(new Event('change'))
        return document.getElementById('signature-status')?.textContent
      },
      [...signature],
    )
    expect(saidAtOnce).toBe('')
    expect(await pick(options, 'chu-ky.png', signature)).toContain('Xem ảnh bên trên')
    await expect.poll(() => imageWidth(options, 'signature-preview'), POLL).toBe(300)
    await saveScreenshot(options, 'options-signature-image')
    await options.click('#upload-signature')
    await options.waitForSelector('#signature-status.ok', POLL)
    const saved = await fetch(`${s.api.url}/v1/me/signature-image`, {
      headers: { Authorization: `Bearer ${leader.token}` },
    })
    expect(saved.status).toBe(200)
    expect(Buffer.from(await saved.arrayBuffer()).equals(Buffer.from(signature))).toBe(true)

    // reopened: the image in use is shown
    await options.close()
    const again = await openOptions()
    await expect.poll(() => imageWidth(again, 'signature-current'), POLL).toBe(300)
    expect(await again.isHidden('#signature-none')).toBe(true)
  })
})
