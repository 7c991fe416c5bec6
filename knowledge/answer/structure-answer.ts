/**
 * Gives every answer its structure (`reply`): answers about a procedure get theirs from
 * `composeReply`; a clarify question, not_found and small talk get one from their text and
 * candidates, so channels render every reply the same way.
 * @module
 */
import type { Answer, StructuredReply } from './answer.types.ts'

/** "1. Cấp lại … (mã 1.014064)": the numbered list a clarify text carries, rendered as choices instead. */
const LIST_ITEM = /^\d+\.\s/

const fromText = (answer: Answer): StructuredReply => {
  const lines = answer.text.split('\n').map((l) => l.trim())
  const body = lines.filter((l) => l.length > 0 && !(answer.kind === 'clarify' && LIST_ITEM.test(l)))
  const [lead = '', ...rest] = body
  return {
    lead,
    sections: rest.length
      ? [{ title: answer.kind === 'not_found' ? 'Bạn có thể' : 'Lưu ý', items: rest }]
      : [],
    ...(answer.kind === 'clarify' && answer.candidates?.length
      ? { choices: answer.candidates.map((c) => ({ code: c.code, label: c.label ?? c.name })) }
      : {}),
  }
}

/** @returns the answer with `reply` set (unchanged when it already has one) */
export const structureAnswer = (answer: Answer): Answer =>
  answer.reply ? answer : { ...answer, reply: fromText(answer) }
