import type { Page } from 'playwright-core'
import { describe, expect, it } from 'vitest'
import { unansweredQuestions } from '../../../knowledge/db/schema/index.ts'
import { askServedApp, openChatPage, useStaffConsoleInChromium } from '../../helpers/app-in-chromium.ts'
import { saveScreenshot } from '../../helpers/chromium.ts'
import { typeInChat } from '../../helpers/web-chat-page.ts'

const SCREENSHOT_DIR = process.env['SCREENSHOT_DIR'] ?? ''
const QUESTION = 'con tôi vừa chào đời thì cần đi đâu'

const { live, signIn } = useStaffConsoleInChromium({
  password: 'Mật khẩu của Minh 2026',
  accounts: [
    { email: 'minh@so-tp.vn', name: 'Phạm Văn Minh', role: 'agent' },
    { email: 'lan@so-tp.vn', name: 'Nguyễn Thị Lan', role: 'editor' },
  ],
  pageTimeout: 20_000,
})

const shot = (page: Page, name: string) => saveScreenshot(page, SCREENSHOT_DIR, name)

const ask = (text: string) => askServedApp(live, text)

describe('teaching search from the console in Chromium', () => {
  it('an agent resolves an unanswered question with a procedure, sees the check, and the next citizen gets the procedure', async () => {
    // A citizen on the web chat asks what the records do not name.
    const { context: citizen, page: chat } = await openChatPage(live, { width: 390, height: 844 })
    await typeInChat(chat, QUESTION)
    await expect.poll(async () => (await live.t.testDb.db.select().from(unansweredQuestions)).length).toBe(1)
    await citizen.close()

    const { page, errors, close } = await signIn('minh@so-tp.vn', { width: 1366, height: 900 })
    await page.getByRole('button', { name: 'Câu hỏi chưa trả lời' }).click()
    const item = page.locator('#questions li', { hasText: QUESTION })
    await item.getByLabel('Mã thủ tục').fill('1.001193')
    await item.getByLabel('Ghi chú').fill('Hỏi về đăng ký khai sinh')
    await item.getByRole('button', { name: 'Đã xử lý' }).click()
    await expect.poll(() => page.locator('#status').textContent()).toMatch(/Đã học câu hỏi/)
    const check = page.locator('#unanswered-check')
    await expect
      .poll(() => check.textContent())
      .toMatch(/Không câu nào trong \d+ câu hỏi mẫu đổi câu trả lời/)
    expect(await check.textContent()).toContain(
      'Chính câu hỏi này: Không có trong dữ liệu → Trả lời: 1.001193',
    )
    await shot(page, 'console-learnt-desktop.png')
    expect(errors).toEqual([])
    await close()

    // The next citizen, typing without marks, gets the procedure in the web chat.
    const { context: next, page: page2 } = await openChatPage(live, { width: 390, height: 844 })
    await typeInChat(page2, 'con toi vua chao doi thi can di dau')
    await expect
      .poll(() => page2.locator('#messages').textContent(), { timeout: 15_000 })
      .toContain('1.001193')
    await next.close()
  }, 120_000)

  it('an editor adds an everyday word on a phone, sees the check, and undoes it', async () => {
    expect((await ask('đổi bằng tài')).kind).not.toBe('answer')
    const { page, errors, close } = await signIn('lan@so-tp.vn', { width: 390, height: 844 })
    await page.getByRole('button', { name: 'Từ vựng' }).click()
    // The phrase the agent taught is listed as a versioned entry.
    const learnt = page.locator('#term-list li', { hasText: 'Câu hỏi đã học' })
    await expect.poll(() => learnt.getByLabel('Từ hoặc câu hỏi').inputValue()).toBe(QUESTION)
    expect(await learnt.getByLabel('Nghĩa').inputValue()).toBe('1.001193')
    const form = page.locator('#new-term')
    await form.getByLabel('Loại').selectOption('synonym')
    await form.getByLabel('Từ, chữ viết tắt hoặc câu hỏi').fill('bằng tài')
    await form.getByLabel(/^Nghĩa \(/).fill('giấy phép lái xe')
    await form.getByRole('button', { name: 'Thêm và kiểm tra' }).click()
    await expect
      .poll(() => page.locator('#vocabulary-check').textContent())
      .toMatch(/Kiểm tra “bằng tài” \(phiên bản 1\)/)
    expect(await page.locator('#vocabulary-check').textContent()).not.toContain('null')
    expect(await page.locator('#vocabulary-check').textContent()).toMatch(
      /Không câu nào trong \d+ câu hỏi mẫu/,
    )
    const answered = await ask('đổi bằng tài')
    expect(answered.procedure?.code).toBe('3.000347')
    await shot(page, 'console-vocabulary-mobile.png')
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth)
    expect(overflow).toBeLessThanOrEqual(0)

    const row = page.locator('#term-list li', { hasText: 'Cách gọi thông thường' })
    await row.getByRole('button', { name: 'Hoàn tác' }).click()
    await expect.poll(() => page.locator('#status').textContent()).toMatch(/Đã hoàn tác/)
    await expect
      .poll(() => page.locator('#term-list li', { hasText: 'Cách gọi thông thường' }).textContent())
      .toContain('đã gỡ')
    expect((await ask('đổi bằng tài')).kind).not.toBe('answer')
    await page
      .locator('#term-list li', { hasText: 'Cách gọi thông thường' })
      .getByRole('button', { name: 'Lịch sử' })
      .click()
    await expect
      .poll(() => page.locator('#term-list li', { hasText: 'Cách gọi thông thường' }).textContent())
      .toMatch(/Phiên bản 2 \(hoàn tác\).*Phiên bản 1 \(thêm\)/s)
    expect(errors).toEqual([])
    await close()
  }, 120_000)
})
