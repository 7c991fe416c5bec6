import { describe, expect, it } from 'vitest'
import { feedbackQuestion } from '../../../bot/core/feedback-question.ts'
import { splitMessage } from '../../../bot/telegram/format-html.ts'
import { renderReplies } from '../../../bot/telegram/render-replies.ts'

describe('Telegram rendering', () => {
  // Escaping for parse_mode HTML is knowledge/text/escape-html.ts: its cases are tests/fixtures/cases/escape-text.tsv.
  it('splits long text at line breaks into pieces no longer than the limit', () => {
    const text = Array.from({ length: 300 }, (_, i) => `Dòng ${i}: giấy tờ cần nộp theo mẫu`).join('\n')
    const pieces = splitMessage(text, 4096)
    expect(pieces.length).toBeGreaterThan(1)
    expect(pieces.every((p) => p.length <= 4096)).toBe(true)
    expect(pieces.join('\n')).toBe(text)
    expect(pieces[1]!.startsWith('Dòng ')).toBe(true)
  })

  it('cuts a single unbroken word that exceeds the limit', () => {
    expect(splitMessage('x'.repeat(9000)).map((p) => p.length)).toEqual([4096, 4096, 808])
  })

  it('puts the official link and feedback buttons on the answer message itself', () => {
    const rendered = renderReplies([
      {
        type: 'text',
        text: 'Hồ sơ <1 bản> & tờ khai',
        procedure: { code: '1.014064', name: 'Cấp lại thẻ căn cước', url: null },
      },
      {
        type: 'link',
        label: 'Xem trang chính thức (mã 1.014064)',
        url: 'https://dichvucong.gov.vn/x?a=1&b=2',
      },
      feedbackQuestion('abcdefgh'),
    ])
    expect(rendered).toHaveLength(1)
    expect(rendered[0]!.text).toBe(
      '<b>Cấp lại thẻ căn cước (mã 1.014064)</b>\n\nHồ sơ &lt;1 bản&gt; &amp; tờ khai\n\nCâu trả lời này có hữu ích không?',
    )
    expect(rendered[0]!.keyboard?.inline_keyboard).toEqual([
      [{ text: 'Xem trang chính thức (mã 1.014064)', url: 'https://dichvucong.gov.vn/x?a=1&b=2' }],
      [
        { text: '👍 Hữu ích', callback_data: 'f:u:abcdefgh' },
        { text: '👎 Chưa hữu ích', callback_data: 'f:n:abcdefgh' },
      ],
    ])
  })

  it('sends the buttons as their own message when the answer is already near the limit', () => {
    const rendered = renderReplies([
      { type: 'text', text: 'x'.repeat(4090) },
      {
        type: 'choices',
        purpose: 'feedback',
        text: 'Câu trả lời này có hữu ích không?',
        choices: [{ id: 'f:u:abcdefgh', label: 'Có' }],
      },
    ])
    expect(rendered.map((m) => [m.text.length, m.keyboard?.inline_keyboard.length ?? 0])).toEqual([
      [4090, 0],
      [33, 1],
    ])
  })

  it('drops a button whose callback data would exceed 64 bytes', () => {
    const [message] = renderReplies([
      {
        type: 'choices',
        purpose: 'menu',
        text: 'Chọn',
        choices: [
          { id: `m:${'đ'.repeat(40)}`, label: 'x' },
          { id: 'm:help', label: 'Hướng dẫn' },
        ],
      },
    ])
    expect(
      message!.keyboard?.inline_keyboard.flat().map((b) => 'callback_data' in b && b.callback_data),
    ).toEqual(['m:help'])
  })
})

describe('structured replies as Telegram HTML', () => {
  const procedure = { code: '1.014064', name: 'Cấp lại thẻ căn cước', url: 'https://dichvucong.gov.vn/p' }
  const body = {
    lead: 'Lệ phí: 70.000 đồng <thẻ>.',
    sections: [
      { title: 'Chi tiết lệ phí', items: ['Bằng 50% đến hết 31/12/2026.'] },
      { title: 'Thông tin thêm', items: ['Nơi nộp: Công an cấp xã'], footer: true },
    ],
    source: { text: 'Nguồn: dichvucong.gov.vn (mã 1.014064).', url: 'https://dichvucong.gov.vn/p' },
  }

  it('renders a bold heading once, the lead, bold titles over bullets and the source in italics', () => {
    const [message] = renderReplies([
      { type: 'text', text: 'plain', procedure, body },
      { type: 'link', label: 'Xem trang chính thức (mã 1.014064)', url: 'https://dichvucong.gov.vn/p' },
    ])
    expect(message?.text).toBe(
      '<b>Cấp lại thẻ căn cước (mã 1.014064)</b>\n\nLệ phí: 70.000 đồng &lt;thẻ&gt;.\n\n' +
        '<b>Chi tiết lệ phí</b>\n• Bằng 50% đến hết 31/12/2026.\n\n<b>Thông tin thêm</b>\n• Nơi nộp: Công an cấp xã\n\n' +
        '<i>Nguồn: dichvucong.gov.vn (mã 1.014064).</i>',
    )
    expect(message?.keyboard?.inline_keyboard).toEqual([
      [{ text: 'Xem trang chính thức (mã 1.014064)', url: 'https://dichvucong.gov.vn/p' }],
    ])
  })

  it('splits a long structured reply between sections, every message under the limit and well formed', () => {
    const long = {
      ...body,
      sections: Array.from({ length: 12 }, (_, i) => ({
        title: `Trường hợp ${i + 1}`,
        items: Array.from({ length: 6 }, (_, j) => `Giấy tờ ${j + 1} <bản chính> ${'x'.repeat(40)}`),
      })),
    }
    const messages = renderReplies([{ type: 'text', text: 'plain', procedure, body: long, followUp: true }])
    expect(messages.length).toBeGreaterThan(1)
    for (const m of messages) {
      expect(m.text.replace(/<\/?[bi]>/g, '').replace(/&lt;|&gt;|&amp;/g, '.').length).toBeLessThanOrEqual(
        4096,
      )
      expect(m.text.match(/<b>/g)?.length ?? 0).toBe(m.text.match(/<\/b>/g)?.length ?? 0)
    }
    expect(messages[1]?.text.startsWith('<b>Trường hợp')).toBe(true)
  })
})
