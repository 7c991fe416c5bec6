import { mkdirSync } from 'node:fs'
import { fileURLToPath } from 'node:url'
import type { Page } from 'playwright-core'
import { describe, expect, it } from 'vitest'
import { openChatPage, PHONE_AND_DESKTOP, useAppInChromium } from '../../helpers/app-in-chromium.ts'
import { askInChat, botBubbles } from '../../helpers/web-chat-page.ts'

/** Screenshots for a person to look at; the test itself checks element positions, not pixels. */
const SHOTS = fileURLToPath(new URL('./__screenshots__/', import.meta.url))

const live = useAppInChromium({
  prepare: async () => {
    mkdirSync(SHOTS, { recursive: true })
  },
  timeout: 30_000,
})

const ask = askInChat

/** Where the reply starts relative to the viewport, and whether anything overflows sideways. */
const layout = (page: Page, index: number) =>
  page.evaluate((i) => {
    const item = document.querySelectorAll('#messages > li.msg.bot')[i] as HTMLElement
    const form = document.getElementById('ask') as HTMLElement
    const top = item.getBoundingClientRect().top
    return {
      top,
      visibleBottom: Math.min(window.innerHeight, form.getBoundingClientRect().top),
      overflow: document.documentElement.scrollWidth - window.innerWidth,
      wideItems: [...document.querySelectorAll('#messages *')].filter(
        (n) => (n as HTMLElement).getBoundingClientRect().right > window.innerWidth + 1,
      ).length,
    }
  }, index)

describe.each(PHONE_AND_DESKTOP)('web chat replies at $width×$height', ({ name, width, height, mobile }) => {
  it('shows a long answer from its start, as lists, and announces only its lead', async () => {
    const { context, page, errors } = await openChatPage(live, { width, height, mobile })

    // A short exchange first, so the long answer arrives below earlier messages.
    await ask(page, 'lam lai can cuoc bi mat')
    const index = await botBubbles(page).count()
    const answer = await ask(page, 'đăng ký khai sinh cần giấy tờ gì')
    await page.screenshot({ path: `${SHOTS}answer-${name}.png` })

    // The reply's first line is in view (below the top, above the sticky input), nothing overflows.
    const at = await layout(page, index)
    expect(at.top).toBeGreaterThanOrEqual(-1)
    expect(at.top).toBeLessThan(at.visibleBottom - 40)
    expect(at.overflow).toBeLessThanOrEqual(0)
    expect(at.wideItems).toBe(0)
    // The answer is scrolled to its start even though it is taller than the screen below it.
    const bubbleHeight = await answer.evaluate((n) => n.getBoundingClientRect().height)
    expect(bubbleHeight).toBeGreaterThan(0)

    // Lead, then sections as real lists; the procedure's name once (the heading), the link once.
    expect(await answer.locator('p.lead').count()).toBe(1)
    expect(await answer.locator('h3.section').count()).toBeGreaterThanOrEqual(2)
    expect(await answer.locator('ul.items > li').count()).toBeGreaterThanOrEqual(3)
    const procedureName = (await answer.locator('h2.procedure').innerText()).replace(/\s*mã \d\.\d{6}$/, '')
    const text = await answer.innerText()
    // Related procedures may share the name at another level; they are other procedures.
    const ownText = await answer.evaluate((n) => {
      const copy = n.cloneNode(true) as HTMLElement
      for (const h of copy.querySelectorAll('h3.section')) {
        if (h.textContent === 'Thủ tục liên quan') {
          h.nextElementSibling?.remove()
          h.remove()
        }
      }
      return copy.textContent ?? ''
    })
    expect(ownText.split(procedureName).length - 1).toBe(1)
    expect(await answer.locator('a.official').count()).toBe(1)
    expect(text).not.toContain('https://')
    const lead = await answer.locator('p.lead').innerText()
    await expect.poll(() => page.locator('#announce').textContent()).toBe(lead)

    // A follow-up on the same procedure does not repeat the footer.
    const first = await answer.locator('h3.section').allInnerTexts()
    expect(first).toContain('Thông tin thêm')
    const followUp = await ask(page, 'lệ phí bao nhiêu')
    expect(await followUp.locator('.code').textContent()).toBe(await answer.locator('.code').textContent())
    expect(await followUp.locator('h3.section').allInnerTexts()).not.toContain('Thông tin thêm')
    await page.screenshot({ path: `${SHOTS}follow-up-${name}.png` })
    const after = await layout(page, index + 1)
    expect(after.top).toBeGreaterThanOrEqual(-1)
    expect(after.top).toBeLessThan(after.visibleBottom - 40)
    expect(after.overflow).toBeLessThanOrEqual(0)
    expect(errors).toEqual([])
    await context.close()
  }, 60_000)
})

describe('web chat page state', () => {
  it('masks personal data in the citizen bubble, keeps a failed question and retries, and restores history settled', async () => {
    const { context, page } = await openChatPage(live, { width: 390, height: 844 })

    // The citizen's own bubble shows the question as stored.
    await ask(page, 'làm lại căn cước 012345678901 bị mất, gọi tôi 0912 345 678')
    expect(await page.locator('#messages li.msg.user').last().innerText()).toBe(
      'làm lại căn cước *** bị mất, gọi tôi ***',
    )

    // Feedback given on that answer.
    const beforeThanks = await botBubbles(page).count()
    await page
      .getByRole('button', { name: /👍 Hữu ích/ })
      .last()
      .click()
    await expect.poll(() => botBubbles(page).count()).toBe(beforeThanks + 1)

    // A failed send keeps the typed text and offers to send it again.
    await page.route('**/v1/chat/messages', (route) => route.abort('failed'))
    const input = page.getByLabel('Câu hỏi của bạn', { exact: true })
    await input.fill('phí bao nhiêu')
    await page.keyboard.press('Enter')
    const retry = page.getByRole('button', { name: 'Gửi lại' })
    await retry.waitFor()
    expect(await input.inputValue()).toBe('phí bao nhiêu')
    await page.screenshot({ path: `${SHOTS}failed-send-phone.png` })
    await page.unroute('**/v1/chat/messages')
    await retry.click()
    await expect.poll(() => page.getByRole('button', { name: 'Gửi lại' }).count()).toBe(0)
    await expect.poll(async () => (await botBubbles(page).last().innerText()).includes('Lệ phí')).toBe(true)
    expect(await input.inputValue()).toBe('')
    expect(await page.locator('#messages li.msg.user').allInnerTexts()).toEqual([
      'làm lại căn cước *** bị mất, gọi tôi ***',
      '👍 Hữu ích',
      'phí bao nhiêu',
    ])

    // After a reload: every old button is disabled, and the feedback given shows as pressed.
    await page.reload()
    await page.waitForSelector('html[data-ready="true"]')
    const restored = page.locator('#messages li.msg.bot:not(.intro) button')
    expect(await restored.count()).toBeGreaterThan(0)
    expect(await restored.evaluateAll((bs) => bs.every((b) => (b as HTMLButtonElement).disabled))).toBe(true)
    const pressed = page.locator('#messages li.msg.bot button[aria-pressed="true"]')
    expect(await pressed.allInnerTexts()).toEqual(['👍 Hữu ích'])
    expect(await page.locator('#messages li.msg.user').first().innerText()).toBe(
      'làm lại căn cước *** bị mất, gọi tôi ***',
    )
    await page.screenshot({ path: `${SHOTS}restored-phone.png`, fullPage: true })
    await context.close()
  }, 60_000)
})
