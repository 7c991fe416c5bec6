/**
 * Telegram HTML formatting: escaping for parse_mode HTML and splitting long text under the
 * 4,096-character limit at line or word boundaries.
 * @module
 */
import { visibleSections } from '../../knowledge/answer/render-reply-text.ts'
import { escapeHtml } from '../../knowledge/text/escape-html.ts'
import type { StructuredReply } from '../core/reply.types.ts'
import { splitText } from '../core/split-text.ts'

export const TELEGRAM_TEXT_LIMIT = 4096

export { escapeHtml }

/** Pieces under Telegram's limit (bot/core/split-text.ts). */
export const splitMessage = (text: string, limit = TELEGRAM_TEXT_LIMIT): string[] => splitText(text, limit)

/** Shortens a button label; Telegram cuts long ones on small screens anyway. */
export const shortLabel = (label: string, max = 60) =>
  label.length <= max ? label : `${label.slice(0, max - 1)}…`

/** One part of a structured reply in Telegram HTML, with its visible text (for the length limit). */
export type HtmlBlock = { html: string; plain: string }

/**
 * A structured reply as Telegram HTML blocks: the lead, each section as a bold title over "•"
 * items, and the source line in italics (with the link only when no button carries it). A
 * follow-up leaves out the footer sections.
 */
export const replyHtmlBlocks = (
  body: StructuredReply,
  { followUp = false, withLink = false }: { followUp?: boolean; withLink?: boolean } = {},
): HtmlBlock[] => {
  const blocks: HtmlBlock[] = [{ html: escapeHtml(body.lead), plain: body.lead }]
  for (const section of visibleSections(body, followUp)) {
    const items = section.items.map((item) => `• ${item}`)
    blocks.push({
      html: `<b>${escapeHtml(section.title)}</b>\n${items.map(escapeHtml).join('\n')}`,
      plain: `${section.title}\n${items.join('\n')}`,
    })
  }
  if (body.source) {
    const source = withLink && body.source.url ? `${body.source.text} ${body.source.url}` : body.source.text
    blocks.push({ html: `<i>${escapeHtml(source)}</i>`, plain: source })
  }
  return blocks
}
