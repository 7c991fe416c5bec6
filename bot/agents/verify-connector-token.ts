/**
 * Authenticates a request from the Bot Connector service, following "Authentication with the
 * Bot Connector API" (connector → bot) and the Bot Framework SDK's ChannelValidation:
 * `Authorization: Bearer <JWT>`, RS256, signed by a key from the Bot Connector's OpenID
 * metadata, issuer `https://api.botframework.com`, audience the bot's Microsoft App ID, not
 * expired (5 minutes of clock skew), a `serviceurl` claim (that is its name on the wire) equal
 * to the activity's `serviceUrl`, and, when the signing key lists endorsements, the
 * activity's `channelId` among them. The serviceUrl check matters most: replies carry the
 * bot's own token to that URL.
 *
 * Not accepted: Bot Framework Emulator tokens and Entra ID-issued tokens (issuers
 * `https://sts.windows.net/{tenant}/`, `https://login.microsoftonline.com/{tenant}/v2.0`). The
 * Microsoft 365 Agents SDK accepts the latter, but without any serviceUrl binding; see the README.
 * @module
 */
import { decodeProtectedHeader, jwtVerify } from 'jose'
import type { OpenIdKeys } from './openid-keys.ts'

export const BOT_CONNECTOR_ISSUER = 'https://api.botframework.com'
const CLOCK_SKEW_SECONDS = 5 * 60

export type VerifyResult = { ok: true } | { ok: false; status: 401 | 503; reason: string }

export type VerifyConnectorToken = (
  authorization: string | undefined,
  activity: { serviceUrl?: unknown; channelId?: unknown },
) => Promise<VerifyResult>

const reject = (reason: string): VerifyResult => ({ ok: false, status: 401, reason })

/**
 * @param options.appId the bot's Microsoft App ID (the token's audience)
 * @param options.keys the Bot Connector's signing keys
 * @returns a verifier; it never throws
 */
export const createConnectorTokenVerifier = ({
  appId,
  keys,
  clock = Date.now,
}: {
  appId: string
  keys: OpenIdKeys
  clock?: () => number
}): VerifyConnectorToken =>
  async function verifyConnectorToken(authorization, activity) {
    const token = /^Bearer\s+(\S+)$/i.exec(authorization?.trim() ?? '')?.[1]
    if (!token) return reject('no bearer token')
    let kid: string | undefined
    try {
      const header = decodeProtectedHeader(token)
      if (header.alg !== 'RS256') return reject(`algorithm ${String(header.alg)} is not RS256`)
      kid = header.kid
    } catch {
      return reject('malformed token')
    }
    if (!kid) return reject('token has no key id')
    let signing: Awaited<ReturnType<OpenIdKeys['find']>>
    try {
      signing = await keys.find(kid)
    } catch {
      return { ok: false, status: 503, reason: 'signing keys unavailable' }
    }
    if (!signing) return reject('unknown signing key')
    let serviceUrlClaim: unknown
    try {
      const { payload } = await jwtVerify(token, signing.key, {
        algorithms: ['RS256'],
        issuer: BOT_CONNECTOR_ISSUER,
        audience: appId,
        clockTolerance: CLOCK_SKEW_SECONDS,
        requiredClaims: ['exp'],
        currentDate: new Date(clock()),
      })
      serviceUrlClaim = payload['serviceurl']
    } catch (error) {
      return reject((error as { code?: string }).code ?? 'invalid token')
    }
    if (typeof activity.serviceUrl !== 'string' || serviceUrlClaim !== activity.serviceUrl)
      return reject('serviceurl claim does not match the activity')
    if (signing.endorsements?.length && !signing.endorsements.includes(String(activity.channelId)))
      return reject('signing key does not endorse the channel')
    return { ok: true }
  }
