/**
 * The question that follows every answer, with its two buttons (useful, not useful); their ids
 * carry the interaction the feedback is about.
 * @module
 */
import { feedbackChoiceId } from './choice-ids.ts'
import { messages } from './messages.ts'
import type { Reply } from './reply.types.ts'

export const feedbackQuestion = (interactionId: string): Reply => ({
  type: 'choices',
  purpose: 'feedback',
  text: messages.feedbackQuestion,
  choices: [
    { id: feedbackChoiceId(true, interactionId), label: messages.feedbackUseful },
    { id: feedbackChoiceId(false, interactionId), label: messages.feedbackNotUseful },
  ],
})
