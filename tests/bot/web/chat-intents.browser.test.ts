import { mkdirSync } from 'node:fs'
import { fileURLToPath } from 'node:url'
import type { Locator } from 'playwright-core'
import { describe, expect, it } from 'vitest'
import { openChatPage, PHONE_AND_DESKTOP, useAppInChromium } from '../../helpers/app-in-chromium.ts'
import { askInChat } from '../../helpers/web-chat-page.ts'

/** Screenshots for a person to look at; the test itself checks element positions, not pixels. */
const SHOTS = fileURLToPath(new URL('./__screenshots__/', import.meta.url))
const RECEIPT = '000.00.12.H56-260101-0001'

const live = useAppInChromium({
  // Staff hours on a day three days away: no agent is on duty, so asking for a person gets the
  // contact reply with the hotline (within staff hours it starts a live hand-off instead, tested with the staff console).
  env: () => {
    const offDay = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'][(new Date().getUTCDay() + 3) % 7]
    return { STAFF_HOURS: `${offDay} 12:00-12:01 UTC` }
  },
  prepare: async () => {
    mkdirSync(SHOTS, { recursive: true })
  },
  timeout: 30_000,
})

const ask = askInChat

/** Whether an element lies inside the visible part of the page (above the sticky input) and fits its width. */
const inView = (target: Locator) =>
  target.evaluate((node) => {
    const r = node.getBoundingClientRect()
    const form = document.getElementById('ask') as HTMLElement
    const visibleBottom = Math.min(window.innerHeight, form.getBoundingClientRect().top)
    return {
      visible: r.height > 0 && r.top >= -1 && r.bottom <= visibleBottom + 1,
      fits: r.left >= -1 && r.right <= window.innerWidth + 1,
      overflow: document.documentElement.scrollWidth - window.innerWidth,
    }
  })

describe.each(PHONE_AND_DESKTOP)(
  'web chat intents that are not procedures at $width×$height',
  ({ name, width, height, mobile }) => {
    it('shows the look-up with the receipt code for a progress question, and the hotline for a request to talk to a person', async () => {
      const { context, page, errors } = await openChatPage(live, { width, height, mobile })

      // Asking about progress with a receipt code (first: asking for a person may start a hand-off): the code echoed, where to look it up, no procedure.
      const status = await ask(page, `hồ sơ ${RECEIPT} của tôi đến đâu rồi`)
      await page.screenshot({ path: `${SHOTS}status-${name}.png` })
      const text = await status.innerText()
      expect(text).toContain(RECEIPT)
      expect(text).toContain('Tra cứu hồ sơ')
      expect(await status.locator('h2.procedure').count()).toBe(0)
      const code = status.getByText(RECEIPT).first()
      const codeAt = await inView(code)
      expect(codeAt.visible).toBe(true)
      expect(codeAt.fits).toBe(true)
      // The citizen's own bubble keeps the receipt code: it is not personal data.
      expect(await page.locator('#messages li.msg.user').last().innerText()).toContain(RECEIPT)
      // Asking for a person: the hotline, in view, and never a procedure.
      const contact = await ask(page, 'cho tôi gặp nhân viên')
      await page.screenshot({ path: `${SHOTS}contact-${name}.png` })
      // Outside staff hours the question is kept for an agent and the hotline is given (any spacing).
      expect(await contact.innerText()).toMatch(/1800\s?1096/)
      expect(await contact.locator('h2.procedure').count()).toBe(0)
      const hotline = contact.getByText(/1800\s?1096/).first()
      const at = await inView(hotline)
      expect(at.visible).toBe(true)
      expect(at.fits).toBe(true)
      expect(at.overflow).toBeLessThanOrEqual(0)

      expect(errors).toEqual([])
      await context.close()
    }, 60_000)
  },
)
