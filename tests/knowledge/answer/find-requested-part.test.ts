import { describe } from 'vitest'
import { findRequestedPart } from '../../../knowledge/answer/find-requested-part.ts'
import { analyzeText } from '../../../knowledge/search/normalize-vietnamese.ts'
import { itReadsQuestionPart } from '../../helpers/question-part-tables.ts'

/** Whether the words hold one of a few action words (a stand-in for the fit model's phrases). */
const namesAction = (words: readonly { folded: string }[]) =>
  words.some((w) => ['lai', 'doi', 'khoa'].includes(w.folded))
const requested = (text: string) =>
  findRequestedPart(analyzeText(text), namesAction)
    ?.map((t) => t.text)
    .join(' ') ?? null

describe('findRequestedPart', () => {
  itReadsQuestionPart('requested-part', 'words after the last "muốn" that name an action', requested)
})
