/**
 * Changing taught vocabulary: every change is planned first (so its effect on answers can be
 * checked before it is stored), then written as a new numbered revision of its entry, with
 * an audit entry and a new vocabulary version that every process picks up.
 * Undo restores the revision before the current one (a new entry's undo removes it).
 * @module
 */
import { and, asc, eq, ne, sql } from 'drizzle-orm'
import type { Db } from '../db/client.ts'
import { recordAudit } from '../db/record-audit.ts'
import {
  kbMeta,
  type VocabularyData,
  type VocabularyEntry,
  type VocabularyKind,
  vocabularyEntries,
  vocabularyRevisions,
} from '../db/schema/index.ts'
import { AppError } from '../errors.ts'
import { foldPhrase } from '../search/load-synonyms.ts'
import { VOCABULARY_VERSION_KEY } from './list-vocabulary.ts'
import type { VocabularyInput, VocabularyItem } from './vocabulary.types.ts'

export type VocabularyAction = 'create' | 'update' | 'remove' | 'undo'

/** A change not yet stored. */
export type VocabularyChange = {
  /** The entry changed; null for a new one. */
  entry: VocabularyEntry | null
  kind: VocabularyKind
  key: string
  data: VocabularyData
  action: VocabularyAction
  source: string
}

/** One entry per kind and folded text ("Sổ Đỏ" and "so do" are the same entry). */
export const vocabularyKey = (text: string): string => foldPhrase(text)

const requireEntry = async (db: Db, id: number): Promise<VocabularyEntry> => {
  const [entry] = await db.select().from(vocabularyEntries).where(eq(vocabularyEntries.id, id)).limit(1)
  if (!entry) throw new AppError('NOT_FOUND', `Không có mục từ vựng số ${id}.`)
  return entry
}

const keyOf = (text: string): string => {
  const key = vocabularyKey(text)
  if (!key) throw new AppError('BAD_REQUEST', 'Cụm từ không có chữ nào để tìm theo.')
  return key
}

const sameKey = async (db: Db, kind: VocabularyKind, key: string) =>
  (
    await db
      .select()
      .from(vocabularyEntries)
      .where(and(eq(vocabularyEntries.kind, kind), eq(vocabularyEntries.key, key)))
      .limit(1)
  )[0] ?? null

export type PlanAdditionOptions = {
  db: Db
  input: VocabularyInput
  source: string
  /** When the same text is already taught: update it (resolving a question again) or refuse (409). */
  onExisting: 'update' | 'refuse'
}

/** @throws AppError CONFLICT when the text is already an active entry and `onExisting` is `refuse` */
export const planAddition = async ({
  db,
  input,
  source,
  onExisting,
}: PlanAdditionOptions): Promise<VocabularyChange> => {
  const key = keyOf(input.text)
  const existing = await sameKey(db, input.kind, key)
  if (existing?.active && onExisting === 'refuse')
    throw new AppError(
      'CONFLICT',
      `"${existing.text}" đã có (mục số ${existing.id}, nghĩa "${existing.target}"). Hãy sửa mục đó thay vì thêm mới.`,
    )
  return {
    entry: existing,
    kind: input.kind,
    key,
    data: { text: input.text, target: input.target, note: input.note || null, active: true },
    action: existing ? 'update' : 'create',
    source,
  }
}

/** @throws AppError NOT_FOUND, CONFLICT when the new text is another entry's */
export const planUpdate = async ({
  db,
  id,
  changes,
}: {
  db: Db
  id: number
  changes: Partial<Pick<VocabularyData, 'text' | 'target' | 'note'>>
}): Promise<VocabularyChange> => {
  const entry = await requireEntry(db, id)
  const text = changes.text ?? entry.text
  const key = keyOf(text)
  const other = await db
    .select({ id: vocabularyEntries.id })
    .from(vocabularyEntries)
    .where(
      and(
        eq(vocabularyEntries.kind, entry.kind),
        eq(vocabularyEntries.key, key),
        ne(vocabularyEntries.id, id),
      ),
    )
    .limit(1)
  if (other[0]) throw new AppError('CONFLICT', `"${text}" đã là mục số ${other[0].id}.`)
  return {
    entry,
    kind: entry.kind,
    key,
    data: {
      text,
      target: changes.target ?? entry.target,
      note: changes.note === undefined ? entry.note : changes.note || null,
      active: true,
    },
    action: 'update',
    source: entry.source,
  }
}

