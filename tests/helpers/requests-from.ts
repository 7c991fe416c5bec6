/**
 * Requests to an in-process app as one client address sends them (the address the HTTP rate
 * limits key on), and the statuses of requests sent one after another.
 * @module
 */
import type { TestApp } from './create-test-app.ts'

/** An app answering requests in process (`createApp`, or a test app's `app`). */
export type InProcessApp = { request: TestApp['app']['request'] }

/** One request to the app as if its socket came from `address`. */
export const requestFrom = (app: InProcessApp, address: string, path: string, init: RequestInit = {}) =>
  Promise.resolve(app.request(path, init, { incoming: { socket: { remoteAddress: address } } }))

/** A JSON POST of `body`, with more headers when given. */
export const postJson = (body: unknown, headers: Record<string, string> = {}): RequestInit => ({
  method: 'POST',
  headers: { 'content-type': 'application/json', ...headers },
  body: JSON.stringify(body),
})

/** The statuses of `count` requests sent one after another; `send(i)` sends the i-th. */
export const statusesInTurn = async (count: number, send: (i: number) => Promise<Response>) => {
  const statuses: number[] = []
  for (let i = 0; i < count; i += 1) statuses.push((await send(i)).status)
  return statuses
}
