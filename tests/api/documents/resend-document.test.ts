import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { type Official, type Scenario, startScenario } from '../../helpers/documents-scenario.ts'

type Doc = { id: string; recipients: { agencyCode: string; status: string }[]; added?: string[] }

const SENDER = '000.00.01.H56'
const A = '000.00.02.H56'
const B = '000.00.03.H56'
const C = '000.00.04.H56'
const D = '000.00.05.H56'

describe('sending the same PDF again to more agencies', () => {
  let app: Scenario
  let clerk: Official
  const clerks: Record<string, Official> = {}

  beforeAll(async () => {
    app = await startScenario({ agencies: [[SENDER, 'UBND tỉnh Hà Nam']] })
    for (const code of [A, B, C, D]) {
      await app.agency(code, `Sở ${code}`, SENDER)
      clerks[code] = await app.official(code, 'clerk')
    }
    clerk = await app.official(SENDER, 'clerk')
  })
  afterAll(() => app.close())

  const inbox = async (code: string) =>
    (
      (await (await app.request('/v1/documents?box=inbox', { headers: app.auth(clerks[code]!) })).json()) as {
        results: { id: string }[]
      }
    ).results.map((d) => d.id)

  it('delivers to the new recipients, keeps the old ones, and audits the addition', async () => {
    const pdf = await app.pdf({ text: 'gui bo sung' })
    const first = await app.submit(clerk, pdf, app.header([A], { allowUnsigned: true }))
    expect(first.status).toBe(201)
    const { id } = (await first.json()) as Doc

    const again = await app.submit(clerk, pdf, app.header([A, B], { allowUnsigned: true }))
    expect(again.status).toBe(200)
    const doc = (await again.json()) as Doc
    expect(doc.id).toBe(id)
    expect(doc.added).toEqual([B])
    expect(doc.recipients).toEqual([
      { agencyCode: A, status: '01' },
      { agencyCode: B, status: '01' },
    ])
    expect(await inbox(B)).toContain(id)
    expect(await inbox(A)).toContain(id)
    const audit = await app.t.db.$client.execute({
      sql: "SELECT actor, detail FROM audit_log WHERE action = 'document.add_recipients' AND entity_id = ?",
      args: [id],
    })
    expect(audit.rows).toHaveLength(1)
    expect(audit.rows[0]?.['actor']).toBe(`official:${clerk.id}`)
    expect(JSON.parse(String(audit.rows[0]?.['detail']))).toMatchObject({ added: [B] })
    const events = await app.t.db.$client.execute({
      sql: 'SELECT agency_code, status FROM document_events WHERE document_id = ? ORDER BY id',
      args: [id],
    })
    expect(events.rows.map((r) => [r['agency_code'], r['status']])).toEqual([
      [A, '01'],
      [B, '01'],
    ])

    // the same request once more adds nothing
    const third = await app.submit(clerk, pdf, app.header([A, B], { allowUnsigned: true }))
    expect(third.status).toBe(200)
    expect(((await third.json()) as Doc).added).toEqual([])
  })

  it('refuses unknown agencies and an unsigned re-send without allowUnsigned, adding no one', async () => {
    const pdf = await app.pdf({ text: 'tu choi' })
    const { id } = (await (
      await app.submit(clerk, pdf, app.header([A], { allowUnsigned: true }))
    ).json()) as Doc
    const unknown = await app.submit(clerk, pdf, app.header([A, '000.00.99.H56'], { allowUnsigned: true }))
    expect(unknown.status).toBe(422)
    const unsigned = await app.submit(clerk, pdf, app.header([B]))
    expect(unsigned.status).toBe(422)
    expect(await inbox(B)).not.toContain(id)
  })

  it('delivers to everyone when two re-sends to different agencies arrive together', async () => {
    const pdf = await app.pdf({ text: 'dong thoi' })
    const { id } = (await (
      await app.submit(clerk, pdf, app.header([A], { allowUnsigned: true }))
    ).json()) as Doc
    const [c, d] = await Promise.all([
      app.submit(clerk, pdf, app.header([C], { allowUnsigned: true })),
      app.submit(clerk, pdf, app.header([D], { allowUnsigned: true })),
    ])
    expect([c.status, d.status]).toEqual([200, 200])
    expect(await inbox(C)).toContain(id)
    expect(await inbox(D)).toContain(id)
  })
})
