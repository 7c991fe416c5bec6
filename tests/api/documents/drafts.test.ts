import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { type Key, type Official, type Scenario, startScenario } from '../../helpers/documents-scenario.ts'

const SENDER = '000.00.01.H56'
const RECIPIENT = '000.00.02.H56'

describe('the "chờ phát hành" queue: leader signs, văn thư issues inside trolyso', () => {
  let app: Scenario, approver: Official, secondApprover: Official, clerk: Official, otherClerk: Official
  let approverKey: Key, secondKey: Key, clerkKey: Key, signedByLeader: Buffer, draftId: string

  const postDraft = (official: Official, pdf: Uint8Array) =>
    app.request('/v1/drafts', {
      method: 'POST',
      headers: app.auth(official),
      body: app.form(pdf, { fileName: 'QD_123_QĐ-STP.pdf', subject: 'Quyết định 123/QĐ-STP' }),
    })

  beforeAll(async () => {
    app = await startScenario({
      agencies: { [SENDER]: 'Sở Tư pháp tỉnh Hà Nam', [RECIPIENT]: 'Sở Nội vụ tỉnh Hà Nam' },
    })
    approver = await app.official(SENDER, 'approver', 'Nguyễn Văn Lãnh')
    secondApprover = await app.official(SENDER, 'approver', 'Phạm Phó Giám Đốc')
    clerk = await app.official(SENDER, 'clerk', 'Trần Thị Văn Thư')
    otherClerk = await app.official(RECIPIENT, 'clerk', 'Lê Văn Nhận')
    approverKey = await app.enrol(approver)
    secondKey = await app.enrol(secondApprover)
    clerkKey = await app.enrol(clerk)
    signedByLeader = await app.sign(approver, approverKey, await app.pdf(), 'approver')
  })
  afterAll(() => app.close())

  it('queues the leader-signed draft for the agency, listed for its văn thư with the signer', async () => {
    const res = await postDraft(approver, signedByLeader)
    expect(res.status).toBe(201)
    const draft = (await res.json()) as { id: string; status: string; fileName: string }
    expect(draft).toMatchObject({ status: 'pending', fileName: 'QD_123_QĐ-STP.pdf' })
    draftId = draft.id
    expect((await postDraft(approver, signedByLeader)).status).toBe(200)

    const list = await app.request('/v1/drafts', { headers: app.auth(clerk) })
    const { results } = (await list.json()) as { results: Array<{ id: string; approverName: string }> }
    expect(results.map((d) => [d.id, d.approverName])).toEqual([[draftId, 'Nguyễn Văn Lãnh']])
    const pdf = await app.request(`/v1/drafts/${draftId}/pdf`, { headers: app.auth(clerk) })
    expect(Buffer.from(await pdf.arrayBuffer()).equals(signedByLeader)).toBe(true)
    // another agency neither lists nor reads it
    const other = await app.request('/v1/drafts', { headers: app.auth(otherClerk) })
    expect(((await other.json()) as { results: unknown[] }).results).toEqual([])
    expect((await app.request(`/v1/drafts/${draftId}/pdf`, { headers: app.auth(otherClerk) })).status).toBe(
      404,
    )
  })

  it('refuses a draft that is unsigned or not sent by a leader', async () => {
    expect((await postDraft(approver, await app.pdf({ text: 'Chưa ký' }))).status).toBe(422)
    expect((await postDraft(clerk, signedByLeader)).status).toBe(403)
  })

  it('refuses a second approver signature: completeness is by role, not by count', async () => {
    await expect(app.sign(secondApprover, secondKey, signedByLeader, 'approver')).rejects.toThrow(
      /prepare failed: 409 .*đã có chữ ký của người có thẩm quyền/,
    )
    await expect(app.sign(approver, approverKey, signedByLeader, 'approver')).rejects.toThrow(/409/)
  })

  it('issues the draft with the organisation signature, routes it, and only once', async () => {
    const sealed = await app.sign(clerk, clerkKey, signedByLeader, 'organisation')
    // a PDF that is not this draft plus the organisation's signature is refused
    const otherLeader = await app.sign(approver, approverKey, await app.pdf({ text: 'Khác' }), 'approver')
    const otherSealed = await app.sign(clerk, clerkKey, otherLeader, 'organisation')
    const wrong = await app.request(`/v1/drafts/${draftId}/issue`, {
      method: 'POST',
      headers: app.auth(clerk),
      body: app.form(otherSealed, { header: app.header([RECIPIENT]) }),
    })
    expect(wrong.status).toBe(409)

    const issue = () =>
      app.request(`/v1/drafts/${draftId}/issue`, {
        method: 'POST',
        headers: app.auth(clerk),
        body: app.form(sealed, { header: app.header([RECIPIENT]) }),
      })
    const res = await issue()
    expect(res.status).toBe(201)
    const doc = (await res.json()) as { id: string; signatureStatus: string }
    expect(doc.signatureStatus).toBe('signed_valid')
    expect((await issue()).status).toBe(409)

    const inbox = await app.request('/v1/documents?box=inbox', { headers: app.auth(otherClerk) })
    const { results } = (await inbox.json()) as { results: Array<{ id: string }> }
    expect(results.map((d) => d.id)).toContain(doc.id)
    const pending = await app.request('/v1/drafts', { headers: app.auth(clerk) })
    expect(((await pending.json()) as { results: unknown[] }).results).toEqual([])
    const issued = await app.request('/v1/drafts?status=issued', { headers: app.auth(clerk) })
    expect(((await issued.json()) as { results: Array<{ documentId: string }> }).results).toMatchObject([
      { documentId: doc.id },
    ])
  })
})
