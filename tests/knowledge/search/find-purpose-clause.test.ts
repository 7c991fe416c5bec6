import { describe } from 'vitest'
import { findPurposeClause } from '../../../knowledge/search/find-purpose-clause.ts'
import { analyzeText } from '../../../knowledge/search/normalize-vietnamese.ts'
import { itReadsQuestionPart } from '../../helpers/question-part-tables.ts'

const clause = (text: string) => {
  const tokens = analyzeText(text)
  const found = findPurposeClause(tokens)
  return found
    ? tokens
        .slice(found.start, found.end)
        .map((t) => t.folded)
        .join(' ')
    : null
}

describe('findPurposeClause', () => {
  itReadsQuestionPart('purpose-clause', 'clause of purpose (from "để" to where its clause ends)', clause)
})
