import { existsSync, statSync } from 'node:fs'
import { join } from 'node:path'
import type { Browser } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createApp } from '../../../api/app.ts'
import { launchChromium, type ServedApp, serveOnLoopback } from '../../helpers/chromium.ts'
import { type Scenario, startScenario } from '../../helpers/documents-scenario.ts'

/** Stored documents with a given signed/sent split, as if they had been verified on the way in. */
const seed = async (app: Scenario, agency: string, signed: number, sent: number, pages = 2) => {
  const now = new Date().toISOString()
  const stmts = [
    {
      sql: "INSERT OR IGNORE INTO document_blobs (sha256, bytes, size) VALUES ('seed', x'25504446', 4)",
      args: [],
    },
  ]
  for (let i = 0; i < sent; i++) {
    const id = `${agency}-${i}`
    stmts.push(
      {
        sql: `INSERT INTO documents (id, sha256, sender_agency, header, subject, pages, paper_copy, signature_status, verification, own_approval, created_at)
              VALUES (?, 'seed', ?, '{}', 'Văn bản', ?, 0, ?, '{}', ?, ?)`,
        args: [
          id,
          agency,
          pages,
          i < signed ? 'signed_valid' : 'unsigned',
          i < signed ? 1 : 0,
          now,
        ] as never[],
      },
      {
        sql: "INSERT INTO document_recipients (document_id, agency_code, status, updated_at) VALUES (?, '000.00.09.H56', '01', ?)",
        args: [id, now] as never[],
      },
    )
  }
  await app.t.db.$client.batch(stmts, 'write')
}

describe('/minh-bach in a real browser', () => {
  let app: Scenario
  let server: ServedApp | undefined
  let base = ''
  let browser: Browser

  beforeAll(async () => {
    app = await startScenario({
      agencies: [
        ['000.00.09.H56', 'Văn phòng UBND tỉnh'],
        ['000.00.01.H56', 'Sở Tư pháp tỉnh Hà Nam'],
        ['000.00.02.H56', 'Sở Tài chính tỉnh Hà Nam'],
        ['000.00.03.H56', 'Sở Giáo dục và Đào tạo'],
      ],
    })
    await seed(app, '000.00.01.H56', 39, 369)
    await seed(app, '000.00.02.H56', 45, 50)
    await seed(app, '000.00.03.H56', 1, 4)
    server = await serveOnLoopback(createApp(app.deps).fetch)
    base = server.base
    browser = await launchChromium()
  }, 60_000)
  afterAll(async () => {
    await browser?.close()
    await server?.close()
    app.close()
  })

  it('ranks agencies by signed ratio, shows 39/369 = 10,57% and fits a phone screen', async () => {
    const page = await browser.newPage({
      viewport: { width: 390, height: 844 },
      deviceScaleFactor: 2,
      isMobile: true,
    })
    const res = await page.goto(`${base}/minh-bach`)
    expect(res?.status()).toBe(200)
    expect(await page.getAttribute('html', 'lang')).toBe('vi')
    expect(await page.locator('h1').textContent()).toBe('Minh bạch văn bản điện tử')
    const order = await page
      .locator('#ranking tbody tr')
      .evaluateAll((rows) => rows.map((r) => r.getAttribute('data-agency')))
    expect(order).toEqual(['000.00.02.H56', '000.00.03.H56', '000.00.01.H56'])
    const row = page.locator('tr[data-agency="000.00.01.H56"]')
    expect(await row.getAttribute('data-percent')).toBe('10.57')
    expect(await row.locator('.ratio').textContent()).toBe('39/369 = 10,57%')
    const chartItems = await page.locator('#chart li .lbl').allTextContents()
    expect(chartItems).toEqual([
      'Sở Tài chính tỉnh Hà Nam',
      'Sở Giáo dục và Đào tạo',
      'Sở Tư pháp tỉnh Hà Nam',
    ])
    const widths = await page
      .locator('#chart .bar')
      .evaluateAll((bars) => bars.map((b) => b.getBoundingClientRect().width))
    expect(widths[0]).toBeGreaterThan(widths[1]!)
    expect(widths[1]).toBeGreaterThan(widths[2]!)
    // nothing wider than the phone: no sideways scrolling of the page
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390)
    const shot = join(app.t.dir, 'minh-bach-phone.png')
    await page.screenshot({ path: shot, fullPage: true })
    expect(existsSync(shot) && statSync(shot).size).toBeGreaterThan(10_000)
    await page.close()
  })

  it('narrows the figures to a period picked in the form', async () => {
    const page = await browser.newPage()
    await page.goto(`${base}/minh-bach`)
    await page.fill('input[name=from]', '2020-01-01')
    await page.fill('input[name=to]', '2020-12-31')
    await Promise.all([page.waitForURL(/from=2020-01-01/), page.click('button[type=submit]')])
    expect(await page.locator('#ranking tbody tr').count()).toBe(0)
    expect(await page.textContent('main')).toContain('Chưa có văn bản nào')
    await page.close()
  })
})