/** @throws AppError NOT_FOUND, CONFLICT when it is already removed */
export const planRemoval = async ({ db, id }: { db: Db; id: number }): Promise<VocabularyChange> => {
  const entry = await requireEntry(db, id)
  if (!entry.active) throw new AppError('CONFLICT', `Mục số ${id} đã được gỡ trước đó.`)
  const { text, target, note } = entry
  return {
    entry,
    kind: entry.kind,
    key: entry.key,
    data: { text, target, note, active: false },
    action: 'remove',
    source: entry.source,
  }
}

/** @throws AppError NOT_FOUND, CONFLICT when the earlier text is now another entry's */
export const planUndo = async ({ db, id }: { db: Db; id: number }): Promise<VocabularyChange> => {
  const entry = await requireEntry(db, id)
  const [previous] = await db
    .select()
    .from(vocabularyRevisions)
    .where(and(eq(vocabularyRevisions.entryId, id), eq(vocabularyRevisions.revision, entry.revision - 1)))
    .limit(1)
  const { text, target, note } = entry
  const data = previous?.data ?? { text, target, note, active: false }
  const key = keyOf(data.text)
  if (key !== entry.key) {
    const other = await sameKey(db, entry.kind, key)
    if (other && other.id !== id) throw new AppError('CONFLICT', `"${data.text}" đã là mục số ${other.id}.`)
  }
  return { entry, kind: entry.kind, key, data, action: 'undo', source: entry.source }
}

/**
 * @returns the active vocabulary as it would be after the change, in the order search
 *   compiles it
 */
export const vocabularyAfter = async ({
  db,
  change,
}: {
  db: Db
  change: VocabularyChange
}): Promise<VocabularyItem[]> => {
  const all = await db.select().from(vocabularyEntries).orderBy(asc(vocabularyEntries.id))
  const out: VocabularyItem[] = []
  for (const e of all) {
    const data = e.id === change.entry?.id ? change.data : e
    if (data.active) out.push({ kind: e.kind, text: data.text, target: data.target })
  }
  if (!change.entry) out.push({ kind: change.kind, text: change.data.text, target: change.data.target })
  return out
}

/** Stores the change as the entry's next revision, audited, and bumps the vocabulary version. */
export const applyVocabularyChange = async ({
  db,
  actor,
  change,
}: {
  db: Db
  actor: string
  change: VocabularyChange
}): Promise<VocabularyEntry> => {
  const at = new Date().toISOString()
  return db.transaction(async (tx) => {
    const { text, target, note, active } = change.data
    const values = { key: change.key, text, target, note, active, updatedBy: actor, updatedAt: at }
    const [entry] = change.entry
      ? await tx
          .update(vocabularyEntries)
          .set({ ...values, revision: sql`${vocabularyEntries.revision} + 1` })
          .where(eq(vocabularyEntries.id, change.entry.id))
          .returning()
      : await tx
          .insert(vocabularyEntries)
          .values({
            ...values,
            kind: change.kind,
            revision: 1,
            source: change.source,
            createdBy: actor,
            createdAt: at,
          })
          .returning()
    if (!entry) throw new AppError('NOT_FOUND', 'Mục từ vựng không còn.')
    await tx.insert(vocabularyRevisions).values({
      entryId: entry.id,
      revision: entry.revision,
      data: change.data,
      action: change.action,
      changedBy: actor,
      changedAt: at,
    })
    const detail = { kind: entry.kind, revision: entry.revision, ...change.data }
    await recordAudit(tx, {
      actor,
      action: `vocabulary.${change.action}`,
      entity: 'vocabulary_entry',
      entityId: entry.id,
      detail,
      at,
    })
    await tx
      .insert(kbMeta)
      .values({ key: VOCABULARY_VERSION_KEY, value: '1' })
      .onConflictDoUpdate({ target: kbMeta.key, set: { value: sql`CAST(${kbMeta.value} AS INTEGER) + 1` } })
    return entry
  })
}
