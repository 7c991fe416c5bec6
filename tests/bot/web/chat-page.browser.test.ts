import { mkdirSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { openPageAt, useAppInChromium } from '../../helpers/app-in-chromium.ts'
import { serveOnLoopback } from '../../helpers/chromium.ts'
import { createTestApp } from '../../helpers/create-test-app.ts'
import { askInChat, botBubbles } from '../../helpers/web-chat-page.ts'

const SCREENSHOT_DIR = process.env['SCREENSHOT_DIR'] ?? ''

const live = useAppInChromium({ timeout: 30_000 })

const askByKeyboard = askInChat

describe('web chat page in Chromium', () => {
  it('answers, clarifies, and continues after a reload', async () => {
    const { context, page, errors } = await openPageAt(live.browser, {
      width: 390,
      height: 844,
      mobile: true,
    })
    page.on('console', (m) => m.type() === 'error' && errors.push(m.text()))
    await page.goto(live.server.base)
    await page.waitForSelector('html[data-ready="true"]')

    // Accessibility basics: a labelled input, a live region for new messages, a named send button.
    await expect.poll(() => page.getByLabel('Câu hỏi của bạn', { exact: true }).count()).toBe(1)
    // New messages are announced by their lead sentence (#announce), not the whole log.
    expect(await page.locator('#messages').getAttribute('aria-live')).toBe('off')
    expect(await page.locator('#announce').getAttribute('aria-live')).toBe('polite')
    expect(await page.getByRole('button', { name: 'Gửi' }).count()).toBe(1)

    // A question without diacritics, sent with the keyboard.
    const answer = await askByKeyboard(page, 'lam lai can cuoc bi mat')
    expect(await answer.locator('h2.procedure').textContent()).toContain('Cấp lại thẻ căn cước')
    expect(await answer.locator('.code').textContent()).toBe('mã 1.014064')
    expect(await answer.locator('a.official').getAttribute('href')).toMatch(
      /^https:\/\/dichvucong\.gov\.vn\//,
    )
    expect(await answer.getByRole('button', { name: /Hữu ích/ }).count()).toBe(1)

    // An ambiguous question: pick an option with the keyboard.
    const clarify = await askByKeyboard(page, 'giay phep lai xe')
    const option = clarify.getByRole('button', { name: 'Cấp lại giấy phép lái xe' })
    await option.focus()
    const before = await botBubbles(page).count()
    await page.keyboard.press('Enter')
    await expect.poll(() => botBubbles(page).count(), { timeout: 15_000 }).toBe(before + 1)
    expect(await botBubbles(page).last().locator('.code').textContent()).toBe('mã 3.000348')
    expect(await option.isDisabled()).toBe(true)

    if (SCREENSHOT_DIR) {
      mkdirSync(SCREENSHOT_DIR, { recursive: true })
      await page.screenshot({ path: join(SCREENSHOT_DIR, 'web-chat-mobile.png') })
    }

    // Reload: the transcript comes back and a follow-up stays on the chosen procedure.
    await page.reload()
    await page.waitForSelector('html[data-ready="true"]')
    expect(await page.locator('#messages .code').allInnerTexts()).toEqual(['mã 1.014064', 'mã 3.000348'])
    expect(await page.locator('#messages li.msg.user').allInnerTexts()).toEqual([
      'lam lai can cuoc bi mat',
      'giay phep lai xe',
      'Cấp lại giấy phép lái xe',
    ])
    const fee = await askByKeyboard(page, 'phi bao nhieu')
    expect(await fee.locator('.code').textContent()).toBe('mã 3.000348')
    expect(await fee.textContent()).toContain('Lệ phí')

    // Feedback from the page.
    const thanksBefore = await botBubbles(page).count()
    await fee
      .getByRole('button', { name: /Hữu ích/ })
      .first()
      .click()
    await expect.poll(() => botBubbles(page).count(), { timeout: 15_000 }).toBe(thanksBefore + 1)
    expect(await botBubbles(page).last().textContent()).toContain('Cảm ơn bạn')
    expect(errors).toEqual([])
    await context.close()
  }, 60_000)
})

describe('web chat page limits in Chromium', () => {
  it('replaces a session id the server did not issue and shows the wait message when asked too fast', async () => {
    const limited = await createTestApp({ RATE_LIMIT_CHAT_PER_MINUTE: '2' })
    const served = await serveOnLoopback(limited.app.fetch)
    const context = await live.browser.newContext({ locale: 'vi-VN' })
    try {
      await context.addInitScript(() => {
        if (!sessionStorage.getItem('seeded')) {
          sessionStorage.setItem('seeded', '1')
          localStorage.setItem('trolyso.chat.sessionId', 'AAAAAAAAAAAAAAAAAAAAAAAA')
        }
      })
      const page = await context.newPage()
      page.setDefaultTimeout(15_000)
      await page.goto(served.base)
      await page.waitForSelector('html[data-ready="true"]')
      // The restore of the chosen id was one request; the question is the second.
      const answer = await askByKeyboard(page, 'đăng ký khai sinh')
      expect(await answer.textContent()).toContain('mã')
      const stored = await page.evaluate(() => localStorage.getItem('trolyso.chat.sessionId'))
      expect(stored).not.toBe('AAAAAAAAAAAAAAAAAAAAAAAA')
      expect(stored).toMatch(/^[A-Za-z0-9_-]{24}$/)
      const refused = await askByKeyboard(page, 'phí bao nhiêu')
      expect(await refused.textContent()).toMatch(
        /^Bạn gửi quá nhiều yêu cầu trong một phút\. Vui lòng thử lại sau \d+ giây\./,
      )
    } finally {
      await context.close()
      await served.close()
      limited.close()
    }
  }, 60_000)
})
