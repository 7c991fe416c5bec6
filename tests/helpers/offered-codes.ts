import type { Answer } from '../../knowledge/answer/answer.types.ts'

/** The procedure codes a reply gives or offers: its answer's, then its choices' (or "có thể liên quan"). */
export const offeredCodes = (answer: Pick<Answer, 'procedure' | 'candidates'>): string[] =>
  [answer.procedure?.code, ...(answer.candidates ?? []).map((c) => c.code)].filter(
    (code): code is string => code !== undefined,
  )
