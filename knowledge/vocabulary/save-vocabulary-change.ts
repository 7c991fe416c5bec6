/**
 * Stores a planned vocabulary change after checking it: the development questions (and a
 * learnt phrase's own question) are answered with the vocabulary before and after, the
 * change is written as a new revision, and search follows at once.
 * @module
 */
import type { Db } from '../db/client.ts'
import type { VocabularyEntry } from '../db/schema/index.ts'
import { AppError } from '../errors.ts'
import type { KnowledgeBase } from '../knowledge-base.ts'
import { applyVocabularyChange, type VocabularyChange, vocabularyAfter } from './change-vocabulary-entry.ts'
import { checkVocabularyChange, type VocabularyCheck } from './check-vocabulary-change.ts'

export type SaveVocabularyChangeOptions = {
  db: Db
  kb: KnowledgeBase
  actor: string
  change: VocabularyChange
  /** Development questions to check (default: tests/fixtures/eval/dev.tsv and dev-intents.tsv). */
  questions?: string[]
}

/** @throws AppError UNAVAILABLE when this knowledge base cannot preview vocabulary */
export const saveVocabularyChange = async ({
  db,
  kb,
  actor,
  change,
  questions,
}: SaveVocabularyChangeOptions): Promise<{ entry: VocabularyEntry; check: VocabularyCheck }> => {
  if (!kb.withVocabulary) throw new AppError('UNAVAILABLE', 'Cơ sở tri thức này không kiểm tra được từ vựng.')
  await kb.refresh()
  const preview = await kb.withVocabulary(await vocabularyAfter({ db, change }))
  const check = await checkVocabularyChange({
    before: kb.answer,
    after: preview.answer,
    ...(questions ? { questions } : {}),
    ...(change.kind === 'phrase' ? { taught: change.data.text } : {}),
  })
  const entry = await applyVocabularyChange({ db, actor, change })
  await kb.refresh()
  return { entry, check }
}
