import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { NUDGE_MAX_PER_OFFICIAL_DAY, NUDGE_MAX_PER_REQUEST } from '../../../api/documents/record-nudges.ts'
import { type Official, type Scenario, startScenario } from '../../helpers/documents-scenario.ts'

const HOME = '000.00.01.H56'
type Stats = {
  agencies: { agencyCode: string; nudges: { shown: number; accepted: number; overridden: number } }[]
}

describe('nudge counters are capped per request and per official and day', () => {
  let app: Scenario

  beforeAll(async () => {
    app = await startScenario({ agencies: [[HOME, 'UBND tỉnh Hà Nam']] })
  })
  afterAll(() => app.close())

  const nudge = (official: Official, body: Record<string, unknown>) =>
    app.request('/v1/nudges', {
      method: 'POST',
      headers: { ...app.auth(official), 'Content-Type': 'application/json' },
      body: JSON.stringify(body),
    })
  const counters = async () =>
    ((await (await app.request('/v1/stats/paperless')).json()) as Stats).agencies.find(
      (a) => a.agencyCode === HOME,
    )?.nudges ?? { shown: 0, accepted: 0, overridden: 0 }

  it('states the caps', () => {
    expect(NUDGE_MAX_PER_REQUEST).toBe(20)
    expect(NUDGE_MAX_PER_OFFICIAL_DAY).toBe(200)
  })

  it.each([21, 1000])('refuses count %i in one request and records nothing', async (count) => {
    const clerk = await app.official(HOME, 'clerk')
    const before = await counters()
    const res = await nudge(clerk, { kind: 'print', action: 'accepted', count })
    expect(res.status).toBe(400)
    expect(await counters()).toEqual(before)
  })

  it('stops one official at the daily cap, records what still fits, and leaves others unaffected', async () => {
    const clerk = await app.official(HOME, 'clerk')
    const before = await counters()
    for (let i = 0; i < 9; i++)
      expect((await nudge(clerk, { kind: 'print', action: 'shown', count: 20 })).status).toBe(204)
    // 180 used: 20 more asked, 20 fit
    expect((await nudge(clerk, { kind: 'print', action: 'shown', count: 20 })).status).toBe(204)
    const over = await nudge(clerk, { kind: 'scanned_paper', action: 'accepted', count: 5 })
    expect(over.status).toBe(429)
    expect(((await over.json()) as { error: { message: string } }).error.message).toMatch(/200/)
    const after = await counters()
    expect(after.shown - before.shown).toBe(NUDGE_MAX_PER_OFFICIAL_DAY)
    expect(after.accepted).toBe(before.accepted)

    const colleague = await app.official(HOME, 'viewer')
    expect((await nudge(colleague, { kind: 'print', action: 'overridden' })).status).toBe(204)
    expect((await counters()).overridden).toBe(before.overridden + 1)
  })

  it('records the part that fits when a request crosses the cap', async () => {
    const clerk = await app.official(HOME, 'clerk')
    for (let i = 0; i < 9; i++) await nudge(clerk, { kind: 'print', action: 'overridden', count: 20 })
    await nudge(clerk, { kind: 'print', action: 'overridden', count: 15 })
    const before = await counters()
    const res = await nudge(clerk, { kind: 'print', action: 'overridden', count: 20 })
    expect(res.status).toBe(429)
    expect(((await res.json()) as { error: { details: { recorded: number } } }).error.details.recorded).toBe(
      5,
    )
    expect((await counters()).overridden - before.overridden).toBe(5)
  })
})
