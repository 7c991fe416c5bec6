/**
 * Column shapes the schema files share: a table's key, the key of the row a row belongs to, a
 * typed JSON column, a 0/1 flag and the two ways times are kept (ISO-8601 text where people
 * read the rows, epoch milliseconds where the bot compares them). Each call makes a new column,
 * named as given.
 * @module
 */
import { integer, type SQLiteColumn, text } from 'drizzle-orm/sqlite-core'

/** `id`, a number the database assigns */
export const serialId = () => integer('id').primaryKey({ autoIncrement: true })

/** `id`, a text key the application makes */
export const textId = () => text('id').primaryKey()

/**
 * the `serialId` of the row this one belongs to (a ticket's message, an entry's revision):
 * always present, and deleted with that row
 */
export const ownerId = (name: string, owner: () => SQLiteColumn) =>
  integer(name).notNull().references(owner, { onDelete: 'cascade' })

/** a JSON value that is always present, typed as `T` */
export const jsonOf = <T>(name: string) => text(name, { mode: 'json' }).$type<T>().notNull()

/** a boolean kept as 0/1, with the value a new row starts with */
export const flag = (name: string, initial: boolean) =>
  integer(name, { mode: 'boolean' }).notNull().default(initial)

/** an instant as ISO-8601 text, always present */
export const isoTime = (name: string) => text(name).notNull()

/** an instant as epoch milliseconds, always present */
export const epochMs = (name: string) => integer(name).notNull()
