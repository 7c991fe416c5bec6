/**
 * What a Bot Framework activity asks of the conversation core. A `message` with text is a
 * question; its `value` (a tapped `messageBack`/`postBack` button: `{ choice }` or the bare
 * choice id) is a choice; a message with only attachments gets the "text only" reply. A
 * `conversationUpdate` that adds members is a welcome: in a personal chat for the bot or the
 * citizen being added, in a group chat or Teams channel only for the bot itself. Everything
 * else (typing, invoke, messageReaction, installationUpdate, …) is ignored.
 *
 * The citizen's id is a digest of channelId + conversation id + sender id: stable per user per
 * conversation, bounded in length, and no platform id lands in the database.
 * @module
 */
import { createHash } from 'node:crypto'
import { parseChoiceId } from '../core/choice-ids.ts'
import type { Incoming } from '../core/reply.types.ts'
import type { Activity } from './activity.types.ts'

export type ActivityAction =
  | { kind: 'incoming'; userId: string; incoming: Omit<Incoming, 'channel' | 'userId'> }
  | { kind: 'non_text'; userId: string }
  /** `once`: welcome a personal conversation only the first time (Web Chat adds bot and user separately). */
  | { kind: 'welcome'; userId: string; once: boolean }

const digest = (...parts: string[]) =>
  createHash('sha256').update(parts.join('\n')).digest('base64url').slice(0, 32)

/** @returns the conversation core's user id for one account in the activity's conversation */
export const agentsUserId = (activity: Activity, accountId: string) =>
  digest(activity.channelId, activity.conversation.id, accountId)

/** @returns a short key naming the activity's conversation (queues, de-duplication) */
export const conversationKey = (activity: Activity) => digest(activity.channelId, activity.conversation.id)

const choiceOf = (value: unknown): string | null => {
  if (typeof value === 'string') return parseChoiceId(value) ? value : null
  if (typeof value === 'object' && value !== null) {
    const choice = (value as { choice?: unknown }).choice
    if (typeof choice === 'string') return choice
  }
  return null
}

/** Teams puts `<at>Bot name</at>` in the text of group and channel messages; drop the bot's own mention. */
const textWithoutBotMention = (activity: Activity) => {
  let text = activity.text ?? ''
  for (const entity of activity.entities ?? [])
    if (entity.type === 'mention' && entity.mentioned?.id === activity.recipient.id && entity.text)
      text = text.replace(entity.text, ' ')
  return text.replace(/\s+/g, ' ').trim()
}

const isGroup = (activity: Activity) =>
  activity.conversation.isGroup === true ||
  activity.conversation.conversationType === 'channel' ||
  activity.conversation.conversationType === 'groupChat'

/** @returns what to do for the activity, or null to acknowledge and ignore it */
export const mapActivity = (activity: Activity): ActivityAction | null => {
  if (activity.type === 'message') {
    const userId = agentsUserId(activity, activity.from.id)
    const choice = choiceOf(activity.value)
    if (choice !== null) return { kind: 'incoming', userId, incoming: { choice } }
    const text = textWithoutBotMention(activity)
    if (!text && (activity.attachments?.length ?? 0) > 0) return { kind: 'non_text', userId }
    return { kind: 'incoming', userId, incoming: { text } }
  }
  if (activity.type === 'conversationUpdate') {
    const added = activity.membersAdded ?? []
    if (added.length === 0) return null
    const botAdded = added.some((member) => member.id === activity.recipient.id)
    if (isGroup(activity))
      return botAdded
        ? { kind: 'welcome', userId: agentsUserId(activity, activity.from.id), once: false }
        : null
    const citizen = added.find((member) => member.id !== activity.recipient.id) ?? activity.from
    return { kind: 'welcome', userId: agentsUserId(activity, citizen.id), once: true }
  }
  return null
}
