/**
 * The citizens' web chat page as a browser test drives it: the bot's bubbles, and asking a
 * question by keyboard until its reply appears.
 * @module
 */
import type { Page } from 'playwright-core'
import { expect } from 'vitest'

export const botBubbles = (page: Page) => page.locator('#messages > li.msg.bot')

/** Types the question and presses Enter, as a citizen sends it. */
export const typeInChat = async (page: Page, text: string) => {
  await page.getByLabel('Câu hỏi của bạn', { exact: true }).fill(text)
  await page.keyboard.press('Enter')
}

/** Types the question, presses Enter and waits for one more bot bubble; @returns that bubble */
export const askInChat = async (page: Page, text: string) => {
  const before = await botBubbles(page).count()
  await typeInChat(page, text)
  await expect.poll(() => botBubbles(page).count(), { timeout: 15_000 }).toBe(before + 1)
  return botBubbles(page).nth(before)
}
