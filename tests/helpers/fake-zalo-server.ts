/**
 * A local stand-in for the Zalo OA Open API and OAuth server: a real HTTP server on
 * 127.0.0.1 (random port). `POST /v3.0/oa/message/cs` checks the `access_token` header and
 * answers `{error:0, data:{message_id}}` or `{error:-216, message:'Access token is invalid'}`;
 * `POST /v4/oa/access_token` (form app_id, grant_type=refresh_token, refresh_token; header
 * secret_key) issues a new token pair and retires the old refresh token.
 * @module
 */
import { createHash } from 'node:crypto'
import { createServer } from 'node:http'
import { listenOnLoopback } from './listen-on-loopback.ts'
import { readBody } from './read-body.ts'

export type ZaloSent = { userId: string; message: Record<string, unknown>; accessToken: string }

export type FakeZaloServer = {
  baseUrl: string
  appId: string
  appSecret: string
  /** Currently valid tokens. */
  tokens: { accessToken: string; refreshToken: string }
  /** Messages accepted (error 0). */
  sent: ZaloSent[]
  /** Every request: path and the error code answered. */
  requests: { path: string; error: number }[]
  /** Forgets what was sent and requested so far (between tests). */
  forget: () => void
  /** The current access token stops working (Zalo answers -216 until refreshed). */
  expireAccessToken: () => void
  close: () => Promise<void>
}

export const startFakeZaloServer = async ({
  appId = '4321987650001',
  appSecret = 'app-secret-XYZ',
  accessToken = 'access-token-1',
  refreshToken = 'refresh-token-1',
} = {}): Promise<FakeZaloServer> => {
  const tokens = { accessToken, refreshToken }
  let generation = 1
  let messageId = 1
  const sent: ZaloSent[] = []
  const requests: { path: string; error: number }[] = []

  const server = createServer(async (req, res) => {
    const raw = await readBody(req)
    const reply = (error: number, body: Record<string, unknown>) => {
      requests.push({ path: req.url ?? '', error })
      res.writeHead(200, { 'content-type': 'application/json' })
      res.end(JSON.stringify(body))
    }
    if (req.method === 'POST' && req.url === '/v3.0/oa/message/cs') {
      const token = req.headers['access_token']
      if (token !== tokens.accessToken)
        return reply(-216, { error: -216, message: 'Access token is invalid' })
      let body: { recipient?: { user_id?: string }; message?: Record<string, unknown> }
      try {
        body = JSON.parse(raw)
      } catch {
        return reply(-201, { error: -201, message: 'Parameters are invalid' })
      }
      if (!body.recipient?.user_id || !body.message)
        return reply(-201, { error: -201, message: 'Parameters are invalid' })
      sent.push({ userId: body.recipient.user_id, message: body.message, accessToken: String(token) })
      const id = `msg-${messageId++}`
      return reply(0, {
        error: 0,
        message: 'Success',
        data: { message_id: id, user_id: body.recipient.user_id },
      })
    }
    if (req.method === 'POST' && req.url === '/v4/oa/access_token') {
      const form = new URLSearchParams(raw)
      const valid =
        req.headers['secret_key'] === appSecret &&
        form.get('app_id') === appId &&
        form.get('grant_type') === 'refresh_token' &&
        form.get('refresh_token') === tokens.refreshToken
      if (!valid)
        return reply(-14014, {
          error: -14014,
          error_name: 'Invalid refresh token',
          error_description: 'Invalid refresh token',
        })
      generation += 1
      tokens.accessToken = `access-token-${generation}`
      tokens.refreshToken = `refresh-token-${generation}`
      return reply(0, {
        access_token: tokens.accessToken,
        refresh_token: tokens.refreshToken,
        expires_in: '90000',
      })
    }
    reply(-404, { error: -404, message: 'Not found' })
  })
  const baseUrl = await listenOnLoopback(server)
  return {
    baseUrl,
    appId,
    appSecret,
    tokens,
    sent,
    requests,
    forget: () => {
      sent.length = 0
      requests.length = 0
    },
    expireAccessToken: () => {
      tokens.accessToken = `expired-${tokens.accessToken}`
    },
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections()
        server.close(() => resolve())
      }),
  }
}

/** The settings that point the app's Zalo channel at the fake. */
export const zaloEnv = (fake: FakeZaloServer, oaSecretKey: string) => ({
  ZALO_APP_ID: fake.appId,
  ZALO_APP_SECRET: fake.appSecret,
  ZALO_OA_SECRET_KEY: oaSecretKey,
  ZALO_ACCESS_TOKEN: fake.tokens.accessToken,
  ZALO_REFRESH_TOKEN: fake.tokens.refreshToken,
  ZALO_API_BASE: fake.baseUrl,
  ZALO_OAUTH_BASE: fake.baseUrl,
})

/**
 * The `X-ZEvent-Signature` header Zalo sends with a webhook event: `mac=` and the hex
 * sha256 of the app id, the raw body, the event's timestamp and the OA secret key, in that order.
 */
export const zaloSignature = ({
  appId,
  raw,
  timestamp,
  oaSecretKey,
}: {
  appId: string
  raw: string
  timestamp: string
  oaSecretKey: string
}) =>
  `mac=${createHash('sha256')
    .update(appId + raw + timestamp + oaSecretKey)
    .digest('hex')}`
