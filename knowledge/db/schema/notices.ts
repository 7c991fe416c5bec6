/**
 * Notices staff post to citizens: a banner added to every reply on the chosen channels, or
 * maintenance mode (the bot's off switch: only the notice and the hotline are answered).
 * Read by every process serving the bot, so a change takes effect everywhere within seconds.
 * @module
 */
import { sqliteTable, text } from 'drizzle-orm/sqlite-core'
import { isoTime, serialId } from './columns.ts'

export const NOTICE_MODES = ['banner', 'maintenance'] as const
export type NoticeMode = (typeof NOTICE_MODES)[number]

export const notices = sqliteTable('notices', {
  id: serialId(),
  text: text('text').notNull(),
  mode: text('mode').$type<NoticeMode>().notNull(),
  /** Channel names; null means every channel. */
  channels: text('channels', { mode: 'json' }).$type<string[] | null>(),
  /** ISO time the notice ends on its own; null until removed. */
  until: text('until'),
  createdBy: text('created_by').notNull(),
  createdAt: isoTime('created_at'),
  removedAt: text('removed_at'),
})
