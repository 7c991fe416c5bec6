import { eq } from 'drizzle-orm'
import type { Page } from 'playwright-core'
import { describe, expect, it } from 'vitest'
import { createStaffAccount } from '../../../api/staff/create-staff-account.ts'
import { unansweredQuestions } from '../../../knowledge/db/schema/index.ts'
import {
  askServedApp,
  logInToConsole,
  openChatPage,
  openPageAt,
  useAppInChromium,
} from '../../helpers/app-in-chromium.ts'
import { saveScreenshot } from '../../helpers/chromium.ts'
import { typeInChat } from '../../helpers/web-chat-page.ts'

const SCREENSHOT_DIR = process.env['SCREENSHOT_DIR'] ?? ''
const NEW_PASSWORD = 'Mật khẩu mới của Lan 2026'

let editorPassword = ''
let viewerPassword = ''

const live = useAppInChromium({
  prepare: async ({ t }) => {
    const account = async (email: string, name: string, role: 'editor' | 'viewer') =>
      (await createStaffAccount({ db: t.testDb.db, actor: 'test', email, name, role })).oneTimePassword
    editorPassword = await account('lan@so-tp.vn', 'Nguyễn Thị Lan', 'editor')
    viewerPassword = await account('xem@so-tp.vn', 'Trần Văn Xem', 'viewer')
  },
})

const shot = (page: Page, name: string) => saveScreenshot(page, SCREENSHOT_DIR, name)

const ask = (text: string) => askServedApp(live, text)

const openPage = async (width: number, height: number) => {
  const { context, page, errors } = await openPageAt(live.browser, { width, height })
  await page.goto(`${live.server.base}/admin`)
  return { page, errors, close: () => context.close() }
}

