/**
 * Telegram HTML formatting: escaping for parse_mode HTML and splitting long text under the
 * 4,096-character limit at line or word boundaries.
 * @module
 */
import { splitText } from '../core/split-text.ts'

export const TELEGRAM_TEXT_LIMIT = 4096

const ENTITIES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;' }

/** Escapes text for Telegram's HTML parse mode (and for attribute values). */
export const escapeHtml = (text: string) => text.replace(/[&<>"]/g, (ch) => ENTITIES[ch] ?? ch)

/** Pieces under Telegram's limit (bot/core/split-text.ts). */
export const splitMessage = (text: string, limit = TELEGRAM_TEXT_LIMIT): string[] => splitText(text, limit)

/** Shortens a button label; Telegram cuts long ones on small screens anyway. */
export const shortLabel = (label: string, max = 60) =>
  label.length <= max ? label : `${label.slice(0, max - 1)}…`
