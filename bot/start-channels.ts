/**
 * Starts the chat channels that need a process of their own (Telegram long polling when no
 * public URL is configured). Webhook channels are mounted by bot/routes.ts.
 * @module
 */
import type { Hono } from 'hono'
import type { AppDeps } from '../api/deps.ts'

export type RunningChannels = { stop: () => Promise<void> }

export const startChannels = async (_deps: AppDeps, _app: Hono): Promise<RunningChannels> => ({
  stop: async () => {},
})
