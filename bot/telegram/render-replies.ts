/**
 * Turns the conversation's reply models into Telegram messages: HTML text split under the
 * limit, a procedure heading in bold, inline keyboards whose callback_data is the short
 * choice id, and the official link as a URL button on the message that follows it.
 * @module
 */
import type { InlineKeyboardButton, InlineKeyboardMarkup } from 'grammy/types'
import type { Reply } from '../core/reply.types.ts'
import { escapeHtml, shortLabel, splitMessage, TELEGRAM_TEXT_LIMIT } from './format-html.ts'

export type TelegramMessage = { text: string; keyboard?: InlineKeyboardMarkup }

const CALLBACK_DATA_MAX_BYTES = 64

const urlButton = (label: string, url: string): InlineKeyboardButton => ({ text: shortLabel(label), url })

/** @returns the messages to send, in order; every text is at most 4,096 characters once parsed */
export const renderReplies = (replies: Reply[]): TelegramMessage[] => {
  const out: TelegramMessage[] = []
  let pendingLink: InlineKeyboardButton | null = null
  const flushLink = () => {
    if (!pendingLink) return
    out.push({ text: escapeHtml(pendingLink.text), keyboard: { inline_keyboard: [[pendingLink]] } })
    pendingLink = null
  }
  for (const reply of replies) {
    if (reply.type === 'link') {
      flushLink()
      pendingLink = urlButton(reply.label, reply.url)
      continue
    }
    if (reply.type === 'text') {
      flushLink()
      const heading = reply.procedure ? `${reply.procedure.name} (mã ${reply.procedure.code})` : ''
      const pieces = splitMessage(reply.text, TELEGRAM_TEXT_LIMIT - heading.length - 2)
      pieces.forEach((piece, i) => {
        const head = i === 0 && heading ? `<b>${escapeHtml(heading)}</b>\n\n` : ''
        out.push({ text: head + escapeHtml(piece) })
      })
      continue
    }
    const rows: InlineKeyboardButton[][] = []
    if (pendingLink) rows.push([pendingLink])
    pendingLink = null
    const buttons = reply.choices
      .filter((c) => Buffer.byteLength(c.id, 'utf8') <= CALLBACK_DATA_MAX_BYTES)
      .map((c) => ({ text: shortLabel(c.label), callback_data: c.id }))
    // Feedback and menu buttons are short: side by side; procedure names get a row each.
    if (reply.purpose === 'clarify') for (const b of buttons) rows.push([b])
    else rows.push(buttons)
    const pieces = splitMessage(reply.text)
    pieces.forEach((piece, i) => {
      const last = i === pieces.length - 1
      out.push(
        last ? { text: escapeHtml(piece), keyboard: { inline_keyboard: rows } } : { text: escapeHtml(piece) },
      )
    })
  }
  flushLink()
  return out
}
