/**
 * Telegram HTML formatting: escaping for parse_mode HTML and splitting long text under the
 * 4,096-character limit at line or word boundaries.
 * @module
 */

export const TELEGRAM_TEXT_LIMIT = 4096

const ENTITIES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;' }

/** Escapes text for Telegram's HTML parse mode (and for attribute values). */
export const escapeHtml = (text: string) => text.replace(/[&<>"]/g, (ch) => ENTITIES[ch] ?? ch)

/**
 * Splits plain text into pieces of at most `limit` characters, preferring line breaks,
 * then spaces; never returns an empty piece.
 */
export const splitMessage = (text: string, limit = TELEGRAM_TEXT_LIMIT): string[] => {
  const pieces: string[] = []
  let rest = text.trim()
  while (rest.length > limit) {
    const window = rest.slice(0, limit + 1)
    let cut = window.lastIndexOf('\n')
    if (cut < limit / 2) cut = window.lastIndexOf(' ')
    if (cut < limit / 2) cut = limit
    pieces.push(rest.slice(0, cut).trimEnd())
    rest = rest.slice(cut).trimStart()
  }
  if (rest) pieces.push(rest)
  return pieces
}

/** Shortens a button label; Telegram cuts long ones on small screens anyway. */
export const shortLabel = (label: string, max = 60) =>
  label.length <= max ? label : `${label.slice(0, max - 1)}…`
