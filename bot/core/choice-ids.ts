/**
 * Short ids for buttons (Telegram callback_data is at most 64 bytes; a Vietnamese label
 * would not fit): `p:<procedure code>` picks a clarify option, `f:u|n:<interaction id>`
 * is feedback, `m:<command>` opens a menu entry.
 * @module
 */
import type { Command } from './reply.types.ts'

export type ParsedChoice =
  | { kind: 'procedure'; code: string }
  | { kind: 'feedback'; useful: boolean; interactionId: string }
  | { kind: 'menu'; command: Command }

const MENU: readonly Command[] = ['start', 'help', 'contact', 'privacy']

export const procedureChoiceId = (code: string) => `p:${code}`
export const feedbackChoiceId = (useful: boolean, interactionId: string) =>
  `f:${useful ? 'u' : 'n'}:${interactionId}`
export const menuChoiceId = (command: Command) => `m:${command}`

/** @returns the parsed choice, or null for anything else (stale or forged ids included) */
export const parseChoiceId = (id: string): ParsedChoice | null => {
  const procedure = /^p:(\d\.\d{6})$/.exec(id)
  if (procedure?.[1]) return { kind: 'procedure', code: procedure[1] }
  const feedback = /^f:([un]):([A-Za-z0-9_-]{6,32})$/.exec(id)
  if (feedback?.[2]) return { kind: 'feedback', useful: feedback[1] === 'u', interactionId: feedback[2] }
  const menu = /^m:([a-z]+)$/.exec(id)
  const command = MENU.find((c) => c === menu?.[1])
  if (command) return { kind: 'menu', command }
  return null
}

/** `/help`, `/start@trolyso_bot`, `/contact extra` → the command, else null. */
export const parseCommandText = (text: string): Command | null => {
  const match = /^\/([a-z]+)(?:@\w+)?(?:\s|$)/i.exec(text.trim())
  const name = match?.[1]?.toLowerCase()
  return MENU.find((c) => c === name) ?? null
}
