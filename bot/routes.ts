/**
 * Citizens' chat over HTTP: the web chat page, its JSON API and the channel webhooks.
 * @module
 */
import { Hono } from 'hono'
import type { AppDeps } from '../api/deps.ts'

export const createChatRoutes = (_deps: AppDeps) => new Hono()
