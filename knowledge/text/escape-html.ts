/**
 * The one HTML/XML text escape: the server's pages and SVG, and Telegram's HTML parse mode
 * (which accepts numeric entities) all use it.
 * @module
 */
const ENTITIES: Record<string, string> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  "'": '&#39;',
}

/** @returns the text with `& < > " '` escaped, safe in element content and quoted attributes */
export const escapeHtml = (text: string) => text.replace(/[&<>"']/g, (ch) => ENTITIES[ch] ?? ch)
