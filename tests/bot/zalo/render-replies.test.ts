import { describe, expect, it } from 'vitest'
import { renderZaloReplies, ZALO_TEXT_LIMIT } from '../../../bot/zalo/render-replies.ts'
import { renderReplyText } from '../../../knowledge/answer/render-reply-text.ts'

describe('Zalo rendering of structured replies', () => {
  const procedure = {
    code: '1.001193',
    name: 'Thủ tục đăng ký khai sinh',
    url: 'https://dichvucong.gov.vn/p',
  }
  const body = {
    lead: 'Bạn cần tờ khai đăng ký khai sinh và các giấy tờ dưới đây.',
    sections: Array.from({ length: 8 }, (_, i) => ({
      title: `Trường hợp ${i + 1}`,
      items: Array.from({ length: 5 }, (_, j) => `Giấy tờ ${j + 1}: ${'bản chính '.repeat(8)}`.trim()),
    })),
    source: { text: 'Nguồn: dichvucong.gov.vn, số liệu tháng 07/2026 (mã 1.001193).', url: procedure.url },
  }

  it('sends plain text within the limit, the heading once, sections cut between lines, the link as a button', () => {
    const text = renderReplyText(body, { withoutLink: true })
    const messages = renderZaloReplies([
      { type: 'text', text, procedure, body },
      { type: 'link', label: 'Xem trang chính thức (mã 1.001193)', url: procedure.url },
    ])
    const texts = messages.map((m) => m.text)
    expect(texts.length).toBeGreaterThan(1)
    for (const t of texts) {
      expect(t.length).toBeLessThanOrEqual(ZALO_TEXT_LIMIT)
      expect(t).not.toMatch(/<\/?b>|\*\*/)
    }
    expect(texts[0]?.startsWith('Thủ tục đăng ký khai sinh (mã 1.001193)\n\nBạn cần tờ khai')).toBe(true)
    expect(texts.join('\n').split('Thủ tục đăng ký khai sinh (mã').length - 1).toBe(1)
    expect(texts.join('\n')).not.toContain('https://')
    // Every piece starts at a line: no item is cut in the middle.
    for (const t of texts.slice(1, -1)) expect(t).toMatch(/^(?:Trường hợp \d+:|- Giấy tờ \d+:)/)
    const last = messages.at(-1)
    expect(last && 'attachment' in last ? last.attachment.payload.buttons[0] : null).toMatchObject({
      type: 'oa.open.url',
      payload: { url: procedure.url },
    })
  })
})
