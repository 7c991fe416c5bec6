/**
 * A question that asks to choose between two actions often tells the situation that decides it:
 * "căn cước bị mất thì cấp lại hay cấp đổi" (lost: re-issue), "sổ đỏ bị sai tên thì đính chính hay cấp
 * đổi" (a wrong name: correction). The action the situation names is the one asked; the other is only
 * what the citizen wondered about, and the question is read without it ("căn cước bị mất thì cấp lại"):
 * its words must not pull the other procedure up. When the situation names neither or both, both stay asked.
 * @module
 */

import type { AnalyzedToken } from '../search/normalize-vietnamese.ts'
import type { ProcedureActions } from './procedure-actions.ts'

/** Words joining the two sides of a choice, folded → the marked form they must have when typed with marks. */
const OR = new Map([
  ['hay', 'hay'],
  ['hoac', 'hoặc'],
])
/** Words after "hay" before the second side ("hay là", "hay phải"). */
const OR_TAIL = new Set(['la', 'phai'])
/** Verbs before an action word that belong to its phrase ("cấp đổi", "làm lại"), folded. */
const LEADS = new Set(['cap', 'lam', 'xin'])
/** Most words of one side's action phrase ("xin cấp lại", "đăng ký lại"). */
const SIDE_WORDS = 3

export type SettleChoiceOptions = {
  /** The question's tokens (after chat-speak rewriting). */
  tokens: readonly AnalyzedToken[]
  actions: ProcedureActions
}

const actionsOf = (actions: ProcedureActions, tokens: readonly AnalyzedToken[]) =>
  actions.ofQuestion(tokens).actions

/** One choice between two actions: where its sides are, their own actions, and which of them the rest names. */
type Choice = {
  leftStart: number
  or: number
  rightStart: number
  rightEnd: number
  left: string[]
  right: string[]
  namesLeft: boolean
  namesRight: boolean
}

/** The first "X hay Y" whose sides name different actions, with what the rest of the question says of them. */
const readChoice = (tokens: readonly AnalyzedToken[], actions: ProcedureActions): Choice | null => {
  for (let i = 1; i < tokens.length - 1; i++) {
    const t = tokens[i] as AnalyzedToken
    const marked = OR.get(t.folded)
    if (marked === undefined || (t.accented && t.text.toLowerCase() !== marked)) continue
    // the shortest phrase before "hay" and after it that names an action
    let leftStart = -1
    let leftActions = new Set<string>()
    for (let n = 1; n <= SIDE_WORDS && i - n >= 0 && !leftActions.size; n++) {
      leftActions = actionsOf(actions, tokens.slice(i - n, i))
      leftStart = i - n
    }
    // "cấp đổi": the verb before the action word is the side's too
    if (leftStart > 0 && LEADS.has((tokens[leftStart - 1] as AnalyzedToken).folded)) leftStart--
    let rightStart = i + 1
    while (rightStart < tokens.length && OR_TAIL.has((tokens[rightStart] as AnalyzedToken).folded))
      rightStart++
    let rightEnd = -1
    let rightActions = new Set<string>()
    for (let n = 1; n <= SIDE_WORDS && rightStart + n <= tokens.length && !rightActions.size; n++) {
      rightActions = actionsOf(actions, tokens.slice(rightStart, rightStart + n))
      rightEnd = rightStart + n
    }
    const left = [...leftActions].filter((a) => !rightActions.has(a))
    const right = [...rightActions].filter((a) => !leftActions.has(a))
    if (!left.length || !right.length) continue
    const situation = actionsOf(actions, [...tokens.slice(0, leftStart), ...tokens.slice(rightEnd)])
    const namesLeft = left.some((a) => situation.has(a))
    const namesRight = right.some((a) => situation.has(a))
    return { leftStart, or: i, rightStart, rightEnd, left, right, namesLeft, namesRight }
  }
  return null
}

/**
 * @returns the question without "hay" and the side the situation does not name, when the question
 *   chooses between two actions and the rest of it names the actions of one side only; else null
 * @example settleChoice({ tokens: tokens of 'căn cước bị mất thì cấp lại hay cấp đổi', actions })
 *   // 'căn cước bị mất thì cấp lại'
 */
export const settleChoice = ({ tokens, actions }: SettleChoiceOptions): string | null =>
  readSide({ tokens, actions }, 'named')

/**
 * The question read with the side its situation does not name: what is left to answer when the records
 * hold nothing for the named side ("hộ chiếu hết hạn rồi thì làm lại hay gia hạn": no passport is
 * extended, so the new issue the records hold for an expired one is the answer).
 * @returns the question without the side the situation names; null when it names neither or both
 */
export const otherSideOfChoice = ({ tokens, actions }: SettleChoiceOptions): string | null =>
  readSide({ tokens, actions }, 'other')

/** The question with one side of a settled choice: the one its situation names, or the other. */
const readSide = ({ tokens, actions }: SettleChoiceOptions, side: 'named' | 'other'): string | null => {
  const choice = readChoice(tokens, actions)
  if (!choice || choice.namesLeft === choice.namesRight) return null
  const keepLeft = choice.namesLeft === (side === 'named')
  const [dropFrom, dropTo] = keepLeft ? [choice.or, choice.rightEnd] : [choice.leftStart, choice.rightStart]
  const kept = [...tokens.slice(0, dropFrom), ...tokens.slice(dropTo)]
  return kept.map((k, n) => (n && k.clause ? `, ${k.text}` : k.text)).join(' ')
}

/**
 * @returns the actions of each side of a choice the question leaves open ("cấp lại hay cấp đổi căn
 *   cước"; "bị rách thì đổi hay cấp lại", whose situation names both): both are asked, so the reply asks
 *   which is meant; null when there is none
 */
export const findOpenChoice = ({ tokens, actions }: SettleChoiceOptions): [string[], string[]] | null => {
  const choice = readChoice(tokens, actions)
  return choice && choice.namesLeft === choice.namesRight ? [choice.left, choice.right] : null
}
