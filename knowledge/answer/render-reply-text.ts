/**
 * A structured reply as plain text (the API's `text`, and channels without formatting): the
 * lead, each section as a heading and "- " items, the procedure's name once, then the source
 * line and the official link once. A follow-up on the same procedure leaves out the footer.
 * @module
 */
import type { StructuredReply } from './answer.types.ts'

export type RenderReplyTextOptions = {
  /** Named once, before the source line (channels with a heading pass nothing). */
  procedure?: { code: string; name: string } | null
  /** A follow-up on the procedure just answered: no footer sections, a short source line. */
  followUp?: boolean
  /** The link is shown elsewhere (a button): leave it out of the text. */
  withoutLink?: boolean
}

/** The sections a reply shows: all of them, or without the footer on a follow-up. */
export const visibleSections = (reply: StructuredReply, followUp = false) =>
  reply.sections.filter((s) => !(followUp && s.footer) && s.items.length > 0)

/** @returns NFC plain text with line breaks */
export const renderReplyText = (
  reply: StructuredReply,
  { procedure = null, followUp = false, withoutLink = false }: RenderReplyTextOptions = {},
): string => {
  const lines = [reply.lead]
  for (const section of visibleSections(reply, followUp)) {
    lines.push('', `${section.title}:`, ...section.items.map((item) => `- ${item}`))
  }
  if (!followUp) {
    const tail: string[] = []
    if (procedure) tail.push(`Thủ tục: ${procedure.name} (mã ${procedure.code})`)
    if (reply.source) tail.push(reply.source.text)
    if (reply.source?.url && !withoutLink) tail.push(`Xem trang chính thức: ${reply.source.url}`)
    if (tail.length) lines.push('', ...tail)
  } else if (reply.source) lines.push('', reply.source.text)
  return lines.join('\n').normalize('NFC')
}
