/**
 * The three messaging platforms as local fake servers at once (Telegram Bot API, Zalo OA,
 * Bot Framework connector), with the settings that point an app's channels at them, for tests
 * that send the same thing through every channel.
 * @module
 */
import { expect } from 'vitest'
import { botConnectorEnv, type FakeBotConnector, startFakeBotConnector } from './fake-bot-connector.ts'
import {
  type FakeTelegramServer,
  startFakeTelegramServer,
  telegramWebhookEnv,
} from './fake-telegram-server.ts'
import { type FakeZaloServer, startFakeZaloServer, zaloEnv } from './fake-zalo-server.ts'

export type FakeChannels = {
  telegram: FakeTelegramServer
  zalo: FakeZaloServer
  connector: FakeBotConnector
  /** the app's settings for Telegram in webhook mode, Zalo and Bot Framework, against the fakes */
  env: Record<string, string>
  close: () => Promise<void>
}

/**
 * @param telegramSecret the Telegram webhook's secret token
 * @param zaloSecret the Zalo OA's secret key (signs the webhook events)
 */
export const startFakeChannels = async ({
  telegramSecret,
  zaloSecret,
}: {
  telegramSecret: string
  zaloSecret: string
}): Promise<FakeChannels> => {
  const telegram = await startFakeTelegramServer()
  const zalo = await startFakeZaloServer()
  const connector = await startFakeBotConnector()
  return {
    telegram,
    zalo,
    connector,
    env: {
      ...telegramWebhookEnv(telegram, telegramSecret),
      ...zaloEnv(zalo, zaloSecret),
      ...botConnectorEnv(connector),
    },
    close: async () => {
      await Promise.all([telegram.close(), zalo.close(), connector.close()])
    },
  }
}

/**
 * Posts the same webhook event twice, as a platform redelivers it: both are acknowledged with
 * 200, and only the first sends replies (`sent` counts what the fake platform received).
 */
export const expectHandledOnce = async <E>({
  post,
  event,
  sent,
}: {
  post: (event: E) => Response | Promise<Response>
  event: E
  sent: () => number
}) => {
  expect((await post(event)).status).toBe(200)
  const first = sent()
  expect(first).toBeGreaterThan(0)
  expect((await post(event)).status).toBe(200)
  expect(sent()).toBe(first)
}
