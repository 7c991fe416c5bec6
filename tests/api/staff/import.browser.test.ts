import { eq } from 'drizzle-orm'
import type { Page } from 'playwright-core'
import { describe, expect, it } from 'vitest'
import { importFlags } from '../../../knowledge/db/schema/index.ts'
import { useStaffConsoleInChromium } from '../../helpers/app-in-chromium.ts'
import { saveScreenshot } from '../../helpers/chromium.ts'
import { proceduresFile } from '../../helpers/paths.ts'

const SCREENSHOT_DIR = process.env['SCREENSHOT_DIR'] ?? ''

const { live, signIn } = useStaffConsoleInChromium({
  password: 'Mật khẩu của Lan 2026',
  accounts: [
    { email: 'lan@so-tp.vn', name: 'Nguyễn Thị Lan', role: 'editor' },
    { email: 'xem@so-tp.vn', name: 'Trần Văn Xem', role: 'viewer' },
  ],
})

// The viewport only: the report and the queue make a page too tall to capture whole quickly.
const shot = (page: Page, name: string) => saveScreenshot(page, SCREENSHOT_DIR, name, { fullPage: false })

describe('import in the console in Chromium', () => {
  it('an editor uploads the .jsonl.gz export, follows the progress bar, opens a warning’s record and works the queue', async () => {
    const { page, errors, close } = await signIn('lan@so-tp.vn', { width: 1366, height: 900 })
    await page.getByRole('button', { name: 'Nhập dữ liệu' }).click()
    await expect.poll(() => page.locator('#flag-list').textContent()).toContain('Không còn hồ sơ nào')
    // Every progress label the page shows is recorded.
    await page.evaluate(() => {
      const w = window as unknown as { phases: string[] }
      w.phases = []
      const label = document.getElementById('import-phase') as HTMLElement
      new MutationObserver(() => w.phases.push(label.textContent ?? '')).observe(label, {
        childList: true,
        characterData: true,
        subtree: true,
      })
    })
    await page.getByLabel(/Tệp xuất/).setInputFiles(proceduresFile)
    await page.getByLabel(/Ngày lấy số liệu/).fill('2026-07-15')
    await page.getByRole('button', { name: 'Nhập', exact: true }).click()
    await expect
      .poll(() => page.locator('#import-report').textContent(), { timeout: 90_000 })
      .toContain('Đã đọc 2642 thủ tục')
    const phases = await page.evaluate(() => (window as unknown as { phases: string[] }).phases)
    expect(phases.some((p) => /^Đang đọc \d+\/2642 thủ tục/.test(p))).toBe(true)
    expect(await page.locator('#import-bar').evaluate((b: HTMLProgressElement) => b.value)).toBe(1)
    expect(await page.locator('#import-report').textContent()).toMatch(
      /LEGAL_MALFORMED \(Căn cứ pháp lý không đọc được\): \d+/,
    )
    await shot(page, 'console-import-desktop.png')

    // A warning line opens its record.
    await page.locator('#import-report summary', { hasText: 'LEGAL_MALFORMED' }).click()
    const first = page.locator('#import-report details[open] button.link').first()
    const code = /\d\.\d{6}/.exec((await first.textContent()) ?? '')?.[0]
    expect(code).toBeTruthy()
    await first.click()
    await expect.poll(() => page.locator('#record-title').textContent()).toContain(code!)

    // The work queue lists the flagged records; one is marked done.
    await page.getByRole('button', { name: 'Nhập dữ liệu' }).click()
    const open = await live.t.testDb.db.select().from(importFlags)
    expect(open.length).toBeGreaterThan(0)
    await expect.poll(() => page.locator('#flag-list li').count()).toBe(open.length)
    expect(await page.locator('#flag-list').textContent()).toContain('Còn cơ quan cấp huyện')
    const item = page.locator('#flag-list li', { hasText: 'Căn cứ pháp lý không đọc được' }).first()
    const flagId = Number(await item.getAttribute('data-flag'))
    await item.getByLabel('Ghi chú').fill('Đã đối chiếu văn bản gốc')
    await item.getByRole('button', { name: 'Đã xử lý' }).click()
    await expect.poll(() => page.locator('#flag-list li').count()).toBe(open.length - 1)
    const [row] = await live.t.testDb.db.select().from(importFlags).where(eq(importFlags.id, flagId))
    expect(row).toMatchObject({
      status: 'done',
      doneBy: 'staff:lan@so-tp.vn',
      note: 'Đã đối chiếu văn bản gốc',
    })
    expect(errors).toEqual([])
    await close()
  }, 150_000)

  it('a viewer reads the work queue on a phone, without import or done buttons', async () => {
    const { page, errors, close } = await signIn('xem@so-tp.vn', { width: 390, height: 844 })
    await page.getByRole('button', { name: 'Nhập dữ liệu' }).click()
    await expect.poll(() => page.locator('#flag-list li').count()).toBeGreaterThan(0)
    expect(await page.locator('#import-form').isVisible()).toBe(false)
    expect(await page.getByRole('button', { name: 'Đã xử lý' }).count()).toBe(0)
    expect(await page.getByRole('button', { name: 'Mở hồ sơ' }).first().isVisible()).toBe(true)
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth)
    expect(overflow).toBeLessThanOrEqual(0)
    await shot(page, 'console-import-queue-mobile.png')
    expect(errors).toEqual([])
    await close()
  }, 60_000)
})
