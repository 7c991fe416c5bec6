/**
 * Request and response schemas of the vocabulary routes and of resolving an unanswered
 * question with a procedure.
 * @module
 */
import { z } from 'zod'
import { VOCABULARY_KINDS } from '../../knowledge/db/schema/vocabulary.ts'
import { ZVocabularyInput } from '../../knowledge/vocabulary/vocabulary.types.ts'

export { ZVocabularyInput }

export const ZVocabularyPatch = z
  .object({
    text: z
      .string()
      .trim()
      .min(1)
      .max(300)
      .transform((s) => s.normalize('NFC').replace(/\s+/g, ' '))
      .optional(),
    target: z
      .string()
      .trim()
      .min(1)
      .max(200)
      .transform((s) => s.normalize('NFC').replace(/\s+/g, ' '))
      .optional(),
    note: z.string().trim().max(1000).optional(),
  })
  .refine((v) => Object.keys(v).length > 0, 'Không có trường nào để sửa.')

export const ZVocabularyId = z.coerce
  .number()
  .int('Mã mục phải là số nguyên dương.')
  .min(1, 'Mã mục phải là số nguyên dương.')

export const ZVocabularyEntry = z.object({
  id: z.number().int(),
  kind: z.enum(VOCABULARY_KINDS),
  key: z.string(),
  text: z.string(),
  target: z.string(),
  note: z.string().nullable(),
  active: z.boolean(),
  revision: z.number().int(),
  source: z.string(),
  createdBy: z.string(),
  createdAt: z.string(),
  updatedBy: z.string(),
  updatedAt: z.string(),
})

const ZReplySummary = z.object({
  kind: z.string(),
  code: z.string().nullable(),
  candidates: z.array(z.string()),
  text: z.string(),
})
const ZChangedReply = z.object({ question: z.string(), before: ZReplySummary, after: ZReplySummary })

/** The dev-eval difference shown on save. */
export const ZVocabularyCheck = z.object({
  asked: z.number().int(),
  changed: z.array(ZChangedReply),
  taught: ZChangedReply.optional(),
})

export const ZVocabularySaved = z.object({ entry: ZVocabularyEntry, check: ZVocabularyCheck })

export const ZVocabularyList = z.object({ entries: z.array(ZVocabularyEntry) })

export const ZVocabularyRevisions = z.object({
  entry: ZVocabularyEntry,
  revisions: z.array(
    z.object({
      id: z.number().int(),
      entryId: z.number().int(),
      revision: z.number().int(),
      data: z.object({
        text: z.string(),
        target: z.string(),
        note: z.string().nullable(),
        active: z.boolean(),
      }),
      action: z.enum(['create', 'update', 'remove', 'undo']),
      changedBy: z.string(),
      changedAt: z.string(),
    }),
  ),
})
