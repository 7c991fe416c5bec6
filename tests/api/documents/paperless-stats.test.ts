import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { ratioOf } from '../../../api/documents/get-paperless-stats.ts'
import { type Official, type Scenario, startScenario } from '../../helpers/documents-scenario.ts'

type Stats = {
  from: string
  to: string
  agencies: {
    agencyCode: string
    sent: number
    signedValid: number
    signedRatio: { numerator: number; denominator: number; percent: number | null }
    paperAvoidedPages: number
    nudges: { shown: number; accepted: number; overridden: number }
  }[]
}

it.each([
  [39, 369, 10.57],
  [1, 3, 33.33],
  [2, 2, 100],
  [0, 0, 0],
])('computes %i/%i as %s%%', (n, d, percent) => {
  expect(ratioOf(n, d)).toEqual({ numerator: n, denominator: d, percent })
})

describe('GET /v1/stats/paperless', () => {
  let app: Scenario, clerk: Official, clerk2: Official, approver: Official

  beforeAll(async () => {
    app = await startScenario({
      agencies: {
        '000.00.01.H56': 'UBND tỉnh Hà Nam',
        '000.00.02.H56': 'Sở Tài chính',
        '000.00.03.H56': 'Sở Y tế',
      },
    })
    clerk = await app.official('000.00.01.H56', 'clerk')
    clerk2 = await app.official('000.00.02.H56', 'clerk')
    approver = await app.official('000.00.01.H56', 'approver')
    const ak = await app.enrol(approver)
    const ck = await app.enrol(clerk)
    const signed = async (t: string) =>
      app.sign(
        clerk,
        ck,
        await app.sign(approver, ak, await app.pdf({ pages: 3, text: t }), 'approver'),
        'organisation',
      )
    const sent = async (from: Official, pdf: Uint8Array, hdr: string) =>
      expect((await app.submit(from, pdf, hdr)).status).toBe(201)
    const unsigned = { allowUnsigned: true }
    // 1 signed to 2 recipients (3 pages, no paper), 1 signed with a paper copy, 1 unsigned: 2/3 signed
    await sent(clerk, await signed('a'), app.header(['000.00.02.H56', '000.00.03.H56']))
    await sent(clerk, await signed('b'), app.header(['000.00.02.H56'], { paperCopy: true }))
    await sent(clerk, await app.pdf({ pages: 2 }), app.header(['000.00.02.H56'], unsigned))
    await sent(clerk2, await app.pdf({ pages: 1 }), app.header(['000.00.01.H56'], unsigned))
    for (const action of ['shown', 'shown', 'accepted', 'overridden']) {
      const res = await app.request('/v1/nudges', {
        method: 'POST',
        headers: { ...app.auth(clerk), 'Content-Type': 'application/json' },
        body: JSON.stringify({ kind: 'unsigned_attachment', action }),
      })
      expect(res.status).toBe(204)
    }
    await app.request('/v1/nudges', {
      method: 'POST',
      headers: { ...app.auth(clerk), 'Content-Type': 'application/json' },
      body: JSON.stringify({ kind: 'print', action: 'shown', count: 3 }),
    })
  })
  afterAll(() => app.close())

  it('counts sent, signed-and-verified, paper avoided and nudges per agency, ranked by ratio', async () => {
    const res = await app.request('/v1/stats/paperless')
    expect(res.status).toBe(200)
    const stats = (await res.json()) as Stats
    expect(stats.agencies.map((a) => a.agencyCode)).toEqual(['000.00.01.H56', '000.00.02.H56'])
    const [ubnd, stc] = stats.agencies
    expect(ubnd).toMatchObject({
      sent: 3,
      signedValid: 2,
      signedRatio: { numerator: 2, denominator: 3, percent: 66.67 },
      // 3 pages × 2 recipients + unsigned 2 pages × 1 recipient; the paper-copy document avoids nothing
      paperAvoidedPages: 8,
      nudges: { shown: 5, accepted: 1, overridden: 1 },
    })
    expect(stc).toMatchObject({
      sent: 1,
      signedValid: 0,
      signedRatio: { numerator: 0, denominator: 1, percent: 0 },
    })
  })

  it("gives an official their own and their agency's figures from verified documents only (GET /v1/stats/mine)", async () => {
    const mine = async (who: Official, query = '') => {
      const res = await app.request(`/v1/stats/mine${query}`, { headers: app.auth(who) })
      expect(res.status).toBe(200)
      return (await res.json()) as Record<string, unknown>
    }
    // the unsigned document's 2 pages are not counted as paper avoided: it was not verified
    const ubnd = { signedValid: 2, paperAvoidedPages: 6 }
    expect(await mine(clerk)).toMatchObject({ official: ubnd, agency: ubnd })
    // the approver signed outside the chờ phát hành queue here: the agency's figures, none of their own
    expect(await mine(approver)).toMatchObject({
      official: { signedValid: 0, paperAvoidedPages: 0 },
      agency: ubnd,
    })
    // the other agency sent only an unsigned document
    expect(await mine(clerk2)).toMatchObject({
      official: { signedValid: 0, paperAvoidedPages: 0 },
      agency: { signedValid: 0, paperAvoidedPages: 0 },
    })
    expect(await mine(clerk, '?from=2020-01-01&to=2020-12-31')).toMatchObject({
      official: { signedValid: 0, paperAvoidedPages: 0 },
    })
    expect((await app.request('/v1/stats/mine')).status).toBe(401)
  })

  it('limits figures to the period asked for and rejects a malformed one', async () => {
    const empty = (await (
      await app.request('/v1/stats/paperless?from=2020-01-01&to=2020-12-31')
    ).json()) as Stats
    expect(empty.agencies).toEqual([])
    expect((await app.request('/v1/stats/paperless?from=hôm-qua')).status).toBe(400)
    expect((await app.request('/v1/stats/paperless?from=2026-12-01&to=2026-01-01')).status).toBe(400)
  })
})
