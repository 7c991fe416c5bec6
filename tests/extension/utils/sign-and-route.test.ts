import { execFile } from 'node:child_process'
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { promisify } from 'node:util'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { classifyPdf } from '../../../extension/utils/pdf-detect.ts'
import { signAndRoute } from '../../../extension/utils/sign-and-route.ts'
import { makeDecree30Draft } from '../../helpers/decree-30-draft.ts'
import type { Official, Scenario } from '../../helpers/documents-scenario.ts'
import {
  createFakeRemoteSigningProvider,
  type FakeRemoteSigningProvider,
} from '../../helpers/fake-remote-signing-provider.ts'
import { inProcessClient, startSenderAndRecipient } from '../helpers/in-process-client.ts'
import { makeTextPdf } from '../helpers/make-pdfs.ts'

// Remote signing as the consent window offers it: the API asks the provider, the official
// confirms on the phone (the fake provider's confirm/reject), the extension polls and routes.
describe('signAndRoute with remote signing (confirm on the phone)', () => {
  let app: Scenario, provider: FakeRemoteSigningProvider | undefined, leader: Official, clerk: Official
  let recipient: Official
  const clientFor = (official: Official | null) => inProcessClient(app, official?.token ?? null)

  /** plays the official's phone: answers the next signature request once it arrives */
  const onPhone = async (answer: 'confirm' | 'reject') => {
    // the API creates its provider on the first remote request
    const count = () => provider?.transactions().length ?? 0
    const before = count()
    await expect.poll(count, { timeout: 10_000 }).toBeGreaterThan(before)
    provider?.[answer](provider.transactions().at(-1) as string)
  }

  /** the leader's first signature of a PDF, on the phone: the remote signing request */
  const leaderSignsRemotely = (pdf: Uint8Array<ArrayBuffer>, fileName: string) =>
    signAndRoute({
      api: clientFor(leader),
      pdf,
      fileName,
      header: null,
      remote: true,
      remoteTimeoutMs: 20_000,
    })

  beforeAll(async () => {
    ;({ app, leader, clerk, recipient } = await startSenderAndRecipient({
      documents: {
        remoteSigning: (ca) => {
          provider = createFakeRemoteSigningProvider({ ca })
          return provider
        },
      },
    }))
  })
  afterAll(() => app?.close())

  it('signs as the leader, then as the văn thư, and routes the twice-signed PDF to the inbox', async () => {
    const [byLeader] = await Promise.all([
      leaderSignsRemotely(await makeTextPdf({ text: 'QUYẾT ĐỊNH 77/QĐ-STP' }), 'QD_77.pdf'),
      onPhone('confirm'),
    ])
    expect(byLeader.kind).toBe('drafted')
    if (byLeader.kind !== 'drafted') return
    expect(await classifyPdf(byLeader.signedPdf)).toMatchObject({
      signed: true,
      signatureCount: 1,
      roles: ['approver'],
    })
    // the signed draft waits in the agency's queue for the văn thư: no download, no mail
    const [queued] = await clientFor(clerk).listDrafts()
    expect(queued).toMatchObject({
      id: byLeader.draftId,
      fileName: 'QD_77.pdf',
      approverName: 'Nguyễn Văn Lãnh',
    })
    const draftPdf = await clientFor(clerk).draftPdf(byLeader.draftId)
    expect(Buffer.from(draftPdf).equals(Buffer.from(byLeader.signedPdf))).toBe(true)

    const [routed] = await Promise.all([
      signAndRoute({
        api: clientFor(clerk),
        pdf: draftPdf,
        draftId: byLeader.draftId,
        fileName: 'QD_77.pdf',
        header: {
          to: ['000.00.02.H56'],
          notation: '77/QĐ-STP',
          place: 'Hà Nam',
          promulgatedAt: '2026-11-20',
          type: 'Quyết định',
          subject: 'Về việc thử nghiệm ký từ xa',
        },
        remote: true,
        remoteTimeoutMs: 20_000,
      }),
      onPhone('confirm'),
    ])
    expect(routed.kind).toBe('routed')
    if (routed.kind !== 'routed') return
    expect(routed.sent.signatureStatus).toBe('signed_valid')
    const inbox = await clientFor(recipient).listDocuments('inbox')
    expect(inbox.find((d) => d.id === routed.sent.id)).toMatchObject({ notation: '77/QĐ-STP' })
    expect(await clientFor(clerk).listDrafts()).toEqual([])
  }, 60_000)

  it("stamps the header's number and date on the draft when the văn thư issues it", async () => {
    const [byLeader] = await Promise.all([
      leaderSignsRemotely(new Uint8Array(makeDecree30Draft()), 'QD_78.pdf'),
      onPhone('confirm'),
    ])
    if (byLeader.kind !== 'drafted') throw new Error('not drafted')
    const [routed] = await Promise.all([
      signAndRoute({
        api: clientFor(clerk),
        pdf: await clientFor(clerk).draftPdf(byLeader.draftId),
        draftId: byLeader.draftId,
        fileName: 'QD_78.pdf',
        header: {
          to: ['000.00.02.H56'],
          notation: '78/QĐ-STP',
          place: 'Hà Nội',
          promulgatedAt: '2026-12-03',
          type: 'Quyết định',
          subject: 'Về việc ghi số, ngày ban hành',
        },
        remote: true,
        remoteTimeoutMs: 20_000,
      }),
      onPhone('confirm'),
    ])
    if (routed.kind !== 'routed') throw new Error('not routed')
    expect(routed.sent.signatureStatus).toBe('signed_valid')
    const res = await app.request(`/v1/documents/${routed.sent.id}/pdf`, {
      headers: { Authorization: `Bearer ${clerk.token}` },
    })
    // the stamp is an annotation: poppler shows it (pdf.js's page text does not include annotations)
    const dir = mkdtempSync(join(tmpdir(), 'trolyso-stamp-'))
    writeFileSync(join(dir, 'issued.pdf'), Buffer.from(await res.arrayBuffer()))
    const text = (await promisify(execFile)('pdftotext', ['-layout', join(dir, 'issued.pdf'), '-'])).stdout
    rmSync(dir, { recursive: true, force: true })
    expect(text).toMatch(/Số:\s*78\s*\/QĐ-STP/)
    expect(text).toMatch(/ngày\s+03\s+tháng\s+12\s+năm 2026/)
  }, 60_000)

  it('tells the official in Vietnamese when the signature was refused on the phone', async () => {
    const [outcome] = await Promise.all([
      leaderSignsRemotely(await makeTextPdf({ text: 'CÔNG VĂN 12/STP' }), 'CV_12.pdf').catch(
        (error: unknown) => error,
      ),
      onPhone('reject'),
    ])
    expect(outcome).toBeInstanceOf(Error)
    expect((outcome as Error).message).toBe('Bạn đã từ chối ký trên điện thoại.')
  }, 60_000)
})
