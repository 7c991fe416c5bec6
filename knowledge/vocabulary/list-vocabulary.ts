/**
 * Reading the vocabulary staff taught: the entries (active ones for search, all for the
 * console), one entry's revisions, and the version every process watches to pick changes up.
 * @module
 */
import { asc, desc, eq } from 'drizzle-orm'
import type { Db } from '../db/client.ts'
import { kbMeta, type VocabularyEntry, vocabularyEntries, vocabularyRevisions } from '../db/schema/index.ts'
import type { VocabularyItem } from './vocabulary.types.ts'

export const VOCABULARY_VERSION_KEY = 'vocabulary_version'

/** @returns the active entries in the order they were first taught (later ones win on conflicts) */
export const listActiveVocabulary = async ({ db }: { db: Db }): Promise<VocabularyItem[]> =>
  (
    await db
      .select()
      .from(vocabularyEntries)
      .where(eq(vocabularyEntries.active, true))
      .orderBy(asc(vocabularyEntries.id))
  ).map(({ kind, text, target }) => ({ kind, text, target }))

/** @returns every entry, removed ones included, most recently changed first */
export const listVocabulary = async ({ db }: { db: Db }): Promise<VocabularyEntry[]> =>
  db.select().from(vocabularyEntries).orderBy(desc(vocabularyEntries.updatedAt), desc(vocabularyEntries.id))

export const listVocabularyRevisions = async ({ db, id }: { db: Db; id: number }) =>
  db
    .select()
    .from(vocabularyRevisions)
    .where(eq(vocabularyRevisions.entryId, id))
    .orderBy(desc(vocabularyRevisions.revision))

export const getVocabularyVersion = async ({ db }: { db: Db }): Promise<string> => {
  const rows = await db.select().from(kbMeta).where(eq(kbMeta.key, VOCABULARY_VERSION_KEY)).limit(1)
  return rows[0]?.value ?? '0'
}
