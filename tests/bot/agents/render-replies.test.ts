import { describe, expect, it } from 'vitest'
import { boldMarkdown, splitText, toMarkdown } from '../../../bot/agents/format-markdown.ts'
import { renderAgentsReplies } from '../../../bot/agents/render-replies.ts'
import { feedbackQuestion } from '../../../bot/core/feedback-question.ts'
import type { Reply } from '../../../bot/core/reply.types.ts'
import { readCaseGroup } from '../../helpers/read-cases.ts'

describe('toMarkdown', () => {
  it.each(readCaseGroup('escape-text', 'markdown'))('escapes %s', (_name, text, expected) => {
    expect(toMarkdown(text)).toBe(expected)
  })

  it('keeps URLs whole so they stay clickable', () => {
    expect(toMarkdown('Xem: https://dichvucong.gov.vn/p_1?a=*b*&c=1 (mới)')).toBe(
      'Xem: https://dichvucong.gov.vn/p_1?a=*b*&c=1 (mới)',
    )
  })

  it('turns every line into a paragraph and keeps the lists', () => {
    expect(toMarkdown('Hồ sơ gồm:\n- Tờ khai\n- Ảnh 4x6\n\n\nThủ tục: A (mã 1.000001)\n1. Nộp')).toBe(
      'Hồ sơ gồm:\n\n- Tờ khai\n\n- Ảnh 4x6\n\nThủ tục: A (mã 1.000001)\n\n1. Nộp',
    )
  })

  it('leaves Vietnamese text and punctuation as they are (NFC)', () => {
    const text = 'Lệ phí: 70.000 đồng/thẻ. Nộp trực tuyến: có!'
    expect(toMarkdown(text)).toBe(text)
    expect(toMarkdown(text).normalize('NFC')).toBe(toMarkdown(text))
  })

  it('bolds a heading with its text escaped', () => {
    expect(boldMarkdown('Cấp lại thẻ *căn cước* (mã 1.014064)')).toBe(
      '**Cấp lại thẻ \\*căn cước\\* (mã 1.014064)**',
    )
  })

  it('splits long text at line breaks under the limit', () => {
    const pieces = splitText(`${'a'.repeat(30)}\n${'b'.repeat(30)}\n${'c'.repeat(30)}`, 70)
    expect(pieces).toEqual([`${'a'.repeat(30)}\n${'b'.repeat(30)}`, 'c'.repeat(30)])
  })
})

