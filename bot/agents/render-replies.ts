/**
 * Turns reply models into Bot Framework messages: escaped Markdown text (a procedure heading
 * in bold) split under the length limit, and a hero card (`application/vnd.microsoft.card.hero`)
 * for buttons. Choices become `messageBack` buttons whose value carries the core's choice id
 * (`{ choice: 'p:1.014064' }`), so a tap comes back as `activity.value` while the chat shows
 * the label; the official link is an `openUrl` button. Teams renders hero cards but not
 * suggested actions in every scope, so only cards are used. A link rides on the message before
 * it (the answer), choices on their own question, so an answer costs two messages.
 * @module
 */
import { MAX_CHOICES, type Reply } from '../core/reply.types.ts'
import {
  type CardAction,
  HERO_CARD,
  type HeroCardAttachment,
  type OutgoingMessage,
} from './activity.types.ts'
import { boldMarkdown, replyMarkdown, splitText, toMarkdown } from './format-markdown.ts'

const BUTTON_TITLE_LIMIT = 80

const title = (label: string) =>
  label.length <= BUTTON_TITLE_LIMIT ? label : `${label.slice(0, BUTTON_TITLE_LIMIT - 1)}…`

const heroCard = (buttons: CardAction[]): HeroCardAttachment => ({
  contentType: HERO_CARD,
  content: { buttons },
})

const choiceButton = ({ id, label }: { id: string; label: string }): CardAction => ({
  type: 'messageBack',
  title: title(label),
  text: label,
  displayText: label,
  value: { choice: id },
})

/** @returns the messages to send, in order */
export const renderAgentsReplies = (replies: Reply[]): OutgoingMessage[] => {
  const out: OutgoingMessage[] = []
  /** The last message, while it has no card yet: a following link button joins it. */
  let open: OutgoingMessage | null = null
  for (const reply of replies) {
    if (reply.type === 'text' && reply.body) {
      const heading = reply.procedure
        ? `${boldMarkdown(`${reply.procedure.name} (mã ${reply.procedure.code})`)}\n\n`
        : ''
      const markdown = `${heading}${replyMarkdown(reply.body, { followUp: reply.followUp ?? false, withLink: !reply.procedure?.url })}`
      // Cut between paragraphs or list items, never inside one.
      for (const piece of splitText(markdown)) {
        open = { text: piece }
        out.push(open)
      }
    } else if (reply.type === 'text') {
      const heading = reply.procedure ? `${reply.procedure.name} (mã ${reply.procedure.code})` : null
      for (const [i, piece] of splitText(reply.text).entries()) {
        const text =
          i === 0 && heading ? `${boldMarkdown(heading)}\n\n${toMarkdown(piece)}` : toMarkdown(piece)
        open = { text }
        out.push(open)
      }
    } else if (reply.type === 'link') {
      const button: CardAction = { type: 'openUrl', title: title(reply.label), value: reply.url }
      if (open) open.attachments = [heroCard([button])]
      else out.push({ attachments: [heroCard([button])] })
      open = null
    } else {
      const pieces = splitText(reply.text)
      const last = pieces.pop()
      for (const piece of pieces) out.push({ text: toMarkdown(piece) })
      const card = heroCard(reply.choices.slice(0, MAX_CHOICES).map(choiceButton))
      out.push(last ? { text: toMarkdown(last), attachments: [card] } : { attachments: [card] })
      open = null
    }
  }
  return out
}
