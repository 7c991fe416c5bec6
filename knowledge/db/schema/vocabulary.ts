/**
 * Vocabulary staff teach search from the console: learnt phrases (a citizen's question,
 * normalised, answered with one procedure), everyday words and abbreviations. Every change is a
 * numbered revision of its entry, so an entry can be seen, edited, removed and undone.
 * @module
 */
import { index, integer, sqliteTable, text, uniqueIndex } from 'drizzle-orm/sqlite-core'
import { isoTime, jsonOf, ownerId, serialId } from './columns.ts'

export const VOCABULARY_KINDS = ['phrase', 'synonym', 'abbreviation'] as const
export type VocabularyKind = (typeof VOCABULARY_KINDS)[number]

export const vocabularyEntries = sqliteTable(
  'vocabulary_entries',
  {
    id: serialId(),
    kind: text('kind').$type<VocabularyKind>().notNull(),
    /** The text folded (no marks, lowercase, one space): one entry per kind and key. */
    key: text('key').notNull(),
    /** As staff (or the citizen, masked) wrote it, NFC. */
    text: text('text').notNull(),
    /** `phrase`: the procedure code; `synonym`, `abbreviation`: the words it stands for. */
    target: text('target').notNull(),
    note: text('note'),
    active: integer('active', { mode: 'boolean' }).notNull(),
    revision: integer('revision').notNull(),
    /** Where it came from: `unanswered:<id>` or `console`. */
    source: text('source').notNull(),
    createdBy: text('created_by').notNull(),
    createdAt: isoTime('created_at'),
    updatedBy: text('updated_by').notNull(),
    updatedAt: isoTime('updated_at'),
  },
  (t) => [uniqueIndex('vocabulary_kind_key_idx').on(t.kind, t.key)],
)

export type VocabularyEntry = typeof vocabularyEntries.$inferSelect

/** What one revision of an entry said. */
export type VocabularyData = { text: string; target: string; note: string | null; active: boolean }

export const vocabularyRevisions = sqliteTable(
  'vocabulary_revisions',
  {
    id: serialId(),
    entryId: ownerId('entry_id', () => vocabularyEntries.id),
    revision: integer('revision').notNull(),
    data: jsonOf<VocabularyData>('data'),
    /** `create`, `update`, `remove`, `undo`. */
    action: text('action').notNull(),
    changedBy: text('changed_by').notNull(),
    changedAt: isoTime('changed_at'),
  },
  (t) => [index('vocabulary_revisions_entry_idx').on(t.entryId, t.revision)],
)