describe('staff console in Chromium', () => {
  it('an editor logs in, changes the one-time password, edits a procedure, sees the citizen answer change, and restores it', async () => {
    const { page, errors, close } = await openPage(1366, 900)
    await logInToConsole(page, 'lan@so-tp.vn', editorPassword)
    await page.getByRole('heading', { name: 'Đổi mật khẩu' }).waitFor()
    await page.getByLabel('Mật khẩu hiện tại').fill(editorPassword)
    await page.getByLabel('Mật khẩu mới').fill(NEW_PASSWORD)
    await page.getByRole('button', { name: 'Đổi mật khẩu' }).click()
    await page.getByRole('button', { name: 'Đăng xuất' }).waitFor()
    expect(await page.locator('#who').textContent()).toBe('Nguyễn Thị Lan (biên tập)')

    // Find the record the way citizens ask for it.
    await page.getByLabel(/Tìm thủ tục/).fill('dang ky khai sinh')
    await page.getByRole('button', { name: 'Tìm', exact: true }).click()
    const row = page.locator('#results li', { hasText: '1.001193' })
    await row.getByRole('button', { name: 'Mở' }).click()
    await expect.poll(() => page.locator('#record-title').textContent()).toContain('1.001193')
    const before = await ask('đăng ký khai sinh cho con ở đâu')
    expect(before.procedure?.code).toBe('1.001193')

    const name = page.getByLabel('Tên thủ tục')
    const original = await name.inputValue()
    await name.fill(`${original} (cấp xã)`)
    await page.getByLabel('Lý do sửa').fill('Làm rõ cấp thực hiện')
    await page.getByRole('button', { name: 'Lưu thay đổi' }).click()
    await expect.poll(() => page.locator('#status').textContent()).toMatch(/Đã lưu phiên bản 2/)
    const edited = await ask('đăng ký khai sinh cho con ở đâu')
    expect(edited.text).toContain(`${original} (cấp xã)`)
    await shot(page, 'console-edit-desktop.png')

    // The history shows what changed, and the old revision comes back with one click.
    await page
      .locator('#revisions li', { hasText: 'Phiên bản 2' })
      .getByRole('button', { name: 'Xem thay đổi' })
      .click()
    await expect.poll(() => page.locator('#revisions .diff').first().textContent()).toContain('(cấp xã)')
    expect(await page.locator('#revisions li', { hasText: 'Phiên bản 2' }).textContent()).toContain(
      'staff:lan@so-tp.vn',
    )
    await page.getByRole('button', { name: 'Khôi phục phiên bản 1' }).click()
    await expect.poll(() => page.locator('#status').textContent()).toMatch(/Đã khôi phục phiên bản 1/)
    const restored = await ask('đăng ký khai sinh cho con ở đâu')
    expect(restored.text).toContain(original)
    expect(restored.text).not.toContain(`${original} (cấp xã)`)

    // A field that does not pass validation is named, and nothing is stored.
    await page.getByLabel('Trang chính thức').fill('không phải địa chỉ web')
    await page.getByLabel('Lý do sửa').fill('thử sai')
    await page.getByRole('button', { name: 'Lưu thay đổi' }).click()
    await expect.poll(() => page.locator('#status.error').textContent()).toMatch(/url/)
    expect(errors).toEqual([])
    await close()
  }, 90_000)

  it('an editor reviews what citizens asked that the bot could not answer', async () => {
    const chat = await fetch(`${live.server.base}/v1/chat/messages`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ text: 'cho hỏi giá vé máy bay đi Đà Nẵng tháng sau' }),
    })
    expect(chat.status).toBe(200)
    const [question] = await live.t.testDb.db.select().from(unansweredQuestions)
    expect(question?.status).toBe('open')

    const { page, close } = await openPage(1366, 900)
    expect(await page.getByRole('button', { name: 'Câu hỏi chưa trả lời' }).isVisible()).toBe(false)
    await logInToConsole(page, 'lan@so-tp.vn', NEW_PASSWORD)
    await page.getByRole('button', { name: 'Câu hỏi chưa trả lời' }).click()
    const item = page.locator('#questions li', { hasText: 'vé máy bay' })
    await item.getByLabel('Ghi chú').fill('Ngoài phạm vi thủ tục hành chính')
    await item.getByRole('button', { name: 'Bỏ qua' }).click()
    await expect.poll(() => page.locator('#questions').textContent()).toContain('Không còn câu hỏi nào')
    const [after] = await live.t.testDb.db
      .select()
      .from(unansweredQuestions)
      .where(eq(unansweredQuestions.id, question!.id))
    expect(after?.status).toBe('dismissed')
    await shot(page, 'console-unanswered-desktop.png')
    await close()
  }, 60_000)

  it('an editor posts a banner that citizens see in the web chat, and reads the figures', async () => {
    const { page, close } = await openPage(1366, 900)
    await logInToConsole(page, 'lan@so-tp.vn', NEW_PASSWORD)
    await page.getByRole('button', { name: 'Thông báo' }).click()
    await page.getByLabel('Nội dung').fill('Cổng Dịch vụ công bảo trì đến 22:00 tối nay.')
    await page.getByLabel('Trang web').check()
    await page.getByRole('button', { name: 'Đăng thông báo' }).click()
    await expect.poll(() => page.locator('#notice-list').textContent()).toContain('bảo trì đến 22:00')

    const { context: citizen, page: chat } = await openChatPage(live, { width: 390, height: 844 })
    await typeInChat(chat, 'làm hộ chiếu ở đâu')
    await expect
      .poll(() => chat.locator('#messages').textContent(), { timeout: 15_000 })
      .toContain('Cổng Dịch vụ công bảo trì đến 22:00 tối nay.')
    await shot(chat, 'web-chat-banner-mobile.png')
    await citizen.close()

    await page.getByRole('button', { name: 'Gỡ thông báo' }).click()
    await expect.poll(() => page.locator('#notice-list').textContent()).toContain('Không có thông báo nào')

    await page.getByRole('button', { name: 'Số liệu' }).click()
    await expect.poll(() => page.locator('#summary').textContent()).toMatch(/Tổng số câu hỏi: \d+/)
    await expect
      .poll(() => page.locator('#daily-chart').evaluate((img: HTMLImageElement) => img.naturalWidth))
      .toBeGreaterThan(0)
    expect(await page.locator('#top-procedures').textContent()).toMatch(/\d\.\d{6}/)
    await shot(page, 'console-figures-desktop.png')
    await close()
  }, 90_000)

  it('works on a 390 px phone, and a viewer sees records without edit buttons', async () => {
    const { page, errors, close } = await openPage(390, 844)
    await logInToConsole(page, 'xem@so-tp.vn', viewerPassword)
    await page.getByLabel('Mật khẩu hiện tại').fill(viewerPassword)
    await page.getByLabel('Mật khẩu mới').fill(NEW_PASSWORD)
    await page.getByRole('button', { name: 'Đổi mật khẩu' }).click()
    await page.getByLabel(/Tìm thủ tục/).fill('hộ chiếu')
    await page.getByRole('button', { name: 'Tìm', exact: true }).click()
    await page.locator('#results li').first().getByRole('button', { name: 'Mở' }).click()
    await page.locator('#record').waitFor()
    expect(await page.getByRole('button', { name: 'Lưu thay đổi' }).isVisible()).toBe(false)
    expect(await page.getByLabel('Tên thủ tục').getAttribute('readonly')).not.toBeNull()
    expect(await page.getByRole('button', { name: 'Tài khoản' }).isVisible()).toBe(false)
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth)
    expect(overflow).toBeLessThanOrEqual(0)
    const box = await page.locator('#record').boundingBox()
    expect(box!.x).toBeGreaterThanOrEqual(0)
    expect(box!.x + box!.width).toBeLessThanOrEqual(390)
    await shot(page, 'console-record-mobile.png')
    expect(errors).toEqual([])
    await close()
  }, 60_000)
})
