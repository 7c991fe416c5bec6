/**
 * Plain text → the Markdown Bot Framework channels render (`textFormat: 'markdown'`; Web Chat
 * uses CommonMark, Teams a subset). Characters that would start emphasis, code, links, HTML
 * or a heading are backslash-escaped; URLs are left whole so they stay clickable. Every line
 * becomes its own paragraph, because Markdown joins single line breaks into one line. Leading
 * `- ` and `1. ` stay lists on purpose: the knowledge base writes its lists that way.
 * @module
 */
import { visibleSections } from '../../knowledge/answer/render-reply-text.ts'
import type { StructuredReply } from '../core/reply.types.ts'
import { splitText as splitPieces } from '../core/split-text.ts'

/** Plain characters per message; a Teams message must stay under 40 KB in UTF-16. */
export const ACTIVITY_TEXT_LIMIT = 4000

const URL_PATTERN = /https?:\/\/[^\s<>]+/g

const escapeInline = (text: string) =>
  text.replace(/[\\`*_~[\]<>]/g, '\\$&').replace(/&(?=#?[A-Za-z0-9]+;)/g, '\\&')

/** Escapes one line; a leading `#` (heading) and a rule-like `---` / `===` line are escaped too. */
const escapeLine = (line: string) => {
  let out = ''
  let last = 0
  for (const match of line.matchAll(URL_PATTERN)) {
    out += escapeInline(line.slice(last, match.index)) + match[0]
    last = match.index + match[0].length
  }
  out += escapeInline(line.slice(last))
  return out.replace(/^#/, '\\#').replace(/^([-=])(?=\1{2,}\s*$)/, '\\$1')
}

/** @returns the text as escaped Markdown, one paragraph per non-empty line */
export const toMarkdown = (text: string) =>
  text
    .split('\n')
    .map((line) => line.trim())
    .filter((line) => line.length > 0)
    .map(escapeLine)
    .join('\n\n')

/** `**text**` with the text escaped. */
export const boldMarkdown = (text: string) => `**${escapeLine(text.trim())}**`

/** Pieces under a Bot Framework message's size (bot/core/split-text.ts). */
export const splitText = (text: string, limit = ACTIVITY_TEXT_LIMIT): string[] => splitPieces(text, limit)

/**
 * A structured reply as Markdown: the lead as a paragraph, each section as a bold title over a
 * real list, and the source line in italics (with the link only when no button carries it).
 * A follow-up leaves out the footer sections.
 */
export const replyMarkdown = (
  body: StructuredReply,
  { followUp = false, withLink = false }: { followUp?: boolean; withLink?: boolean } = {},
): string => {
  const parts = [escapeLine(body.lead)]
  for (const section of visibleSections(body, followUp)) {
    parts.push(
      `**${escapeLine(section.title)}**\n\n${section.items.map((i) => `- ${escapeLine(i)}`).join('\n')}`,
    )
  }
  if (body.source) {
    const source = withLink && body.source.url ? `${body.source.text} ${body.source.url}` : body.source.text
    parts.push(`_${escapeLine(source)}_`)
  }
  return parts.join('\n\n')
}
