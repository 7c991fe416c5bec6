/**
 * Notices staff post to citizens: a banner added to every reply on the chosen channels, or
 * maintenance mode (the bot's off switch: only the notice and the hotline are answered).
 * Read by every process serving the bot, so a change takes effect everywhere within seconds.
 * @module
 */
import { integer, sqliteTable, text } from 'drizzle-orm/sqlite-core'

export const NOTICE_MODES = ['banner', 'maintenance'] as const
export type NoticeMode = (typeof NOTICE_MODES)[number]

export const notices = sqliteTable('notices', {
  id: integer('id').primaryKey({ autoIncrement: true }),
  text: text('text').notNull(),
  mode: text('mode').$type<NoticeMode>().notNull(),
  /** Channel names; null means every channel. */
  channels: text('channels', { mode: 'json' }).$type<string[] | null>(),
  /** ISO time the notice ends on its own; null until removed. */
  until: text('until'),
  createdBy: text('created_by').notNull(),
  createdAt: text('created_at').notNull(),
  removedAt: text('removed_at'),
})
