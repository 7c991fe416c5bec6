/**
 * What staff send to teach search: a learnt phrase (question → procedure code), an everyday
 * word (→ the official words), an abbreviation (→ what it stands for).
 * @module
 */
import { z } from 'zod'
import { VOCABULARY_KINDS } from '../db/schema/vocabulary.ts'

const PROCEDURE_CODE = /^\d\.\d{6}$/

const nfc = (max: number, what: string) =>
  z
    .string()
    .trim()
    .min(1, `Hãy nhập ${what}.`)
    .max(max, `${what} dài quá ${max} ký tự.`)
    .transform((s) => s.normalize('NFC').replace(/\s+/g, ' '))

export const ZVocabularyInput = z
  .object({
    kind: z.enum(VOCABULARY_KINDS),
    text: nfc(300, 'cụm từ'),
    target: nfc(200, 'nghĩa (mã thủ tục hoặc từ chính thức)'),
    note: z.string().trim().max(1000).optional(),
  })
  .refine((v) => v.kind !== 'phrase' || PROCEDURE_CODE.test(v.target), {
    path: ['target'],
    message: 'Câu hỏi đã học phải trỏ tới một mã thủ tục (dạng 1.001193).',
  })

export type VocabularyInput = z.infer<typeof ZVocabularyInput>

/** What search is compiled from: the active entries. */
export type VocabularyItem = { kind: VocabularyInput['kind']; text: string; target: string }
