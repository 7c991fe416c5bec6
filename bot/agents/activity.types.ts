/**
 * The Bot Framework Activity (the protocol Microsoft Teams, Azure Bot Service Web Chat and
 * Direct Line speak) as it arrives at `POST /api/messages`, only the fields trolyso reads and
 * validated with zod, and the message activity trolyso sends back.
 * @module
 */
import { z } from 'zod'

const ZAccount = z
  .object({ id: z.string().min(1).max(1024), name: z.string().nullish(), role: z.string().nullish() })
  .loose()

export const ZActivity = z
  .object({
    type: z.string().min(1),
    id: z.string().min(1).max(1024).nullish(),
    channelId: z.string().min(1).max(100),
    serviceUrl: z.url({ protocol: /^https?$/ }),
    from: ZAccount,
    recipient: ZAccount,
    conversation: z
      .object({
        id: z.string().min(1).max(2048),
        isGroup: z.boolean().nullish(),
        conversationType: z.string().nullish(),
      })
      .loose(),
    timestamp: z.string().max(100).nullish(),
    text: z.string().nullish(),
    locale: z.string().max(50).nullish(),
    value: z.unknown().optional(),
    attachments: z.array(z.unknown()).nullish(),
    membersAdded: z.array(ZAccount).nullish(),
    entities: z
      .array(
        z
          .object({
            type: z.string(),
            text: z.string().nullish(),
            mentioned: z.object({ id: z.string() }).loose().nullish(),
          })
          .loose(),
      )
      .nullish(),
  })
  .loose()

export type Activity = z.infer<typeof ZActivity>
export type ChannelAccount = { id: string; name?: string }

/** A button: open a page, or send the choice id back (`activity.value.choice`) without typing. */
export type CardAction =
  | { type: 'openUrl'; title: string; value: string }
  | { type: 'messageBack'; title: string; text: string; displayText: string; value: { choice: string } }

export const HERO_CARD = 'application/vnd.microsoft.card.hero'

export type HeroCardAttachment = { contentType: typeof HERO_CARD; content: { buttons: CardAction[] } }

/** One message to send: markdown text, a hero card of buttons, or both (the card under the text). */
export type OutgoingMessage = { text?: string; attachments?: HeroCardAttachment[] }

/** The activity posted to the Bot Connector (`from` is the bot, `recipient` the citizen). */
export type OutgoingActivity = {
  type: 'message'
  from: ChannelAccount
  recipient: ChannelAccount
  conversation: Activity['conversation']
  replyToId?: string
  locale?: string
  text?: string
  textFormat?: 'markdown'
  attachments?: HeroCardAttachment[]
}
