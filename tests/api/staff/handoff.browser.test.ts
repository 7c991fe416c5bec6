import type { Page } from 'playwright-core'
import { describe, expect, it } from 'vitest'
import { openChatPage, useStaffConsoleInChromium } from '../../helpers/app-in-chromium.ts'
import { saveScreenshot } from '../../helpers/chromium.ts'

const SCREENSHOT_DIR = process.env['SCREENSHOT_DIR'] ?? ''

const { live, signIn } = useStaffConsoleInChromium({
  env: { STAFF_HOURS: '24/7' },
  password: 'Mật khẩu của Hoa 2026',
  accounts: [{ email: 'hoa@so-tp.vn', name: 'Lê Thị Hoa', role: 'agent' }],
  pageTimeout: 15_000,
})

const shot = (page: Page, name: string) => saveScreenshot(page, SCREENSHOT_DIR, name)

describe('live hand-off in Chromium', () => {
  it('a citizen asks for a person, the agent sees it appear live, replies, and the citizen sees the reply', async () => {
    const { page: console_, errors, close } = await signIn('hoa@so-tp.vn', { width: 1366, height: 900 })
    await console_.getByRole('button', { name: 'Hỗ trợ trực tiếp' }).click()
    await expect.poll(() => console_.locator('#handoff-list').textContent()).toContain('Không có yêu cầu nào')
    await expect.poll(() => console_.locator('#handoff-live').textContent()).toContain('trực tiếp')

    const { context: citizenContext, page: chat } = await openChatPage(live, { width: 390, height: 844 })
    await chat.getByLabel('Câu hỏi của bạn', { exact: true }).fill('cho tôi gặp nhân viên')
    await chat.keyboard.press('Enter')
    await expect
      .poll(() => chat.locator('#messages').textContent())
      .toContain('Đang chuyển tới cán bộ hỗ trợ…')

    // The ticket appears in the console without reloading (server-sent events).
    const ticket = console_.locator('#handoff-list li.handoff', { hasText: 'cho tôi gặp nhân viên' })
    await ticket.waitFor()
    await ticket.getByRole('button', { name: 'Nhận hỗ trợ' }).click()
    await expect.poll(() => ticket.textContent()).toContain('đang hỗ trợ')
    await ticket
      .getByRole('textbox', { name: /Trả lời yêu cầu/ })
      .fill('Chào bạn, tôi là cán bộ Hoa. Bạn cần hỗ trợ thủ tục nào?')
    await ticket.getByRole('button', { name: 'Gửi trả lời' }).click()
    await expect.poll(() => ticket.textContent()).toContain('tôi là cán bộ Hoa')
    await shot(console_, 'console-handoff-desktop.png')

    await expect
      .poll(() => chat.locator('#messages').textContent(), { timeout: 15_000 })
      .toContain('👤 Cán bộ hỗ trợ: Chào bạn, tôi là cán bộ Hoa.')
    // The citizen writes back; the agent sees it live.
    await chat.getByLabel('Câu hỏi của bạn', { exact: true }).fill('Tôi cần làm lại căn cước')
    await chat.keyboard.press('Enter')
    await expect.poll(() => ticket.textContent()).toContain('Tôi cần làm lại căn cước')
    await shot(chat, 'web-chat-handoff-mobile.png')

    await ticket.getByPlaceholder('Ghi chú khi đóng').fill('Đã hướng dẫn')
    await ticket.getByRole('button', { name: 'Đóng yêu cầu' }).click()
    await expect.poll(() => console_.locator('#handoff-list').textContent()).toContain('Không có yêu cầu nào')
    await expect
      .poll(() => chat.locator('#messages').textContent(), { timeout: 15_000 })
      .toContain('kết thúc cuộc trò chuyện')
    expect(errors).toEqual([])
    await citizenContext.close()
    await close()
  }, 90_000)
})