describe('renderAgentsReplies', () => {
  const procedure = { code: '1.014064', name: 'Cấp lại thẻ căn cước', url: 'https://dichvucong.gov.vn/p/1' }

  it('renders an answer as the text with its official link, then the feedback question with its buttons', () => {
    const replies: Reply[] = [
      { type: 'text', text: 'Lệ phí: 70.000 đồng', procedure },
      { type: 'link', label: 'Xem trang chính thức (mã 1.014064)', url: procedure.url },
      feedbackQuestion('abcdef123'),
    ]
    expect(renderAgentsReplies(replies)).toEqual([
      {
        text: '**Cấp lại thẻ căn cước (mã 1.014064)**\n\nLệ phí: 70.000 đồng',
        attachments: [
          {
            contentType: 'application/vnd.microsoft.card.hero',
            content: {
              buttons: [
                { type: 'openUrl', title: 'Xem trang chính thức (mã 1.014064)', value: procedure.url },
              ],
            },
          },
        ],
      },
      {
        text: 'Câu trả lời này có hữu ích không?',
        attachments: [
          {
            contentType: 'application/vnd.microsoft.card.hero',
            content: {
              buttons: [
                {
                  type: 'messageBack',
                  title: '👍 Hữu ích',
                  text: '👍 Hữu ích',
                  displayText: '👍 Hữu ích',
                  value: { choice: 'f:u:abcdef123' },
                },
                {
                  type: 'messageBack',
                  title: '👎 Chưa hữu ích',
                  text: '👎 Chưa hữu ích',
                  displayText: '👎 Chưa hữu ích',
                  value: { choice: 'f:n:abcdef123' },
                },
              ],
            },
          },
        ],
      },
    ])
  })

  it('gives a link with no message before it a card of its own', () => {
    expect(
      renderAgentsReplies([
        { type: 'link', label: 'Cổng Dịch vụ công quốc gia', url: 'https://dichvucong.gov.vn' },
      ]),
    ).toEqual([
      {
        attachments: [
          {
            contentType: 'application/vnd.microsoft.card.hero',
            content: {
              buttons: [
                { type: 'openUrl', title: 'Cổng Dịch vụ công quốc gia', value: 'https://dichvucong.gov.vn' },
              ],
            },
          },
        ],
      },
    ])
  })

  it('puts at most five choices on a card and shortens long labels', () => {
    const long = `Cấp ${'giấy phép '.repeat(12)}`.trim()
    const [message] = renderAgentsReplies([
      {
        type: 'choices',
        purpose: 'clarify',
        text: 'Bạn hỏi về thủ tục nào?',
        choices: Array.from({ length: 7 }, (_, i) => ({
          id: `p:1.00000${i}`,
          label: i === 0 ? long : `Thủ tục ${i}`,
        })),
      },
    ])
    const buttons = message!.attachments![0]!.content.buttons
    expect(buttons).toHaveLength(5)
    expect(buttons[0]!.title).toHaveLength(80)
    expect(buttons[0]!.title.endsWith('…')).toBe(true)
    expect(buttons[0]).toMatchObject({ text: long, value: { choice: 'p:1.000000' } })
  })

  it('splits a long answer and puts the heading on the first piece only', () => {
    const text = Array.from({ length: 300 }, (_, i) => `- Giấy tờ số ${i + 1}: bản chính hoặc bản sao`).join(
      '\n',
    )
    const out = renderAgentsReplies([{ type: 'text', text, procedure }])
    expect(out.length).toBeGreaterThan(1)
    expect(out[0]!.text!.startsWith('**Cấp lại thẻ căn cước (mã 1.014064)**')).toBe(true)
    expect(out.slice(1).every((m) => !m.text!.includes('**'))).toBe(true)
    expect(out.every((m) => m.text!.length < 9000)).toBe(true)
  })
})

describe('structured replies as Markdown', () => {
  const body = {
    lead: 'Lệ phí: 70.000 đồng/thẻ *căn cước*.',
    sections: [
      { title: 'Chi tiết lệ phí', items: ['Từ 01/7/2025 đến hết 31/12/2026 bằng 50%.', 'Trả phí bưu chính'] },
      { title: 'Thông tin thêm', items: ['Nơi nộp: Công an cấp xã'], footer: true },
    ],
    source: {
      text: 'Nguồn: dichvucong.gov.vn, số liệu tháng 07/2026 (mã 1.014064).',
      url: 'https://dichvucong.gov.vn/p',
    },
  }
  const procedure = { code: '1.014064', name: 'Cấp lại thẻ căn cước', url: 'https://dichvucong.gov.vn/p' }

  it('renders the lead, bold section titles over real lists, and the source in italics', () => {
    const [message] = renderAgentsReplies([{ type: 'text', text: 'plain', procedure, body }])
    expect(message?.text).toBe(
      '**Cấp lại thẻ căn cước (mã 1.014064)**\n\n' +
        'Lệ phí: 70.000 đồng/thẻ \\*căn cước\\*.\n\n' +
        '**Chi tiết lệ phí**\n\n- Từ 01/7/2025 đến hết 31/12/2026 bằng 50%.\n- Trả phí bưu chính\n\n' +
        '**Thông tin thêm**\n\n- Nơi nộp: Công an cấp xã\n\n' +
        '_Nguồn: dichvucong.gov.vn, số liệu tháng 07/2026 (mã 1.014064)._',
    )
  })

  it('leaves the footer out of a follow-up', () => {
    const [message] = renderAgentsReplies([{ type: 'text', text: 'plain', procedure, body, followUp: true }])
    expect(message?.text).not.toContain('Thông tin thêm')
    expect(message?.text).toContain('**Chi tiết lệ phí**')
  })
})
