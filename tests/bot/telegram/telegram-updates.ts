/**
 * Telegram updates as the Bot API delivers them, for webhook and polling tests.
 * @module
 */
let nextId = 1000

const user = (chatId: number) => ({ id: chatId, is_bot: false, first_name: 'Lan', language_code: 'vi' })
const chat = (chatId: number) => ({ id: chatId, type: 'private', first_name: 'Lan' })

/** A message update from the citizen `chatId` in their private chat, with the message's own fields. */
const messageUpdate = (chatId: number, fields: Record<string, unknown>) => {
  const id = nextId++
  return {
    update_id: id,
    message: {
      message_id: id,
      date: Math.floor(Date.now() / 1000),
      chat: chat(chatId),
      from: user(chatId),
      ...fields,
    },
  }
}

export const textUpdate = (chatId: number, text: string) => {
  const command = /^\/\w+/.exec(text)?.[0]
  return messageUpdate(chatId, {
    text,
    ...(command ? { entities: [{ type: 'bot_command', offset: 0, length: command.length }] } : {}),
  })
}

export const callbackUpdate = (chatId: number, data: string) => {
  const id = nextId++
  return {
    update_id: id,
    callback_query: {
      id: String(id),
      from: user(chatId),
      chat_instance: `ci-${chatId}`,
      data,
      message: { message_id: 1, date: Math.floor(Date.now() / 1000), chat: chat(chatId), text: '…' },
    },
  }
}

export const stickerUpdate = (chatId: number) =>
  messageUpdate(chatId, {
    sticker: {
      file_id: 'CAACAgIAAxkBAAE',
      file_unique_id: 'AgADAgAD',
      type: 'regular',
      width: 512,
      height: 512,
      is_animated: false,
      is_video: false,
    },
  })
