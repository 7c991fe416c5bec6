/**
 * Turns reply models into Zalo OA messages: text under Zalo's length limit, and a button
 * template for choices. Clarify options use `oa.query.show` whose payload is the procedure
 * code (the citizen sees the code they picked and the core answers it); feedback and menu use
 * `oa.query.hide` with the core's choice id behind `#`. The official link becomes an
 * `oa.open.url` button on the message after the answer, so an answer costs two messages of
 * the eight the reply window allows.
 * @module
 */
import { parseChoiceId } from '../core/choice-ids.ts'
import type { Choice, Reply } from '../core/reply.types.ts'
import { splitText } from '../core/split-text.ts'

export const ZALO_TEXT_LIMIT = 2000
/** Longer button-template texts go out as a text message before the buttons. */
const TEMPLATE_TEXT_LIMIT = 600
const BUTTON_TITLE_LIMIT = 100
/** Prefix of a hidden button payload that carries a choice id. */
export const CHOICE_PAYLOAD_PREFIX = '#'

export type ZaloButton =
  | { title: string; type: 'oa.open.url'; payload: { url: string } }
  | { title: string; type: 'oa.query.show' | 'oa.query.hide'; payload: string }

export type ZaloMessage =
  | { text: string }
  | {
      text: string
      attachment: { type: 'template'; payload: { template_type: 'button'; buttons: ZaloButton[] } }
    }

const title = (label: string) =>
  label.length <= BUTTON_TITLE_LIMIT ? label : `${label.slice(0, BUTTON_TITLE_LIMIT - 1)}…`

const choiceButton = (choice: Choice): ZaloButton => {
  const parsed = parseChoiceId(choice.id)
  if (parsed?.kind === 'procedure')
    return { title: title(choice.label), type: 'oa.query.show', payload: parsed.code }
  return { title: title(choice.label), type: 'oa.query.hide', payload: CHOICE_PAYLOAD_PREFIX + choice.id }
}

const template = (text: string, buttons: ZaloButton[]): ZaloMessage => ({
  text,
  attachment: { type: 'template', payload: { template_type: 'button', buttons } },
})

/** @returns the messages to send, in order */
export const renderZaloReplies = (replies: Reply[]): ZaloMessage[] => {
  const out: ZaloMessage[] = []
  let link: ZaloButton | null = null
  const flushLink = () => {
    if (link) out.push(template(link.title, [link]))
    link = null
  }
  for (const reply of replies) {
    if (reply.type === 'link') {
      flushLink()
      link = { title: title(reply.label), type: 'oa.open.url', payload: { url: reply.url } }
    } else if (reply.type === 'text') {
      flushLink()
      const heading = reply.procedure ? `${reply.procedure.name} (mã ${reply.procedure.code})\n\n` : ''
      for (const piece of splitText(heading + reply.text, ZALO_TEXT_LIMIT)) out.push({ text: piece })
    } else {
      const buttons = [...(link ? [link] : []), ...reply.choices.map(choiceButton)]
      link = null
      if (reply.text.length <= TEMPLATE_TEXT_LIMIT) out.push(template(reply.text, buttons))
      else {
        for (const piece of splitText(reply.text, ZALO_TEXT_LIMIT)) out.push({ text: piece })
        out.push(template('Bạn chọn:', buttons))
      }
    }
  }
  flushLink()
  return out
}
