/**
 * The channel-agnostic vocabulary of the citizens' chat: what arrives from a channel and
 * the reply models every channel renders in its own way (Telegram HTML and inline
 * keyboards, Zalo button templates, the web page, Bot Framework hero cards).
 * @module
 */

/**
 * Where a message came from. `botframework` is every channel of the Bot Framework Activity
 * protocol (Microsoft Teams, Azure Bot Service Web Chat, Direct Line): they share one adapter.
 */
export type ChannelName = 'telegram' | 'zalo' | 'web' | 'botframework'

export type Command = 'start' | 'help' | 'contact' | 'privacy'

/** One message from a citizen: free text, a tapped choice (its short id) or a command. */
export type Incoming = {
  channel: ChannelName
  /**
   * Stable per channel: Telegram chat id, Zalo user id, web session id; for Bot Framework a
   * digest of channelId + conversation id + sender id (one per user per conversation).
   */
  userId: string
  text?: string
  choice?: string
  command?: Command
}

export type Choice = { id: string; label: string }

import type { StructuredReply } from '../../knowledge/answer/answer.types.ts'

export type { ReplySection, StructuredReply } from '../../knowledge/answer/answer.types.ts'

export type ProcedureHeading = { code: string; name: string; url: string | null }

/**
 * A text reply. An answer also carries its structure (`body`: lead, sections, source), which
 * channels render natively (lists); `text` is the same as plain text, for channels without
 * formatting. A `followUp` answers another question about the procedure just answered: its
 * footer (where, online, legal basis) was already shown and is left out.
 */
export type TextReply = {
  type: 'text'
  text: string
  procedure?: ProcedureHeading
  body?: StructuredReply
  followUp?: boolean
}

export type Reply =
  | TextReply
  | { type: 'choices'; text: string; choices: Choice[]; purpose: 'clarify' | 'feedback' | 'menu' }
  /** `purpose: 'contact'` marks the reply to a citizen asking for a person (see bot/handoff). */
  | { type: 'link'; label: string; url: string; purpose?: 'contact' }

/** At most this many buttons in one choices reply (Zalo button templates, small screens). */
export const MAX_CHOICES = 5
