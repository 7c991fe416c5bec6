/**
 * Turns the conversation's reply models into Telegram messages: HTML text split under the
 * limit, a procedure heading in bold, and inline keyboards whose callback_data is the short
 * choice id. The official link (a URL button) and the buttons that follow an answer ride on
 * the answer's last message, so a whole answer is usually one message.
 * @module
 */
import type { InlineKeyboardButton, InlineKeyboardMarkup } from 'grammy/types'
import type { Reply } from '../core/reply.types.ts'
import {
  escapeHtml,
  type HtmlBlock,
  replyHtmlBlocks,
  shortLabel,
  splitMessage,
  TELEGRAM_TEXT_LIMIT,
} from './format-html.ts'

export type TelegramMessage = { text: string; keyboard?: InlineKeyboardMarkup }

const CALLBACK_DATA_MAX_BYTES = 64

/** A message being built: its visible length decides whether more text still fits. */
type Draft = { html: string; plain: number; rows: InlineKeyboardButton[][] }

const buttonsOf = (reply: Extract<Reply, { type: 'choices' }>): InlineKeyboardButton[][] => {
  const buttons = reply.choices
    .filter((c) => Buffer.byteLength(c.id, 'utf8') <= CALLBACK_DATA_MAX_BYTES)
    .map((c) => ({ text: shortLabel(c.label), callback_data: c.id }))
  // Procedure names get a row each; feedback and menu buttons are short and sit side by side.
  return reply.purpose === 'clarify' ? buttons.map((b) => [b]) : [buttons]
}

/** @returns the messages to send, in order; every text is at most 4,096 characters once parsed */
export const renderReplies = (replies: Reply[]): TelegramMessage[] => {
  const drafts: Draft[] = []
  /** The draft that later buttons may attach to (the last text message, until it gets buttons). */
  let open: Draft | null = null
  const push = (plainText: string, html: string) => {
    const draft: Draft = { html, plain: plainText.length, rows: [] }
    drafts.push(draft)
    open = draft
    return draft
  }
  /** Packs blocks into messages under the limit; a block too long on its own is split as plain text. */
  const pushBlocks = (blocks: HtmlBlock[]) => {
    let html = ''
    let plain = ''
    const flush = () => {
      if (plain) push(plain, html)
      html = ''
      plain = ''
    }
    for (const block of blocks) {
      if (block.plain.length > TELEGRAM_TEXT_LIMIT) {
        flush()
        for (const piece of splitMessage(block.plain)) push(piece, escapeHtml(piece))
        continue
      }
      if (plain && plain.length + 2 + block.plain.length > TELEGRAM_TEXT_LIMIT) flush()
      html = html ? `${html}\n\n${block.html}` : block.html
      plain = plain ? `${plain}\n\n${block.plain}` : block.plain
    }
    flush()
  }
  for (const reply of replies) {
    if (reply.type === 'text' && reply.body) {
      const heading = reply.procedure ? `${reply.procedure.name} (mã ${reply.procedure.code})` : null
      pushBlocks([
        ...(heading ? [{ html: `<b>${escapeHtml(heading)}</b>`, plain: heading }] : []),
        ...replyHtmlBlocks(reply.body, {
          followUp: reply.followUp ?? false,
          withLink: !reply.procedure?.url,
        }),
      ])
    } else if (reply.type === 'text') {
      const heading = reply.procedure ? `${reply.procedure.name} (mã ${reply.procedure.code})` : ''
      const pieces = splitMessage(reply.text, TELEGRAM_TEXT_LIMIT - heading.length - 2)
      pieces.forEach((piece, i) => {
        const withHeading = i === 0 && heading
        push(
          withHeading ? `${heading}\n\n${piece}` : piece,
          (withHeading ? `<b>${escapeHtml(heading)}</b>\n\n` : '') + escapeHtml(piece),
        )
      })
    } else if (reply.type === 'link') {
      const button = { text: shortLabel(reply.label), url: reply.url }
      const target: Draft = open ?? push(reply.label, escapeHtml(reply.label))
      target.rows.push([button])
    } else {
      const current = open as Draft | null
      const fits = current && current.plain + 2 + reply.text.length <= TELEGRAM_TEXT_LIMIT
      if (current && fits) {
        current.html += `\n\n${escapeHtml(reply.text)}`
        current.plain += 2 + reply.text.length
        current.rows.push(...buttonsOf(reply))
      } else {
        const pieces = splitMessage(reply.text)
        for (const piece of pieces) push(piece, escapeHtml(piece))
        ;(open as Draft | null)?.rows.push(...buttonsOf(reply))
      }
      open = null
    }
  }
  return drafts.map((d) =>
    d.rows.length ? { text: d.html, keyboard: { inline_keyboard: d.rows } } : { text: d.html },
  )
}
