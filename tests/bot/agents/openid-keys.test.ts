import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createOpenIdKeys } from '../../../bot/agents/openid-keys.ts'
import { createConnectorTokenVerifier } from '../../../bot/agents/verify-connector-token.ts'
import { createLogger } from '../../../platform/logger.ts'
import { type FakeBotConnector, startFakeBotConnector } from '../../helpers/fake-bot-connector.ts'

let fake: FakeBotConnector
const log = createLogger('silent')
const MINUTE = 60_000

beforeAll(async () => {
  fake = await startFakeBotConnector()
})
afterAll(async () => {
  await fake.close()
})

describe('Bot Connector signing keys', () => {
  it('caches the keys, refetches for an unknown kid at most once per cooldown, and reloads daily', async () => {
    const clock = { now: Date.parse('2026-11-22T08:00:00Z') }
    const keys = createOpenIdKeys({ metadataUrl: fake.openIdUrl, log, clock: () => clock.now })
    const start = { ...fake.fetches }
    const fetched = () => fake.fetches.keys - start.keys

    expect(await keys.find('key-1')).toMatchObject({
      endorsements: ['msteams', 'webchat', 'directline', 'emulator'],
    })
    expect(await keys.find('key-teams')).toMatchObject({ endorsements: ['msteams'] })
    expect(fetched()).toBe(1)

    const rotated = await fake.rotateKeys()
    expect(await keys.find(rotated)).toBeNull()
    expect(fetched()).toBe(1)

    clock.now += 6 * MINUTE
    expect(await keys.find(rotated)).not.toBeNull()
    expect(fetched()).toBe(2)
    expect(await keys.find('forged-kid')).toBeNull()
    expect(fetched()).toBe(2)

    clock.now += 25 * 60 * MINUTE
    await keys.find('key-1')
    expect(fetched()).toBe(3)
    expect(fake.fetches.metadata - start.metadata).toBe(3)
  })

  it('keeps serving cached keys while the metadata service is down', async () => {
    const clock = { now: Date.parse('2026-11-22T08:00:00Z') }
    const keys = createOpenIdKeys({ metadataUrl: fake.openIdUrl, log, clock: () => clock.now })
    expect(await keys.find('key-1')).not.toBeNull()
    fake.setMetadataAvailable(false)
    try {
      clock.now += 25 * 60 * MINUTE
      expect(await keys.find('key-1')).not.toBeNull()
      const fresh = createOpenIdKeys({ metadataUrl: fake.openIdUrl, log, clock: () => clock.now })
      await expect(fresh.find('key-1')).rejects.toThrow(/unavailable/)
      // No new attempt for a while: requests fail fast instead of each waiting on the service.
      const attempts = fake.fetches.metadata
      await expect(fresh.find('key-1')).rejects.toThrow(/unavailable/)
      expect(fake.fetches.metadata).toBe(attempts)
    } finally {
      fake.setMetadataAvailable(true)
    }
  })

  it('answers 503 rather than 401 when the keys cannot be loaded at all', async () => {
    const keys = createOpenIdKeys({ metadataUrl: `${fake.baseUrl}/down`, log })
    const verify = createConnectorTokenVerifier({ appId: fake.appId, keys })
    const token = await fake.signToken()
    expect(await verify(`Bearer ${token}`, { serviceUrl: fake.serviceUrl, channelId: 'msteams' })).toEqual({
      ok: false,
      status: 503,
      reason: 'signing keys unavailable',
    })
    const working = createConnectorTokenVerifier({
      appId: fake.appId,
      keys: createOpenIdKeys({ metadataUrl: fake.openIdUrl, log }),
    })
    expect(await working(`Bearer ${token}`, { serviceUrl: fake.serviceUrl, channelId: 'msteams' })).toEqual({
      ok: true,
    })
  })
})
