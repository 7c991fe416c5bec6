/**
 * A local stand-in for everything a Bot Framework bot talks to, on one real HTTP server on
 * 127.0.0.1 (random port):
 * - the Bot Connector's OpenID metadata (`/v1/.well-known/openidconfiguration`) and its JWKS
 *   (`/v1/.well-known/keys`, RSA keys generated here with jose, each with `endorsements`);
 * - the Entra token endpoint (`POST /{tenant}/oauth2/v2.0/token`), which checks the form
 *   (grant_type=client_credentials, client id and secret, the Bot Connector scope) and issues
 *   opaque access tokens;
 * - the Connector itself under a service URL (`{baseUrl}/amer/`): `POST
 *   /amer/v3/conversations/{id}/activities[/{replyToId}]` checks the bearer token, records the
 *   activity and answers `{ id }`; it can be told to fail the next calls (429 with
 *   Retry-After, 503, 404, …), and `expireAccessTokens()` makes it answer 401 to every token
 *   issued so far.
 * `setMetadataAvailable(false)` takes the metadata document down (503).
 * `signToken()` mints the JWT the Bot Connector would put in front of an activity; its options
 * forge every kind of bad token.
 * @module
 */
import { randomBytes } from 'node:crypto'
import { createServer } from 'node:http'
import { exportJWK, generateKeyPair, type JWTPayload, SignJWT } from 'jose'
import { listenOnLoopback } from './listen-on-loopback.ts'
import { readBody } from './read-body.ts'

export type ConnectorSent = {
  conversationId: string
  replyToId: string | null
  activity: Record<string, unknown>
}

export type FakeRequest = { path: string; status: number }

export type SignTokenOptions = {
  /** The activity's service URL for the `serviceurl` claim (default: the fake's). */
  serviceUrl?: string | null
  issuer?: string
  audience?: string
  /** Seconds from now; negative for an expired token. */
  expiresIn?: number
  /** Sign with a key that is not published (its kid is unknown, or `kid` overrides it). */
  key?: 'published' | 'unpublished' | 'teams-only'
  kid?: string
  claims?: JWTPayload
}

export type FakeBotConnector = {
  baseUrl: string
  /** Service URL to put in activities (ends with a slash, like the real ones). */
  serviceUrl: string
  openIdUrl: string
  loginUrl: string
  appId: string
  appPassword: string
  /** Messages the Connector accepted. */
  sent: ConnectorSent[]
  /** Every request to the token endpoint and the Connector, with the status answered. */
  requests: FakeRequest[]
  /** Forgets the messages sent and the requests so far (between tests). */
  forget: () => void
  /** Forms posted to the token endpoint. */
  tokenRequests: URLSearchParams[]
  /** How many times the metadata and the key set were fetched. */
  fetches: { metadata: number; keys: number }
  signToken: (options?: SignTokenOptions) => Promise<string>
  /** The next `times` Connector calls answer `status` (with Retry-After when given). */
  failNext: (status: number, options?: { times?: number; retryAfter?: string }) => void
  /** Every access token issued so far stops working (the Connector answers 401). */
  expireAccessTokens: () => void
  /** While false, the metadata document answers 503 (the login service is down). */
  setMetadataAvailable: (available: boolean) => void
  /** Publishes a new signing key (old ones stay) and returns its kid; `signToken({ kid })` uses it. */
  rotateKeys: () => Promise<string>
  close: () => Promise<void>
}

const ISSUER = 'https://api.botframework.com'
const SCOPE = 'https://api.botframework.com/.default'

type Signer = { kid: string; privateKey: CryptoKey; jwk: Record<string, unknown> }

const newSigner = async (kid: string, endorsements: string[]): Promise<Signer> => {
  const { publicKey, privateKey } = await generateKeyPair('RS256', { extractable: true })
  const jwk = { ...(await exportJWK(publicKey)), kid, use: 'sig', endorsements }
  return { kid, privateKey, jwk }
}

const ALL_CHANNELS = ['msteams', 'webchat', 'directline', 'emulator']

