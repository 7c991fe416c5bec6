/**
 * Whether the procedure that fits the question's action names an object of its own that the question
 * typed: "vneid sai quê quán, điều chỉnh thông tin dân cư" fits "Điều chỉnh thông tin trong Cơ sở dữ
 * liệu quốc gia về dân cư", which holds the rare pair "dân cư" the citizen typed, while the better-worded
 * name about the electronic identity account does not hold it. Passing over the better-worded name then
 * loses no object the question named alone: both are objects of the question, so it asks which is meant
 * instead of saying the records hold neither.
 * @module
 */
import { holdsRequestTopic, requestTopics } from './holds-request-topic.ts'

export type NamesOwnTopicOptions = {
  /** The name that fits the question's action. */
  fitting: string
  /** The better-worded name whose action the question does not ask. */
  better: string
  /** The question's folded words as typed and their word pairs ("dan_cu"). */
  typed: readonly string[]
  pairs: readonly string[]
  /** Words of the fit model's phrases in the question (its action): pairs of them name no object. */
  phraseWords: ReadonlySet<string>
  wordShare: (folded: string) => number
}

/** How many words after the action its object may start ("điều chỉnh thông tin dân cư"). */
const NEAR = 4

/** Whether the pair starts within {@link NEAR} words after an action word the citizen typed. */
const followsAction = (pair: string, typed: readonly string[], phraseWords: ReadonlySet<string>): boolean => {
  const [a, b] = pair.split('_')
  for (let at = 1; at + 1 < typed.length; at++) {
    if (typed[at] !== a || typed[at + 1] !== b) continue
    for (let k = Math.max(0, at - NEAR); k < at; k++) if (phraseWords.has(typed[k] ?? '')) return true
  }
  return false
}

/**
 * @returns whether the fitting name holds a rare pair the citizen typed just after the action, of no
 *   action word, that the better one lacks (a pair told elsewhere in a story, "khóa học yoga", is no object of the action)
 */
export const namesOwnTopic = ({
  fitting,
  better,
  typed,
  pairs,
  phraseWords,
  wordShare,
}: NamesOwnTopicOptions): boolean =>
  requestTopics(
    pairs.filter(
      (p) => !p.split('_').some((w) => phraseWords.has(w)) && followsAction(p, typed, phraseWords),
    ),
    typed,
    wordShare,
  ).some((p) => holdsRequestTopic(fitting, [p]) && !holdsRequestTopic(better, [p]))
