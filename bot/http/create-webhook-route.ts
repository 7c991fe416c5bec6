/**
 * The one skeleton every channel webhook follows: limit the body, require the channel's
 * authentication header, parse the JSON, let the channel verify and read it, de-duplicate by
 * its event keys (`processed_events`, shared by every process), acknowledge at once and hand
 * the event to the channel to process in the background. Refusals are the one error body.
 * @module
 */
import { type Context, Hono, type MiddlewareHandler } from 'hono'
import type { ContentfulStatusCode } from 'hono/utils/http-status'
import { errorBody } from '../../contracts/errors.ts'
import { limitBodySize } from '../../platform/http/limit-body.ts'
import type { SeenEvents } from '../core/seen-events.ts'

/** What a channel makes of a request: refuse it, acknowledge it without work, or accept an event. */
export type WebhookVerdict<E> =
  | { refuse: { status: ContentfulStatusCode; code: string; message: string } }
  | { ignore: true }
  | { event: E; keys: string[] }

/** @returns the verdict that refuses a request with the one error body */
export const refuse = (status: ContentfulStatusCode, code: string, message: string) => ({
  refuse: { status, code, message },
})

export type WebhookRouteOptions<E> = {
  path: string
  /** its OpenAPI description */
  operation: MiddlewareHandler
  maxBytes: number
  tooLargeMessage: string
  /**
   * the header that must be present (and, when `matches` is given, right) before the body is
   * read, and the message of the 401 when it is not
   */
  requiredHeader: { name: string; message: string; matches?: (value: string) => boolean }
  /** verifies the request (signature, token, secret) and reads the event from the parsed JSON */
  verify: (input: {
    c: Context
    header: string
    rawBody: string
    json: unknown
  }) => Promise<WebhookVerdict<E>>
  /** each key is recorded once; the first already seen makes the request a duplicate */
  seen: SeenEvents
  /** starts processing the event (a queue, or the channel's own handler); awaited only as long as it takes */
  process: (c: Context, event: E) => Promise<Response | undefined> | undefined
  /** the channel's acknowledgement */
  acknowledge: (c: Context, duplicate: boolean) => Response
}

/** @returns a Hono app serving `POST path` */
export const createWebhookRoute = <E>({
  path,
  operation,
  maxBytes,
  tooLargeMessage,
  requiredHeader,
  verify,
  seen,
  process,
  acknowledge,
}: WebhookRouteOptions<E>) =>
  new Hono().post(
    path,
    operation,
    limitBodySize({
      maxSize: maxBytes,
      onError: (c) => c.json(errorBody('PAYLOAD_TOO_LARGE', tooLargeMessage), 413),
    }),
    async function webhook(c) {
      const header = c.req.header(requiredHeader.name)
      if (!header || (requiredHeader.matches && !requiredHeader.matches(header)))
        return c.json(errorBody('UNAUTHORIZED', requiredHeader.message), 401)
      const rawBody = await c.req.text()
      let json: unknown
      try {
        json = JSON.parse(rawBody)
      } catch {
        return c.json(errorBody('BAD_REQUEST', 'Malformed JSON body.'), 400)
      }
      const verdict = await verify({ c, header, rawBody, json })
      if ('refuse' in verdict) {
        const { status, code, message } = verdict.refuse
        return c.json(errorBody(code, message), status)
      }
      if ('ignore' in verdict) return acknowledge(c, false)
      for (const key of verdict.keys) if (!(await seen.firstTime(key))) return acknowledge(c, true)
      return (await process(c, verdict.event)) ?? acknowledge(c, false)
    },
  )