export const startFakeBotConnector = async ({
  appId = '2f6c1a52-8b1e-4e5b-9d6a-3c1f0a9e7b11',
  appPassword = 'client-secret~ABC.123',
  tenant = 'botframework.com',
} = {}): Promise<FakeBotConnector> => {
  const signers = new Map<string, Signer>()
  const published = await newSigner('key-1', ALL_CHANNELS)
  const teamsOnly = await newSigner('key-teams', ['msteams'])
  const unpublished = await newSigner('key-unpublished', ALL_CHANNELS)
  signers.set(published.kid, published)
  signers.set(teamsOnly.kid, teamsOnly)
  let rotations = 1

  const validTokens = new Set<string>()
  const sent: ConnectorSent[] = []
  const requests: FakeRequest[] = []
  const tokenRequests: URLSearchParams[] = []
  const fetches = { metadata: 0, keys: 0 }
  const failures: { status: number; retryAfter?: string }[] = []
  let activityNumber = 1
  let metadataAvailable = true

  const server = createServer(async (req, res) => {
    const raw = await readBody(req)
    const path = (req.url ?? '').split('?')[0] ?? ''
    const json = (status: number, body: unknown, headers: Record<string, string> = {}) => {
      res.writeHead(status, { 'content-type': 'application/json', ...headers })
      res.end(JSON.stringify(body))
    }
    const record = (status: number) => requests.push({ path, status })

    if (req.method === 'GET' && path === '/v1/.well-known/openidconfiguration') {
      fetches.metadata += 1
      if (!metadataAvailable) return json(503, { error: 'temporarily_unavailable' })
      return json(200, {
        issuer: ISSUER,
        authorization_endpoint: 'https://invalid.botframework.com',
        jwks_uri: `${baseUrl}/v1/.well-known/keys`,
        id_token_signing_alg_values_supported: ['RS256'],
        token_endpoint_auth_methods_supported: ['private_key_jwt'],
      })
    }
    if (req.method === 'GET' && path === '/v1/.well-known/keys') {
      fetches.keys += 1
      return json(200, { keys: [...signers.values()].map((s) => s.jwk) })
    }
    if (req.method === 'POST' && path === `/${tenant}/oauth2/v2.0/token`) {
      const form = new URLSearchParams(raw)
      tokenRequests.push(form)
      const valid =
        req.headers['content-type']?.startsWith('application/x-www-form-urlencoded') &&
        form.get('grant_type') === 'client_credentials' &&
        form.get('client_id') === appId &&
        form.get('client_secret') === appPassword &&
        form.get('scope') === SCOPE
      if (!valid) {
        record(401)
        return json(401, {
          error: 'invalid_client',
          error_description: 'AADSTS7000215: Invalid client secret.',
        })
      }
      const token = `access-${randomBytes(12).toString('hex')}`
      validTokens.add(token)
      record(200)
      return json(200, { token_type: 'Bearer', expires_in: 3599, ext_expires_in: 3599, access_token: token })
    }
    const activities = /^\/amer\/v3\/conversations\/([^/]+)\/activities(?:\/([^/]+))?$/.exec(path)
    if (req.method === 'POST' && activities) {
      const token = /^Bearer (.+)$/.exec(req.headers.authorization ?? '')?.[1]
      if (!token || !validTokens.has(token)) {
        record(401)
        return json(401, { message: 'Authorization has been denied for this request.' })
      }
      const failure = failures.shift()
      if (failure) {
        record(failure.status)
        return json(
          failure.status,
          { error: { code: 'ServiceError', message: `Fake failure ${failure.status}` } },
          failure.retryAfter === undefined ? {} : { 'retry-after': failure.retryAfter },
        )
      }
      let activity: Record<string, unknown>
      try {
        activity = JSON.parse(raw) as Record<string, unknown>
      } catch {
        record(400)
        return json(400, { error: { code: 'BadArgument', message: 'Invalid JSON' } })
      }
      record(201)
      sent.push({
        conversationId: decodeURIComponent(activities[1] ?? ''),
        replyToId: activities[2] ? decodeURIComponent(activities[2]) : null,
        activity,
      })
      return json(201, { id: `bot-activity-${activityNumber++}` })
    }
    record(404)
    json(404, { error: { code: 'NotFound', message: 'Not found' } })
  })
  const baseUrl = await listenOnLoopback(server)
  const serviceUrl = `${baseUrl}/amer/`

  return {
    baseUrl,
    serviceUrl,
    openIdUrl: `${baseUrl}/v1/.well-known/openidconfiguration`,
    loginUrl: baseUrl,
    appId,
    appPassword,
    sent,
    requests,
    forget: () => {
      sent.length = 0
      requests.length = 0
    },
    tokenRequests,
    fetches,
    signToken: async (options = {}) => {
      const signer =
        options.key === 'unpublished'
          ? unpublished
          : options.key === 'teams-only'
            ? teamsOnly
            : (signers.get(options.kid ?? published.kid) ?? published)
      const now = Math.floor(Date.now() / 1000)
      const serviceUrlClaim = options.serviceUrl === undefined ? serviceUrl : options.serviceUrl
      return new SignJWT({
        ...(serviceUrlClaim === null ? {} : { serviceurl: serviceUrlClaim }),
        ...options.claims,
      })
        .setProtectedHeader({ alg: 'RS256', typ: 'JWT', kid: options.kid ?? signer.kid, x5t: signer.kid })
        .setIssuer(options.issuer ?? ISSUER)
        .setAudience(options.audience ?? appId)
        .setNotBefore(now - 60)
        .setIssuedAt(now - 60)
        .setExpirationTime(now + (options.expiresIn ?? 3600))
        .sign(signer.privateKey)
    },
    failNext: (status, { times = 1, retryAfter } = {}) => {
      for (let i = 0; i < times; i++)
        failures.push(retryAfter === undefined ? { status } : { status, retryAfter })
    },
    expireAccessTokens: () => validTokens.clear(),
    setMetadataAvailable: (available) => {
      metadataAvailable = available
    },
    rotateKeys: async () => {
      rotations += 1
      const signer = await newSigner(`key-${rotations}`, ALL_CHANNELS)
      signers.set(signer.kid, signer)
      return signer.kid
    },
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections()
        server.close(() => resolve())
      }),
  }
}

/** The settings that point the app's Bot Framework endpoint at the fake connector. */
export const botConnectorEnv = (fake: FakeBotConnector) => ({
  MICROSOFT_APP_ID: fake.appId,
  MICROSOFT_APP_PASSWORD: fake.appPassword,
  BOTFRAMEWORK_OPENID_URL: fake.openIdUrl,
  MICROSOFT_LOGIN_URL: fake.loginUrl,
})
