/**
 * The Bot Connector's token-signing keys: the OpenID metadata document
 * (`https://login.botframework.com/v1/.well-known/openidconfiguration`) names a `jwks_uri`
 * whose JWKs carry, besides the RSA key, the `endorsements` (channel ids) each key may sign
 * for. Keys are cached for a day like the Bot Framework SDK does; an unknown `kid` (a key
 * rotation) refetches them, at most once per cooldown so forged kids cannot hammer the
 * metadata service. When the service is down, cached keys keep working.
 * @module
 */
import { importJWK } from 'jose'
import { z } from 'zod'
import type { Logger } from '../../platform/logger.ts'

export type SigningKey = { key: CryptoKey | Uint8Array; endorsements: string[] | null }

export type OpenIdKeys = {
  /**
   * @returns the key with that id, or null when the published keys do not have it
   * @throws Error while no keys could be loaded yet (the caller answers 503)
   */
  find: (kid: string) => Promise<SigningKey | null>
}

export type OpenIdKeysOptions = {
  metadataUrl: string
  log: Logger
  clock?: () => number
  timeoutMs?: number
  /** Reload the keys after this long. */
  maxAgeMs?: number
  /** An unknown kid reloads the keys only if the last attempt is older than this. */
  cooldownMs?: number
  /** While no keys were ever loaded, retry the metadata service at most this often. */
  retryUnavailableMs?: number
}

const ZMetadata = z.object({ jwks_uri: z.url({ protocol: /^https?$/ }) }).loose()
const ZJwks = z.object({
  keys: z.array(
    z
      .object({
        kty: z.string(),
        kid: z.string().optional(),
        use: z.string().optional(),
        n: z.string().optional(),
        e: z.string().optional(),
        endorsements: z.array(z.string()).optional(),
      })
      .loose(),
  ),
})

export const createOpenIdKeys = ({
  metadataUrl,
  log,
  clock = Date.now,
  timeoutMs = 10_000,
  maxAgeMs = 24 * 60 * 60 * 1000,
  cooldownMs = 5 * 60 * 1000,
  retryUnavailableMs = 30 * 1000,
}: OpenIdKeysOptions): OpenIdKeys => {
  let keys: Map<string, SigningKey> | null = null
  let loadedAt = Number.NEGATIVE_INFINITY
  let attemptedAt = Number.NEGATIVE_INFINITY
  let loading: Promise<void> | null = null

  const getJson = async (url: string) => {
    const response = await fetch(url, { signal: AbortSignal.timeout(timeoutMs) })
    if (!response.ok) throw new Error(`GET ${url}: HTTP ${response.status}`)
    return (await response.json()) as unknown
  }

  const load = async () => {
    attemptedAt = clock()
    const metadata = ZMetadata.parse(await getJson(metadataUrl))
    const jwks = ZJwks.parse(await getJson(metadata.jwks_uri))
    const next = new Map<string, SigningKey>()
    for (const jwk of jwks.keys) {
      if (jwk.kty !== 'RSA' || !jwk.kid || !jwk.n || !jwk.e || (jwk.use && jwk.use !== 'sig')) continue
      next.set(jwk.kid, {
        key: await importJWK({ kty: 'RSA', n: jwk.n, e: jwk.e }, 'RS256'),
        endorsements: jwk.endorsements ?? null,
      })
    }
    keys = next
    loadedAt = clock()
    log.info('botframework signing keys loaded', { keys: next.size })
  }

  /** Reloads once for every concurrent caller; a failure keeps the keys already cached. */
  const reload = async () => {
    loading ??= load().finally(() => {
      loading = null
    })
    await loading.catch((error: unknown) => {
      log.warn('botframework signing keys not loaded', { error: String(error) })
    })
  }

  return {
    async find(kid) {
      const now = clock()
      const due = keys
        ? now - loadedAt > maxAgeMs && now - attemptedAt > cooldownMs
        : now - attemptedAt >= retryUnavailableMs
      if (loading || due) await reload()
      if (!keys) throw new Error('Bot Connector signing keys are unavailable')
      const found = keys.get(kid)
      if (found || clock() - attemptedAt <= cooldownMs) return found ?? null
      await reload()
      return keys?.get(kid) ?? null
    },
  }
}
