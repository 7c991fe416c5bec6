import type { ChildProcess } from 'node:child_process'
import { createHash } from 'node:crypto'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { loadConfig } from '../../../api/config.ts'
import { createAgency } from '../../../api/documents/create-agency.ts'
import { caDirOf } from '../../../api/documents/documents-service.ts'
import { ensureCertificateAuthority } from '../../../api/documents/init-certificate-authority.ts'
import { createTestDb, type TestDb } from '../../helpers/create-test-db.ts'
import { makePdf } from '../../helpers/documents-fixtures.ts'
import { type LocalSigner, makeLocalSigner, signLocally } from '../../helpers/documents-signer.ts'
import { startServer } from '../../helpers/start-server.ts'

const SENDER = '000.00.01.H56'
const TO = ['000.00.02.H56', '000.00.03.H56']

/** `POST /v1/documents`'s form: the PDF and a header to both recipients. */
const documentForm = (pdf: Uint8Array) => {
  const form = new FormData()
  form.set('file', new File([new Uint8Array(pdf)], 'vb.pdf', { type: 'application/pdf' }))
  form.set(
    'header',
    JSON.stringify({
      to: TO,
      notation: '12/QĐ-UBND',
      place: 'Phủ Lý',
      promulgatedAt: '2026-11-20',
      type: 'Quyết định',
      subject: 'Thử',
    }),
  )
  return form
}

describe('crash during a burst of submissions', () => {
  let t: TestDb
  let env: Record<string, string>
  let clerkToken = ''
  const pdfs: Buffer[] = []
  let child: ChildProcess | undefined

  beforeAll(async () => {
    t = await createTestDb()
    // the documents alone: no procedures seeded
    env = { DATA_DIR: t.dir, DATABASE_URL: t.url, KB_SEED: 'none' }
    const config = loadConfig({ ...env })
    const ca = await ensureCertificateAuthority(caDirOf(config))
    await createAgency({ db: t.db, code: SENDER, name: 'UBND tỉnh', actor: 'test' })
    for (const code of TO) await createAgency({ db: t.db, code, name: `Sở ${code}`, actor: 'test' })
    const approver: LocalSigner = await makeLocalSigner({
      db: t.db,
      ca,
      agencyCode: SENDER,
      role: 'approver',
      name: 'Chủ tịch',
    })
    const clerk: LocalSigner = await makeLocalSigner({
      db: t.db,
      ca,
      agencyCode: SENDER,
      role: 'clerk',
      name: 'Văn thư',
    })
    clerkToken = clerk.token
    const base = await makePdf({ pages: 2, padTo: 60 * 1024 })
    for (let i = 0; i < 80; i++) {
      const unique = Buffer.concat([base, Buffer.from(`\n% crash ${i}\n`)])
      pdfs.push(
        await signLocally(await signLocally(unique, approver, 'approver', ca), clerk, 'organisation', ca),
      )
    }
  }, 60_000)
  afterAll(() => {
    child?.kill('SIGKILL')
    t.close()
  })

  it('keeps every acknowledged document intact and verifiable after SIGKILL and restart', async () => {
    const first = await startServer(env)
    child = first.child
    const acked = new Map<string, string>()
    let next = 0
    let killed = false
    const send = async (pdf: Buffer) => {
      const form = documentForm(pdf)
      try {
        const res = await fetch(`${first.url}/v1/documents`, {
          method: 'POST',
          headers: { Authorization: `Bearer ${clerkToken}` },
          body: form,
        })
        if (res.status === 201 || res.status === 200) {
          const body = (await res.json()) as { id: string; sha256: string }
          acked.set(body.id, body.sha256)
          if (!killed && acked.size >= 15) {
            killed = true
            first.child.kill('SIGKILL')
          }
        }
      } catch {
        // connection reset by the crash: not acknowledged, so no promise was made
      }
    }
    await Promise.all(
      Array.from({ length: 10 }, async () => {
        while (next < pdfs.length && !first.child.killed) await send(pdfs[next++]!)
      }),
    )
    expect(killed).toBe(true)
    expect(acked.size).toBeGreaterThanOrEqual(15)
    expect(acked.size).toBeLessThan(pdfs.length)

    const second = await startServer(env)
    child = second.child
    for (const [id, sha256] of acked) {
      const meta = await fetch(`${second.url}/v1/documents/${id}`, {
        headers: { Authorization: `Bearer ${clerkToken}` },
      })
      expect(meta.status).toBe(200)
      const doc = (await meta.json()) as {
        signatureStatus: string
        recipients: unknown[]
        verification: { signatures: unknown[] }
      }
      expect(doc.signatureStatus).toBe('signed_valid')
      expect(doc.recipients).toHaveLength(TO.length)
      const pdf = Buffer.from(
        await (
          await fetch(`${second.url}/v1/documents/${id}/pdf`, {
            headers: { Authorization: `Bearer ${clerkToken}` },
          })
        ).arrayBuffer(),
      )
      expect(createHash('sha256').update(pdf).digest('hex')).toBe(sha256)
    }
    // resubmitting a stored PDF re-verifies it and finds the same document
    const [firstId] = acked.keys()
    const stored = pdfs.find((p) => acked.get(firstId!) === createHash('sha256').update(p).digest('hex'))!
    const form = documentForm(stored)
    const again = await fetch(`${second.url}/v1/documents`, {
      method: 'POST',
      headers: { Authorization: `Bearer ${clerkToken}` },
      body: form,
    })
    expect(again.status).toBe(200)
    const orphans = await t.db.$client.execute(`SELECT count(*) AS n FROM documents d
      WHERE NOT EXISTS (SELECT 1 FROM document_blobs b WHERE b.sha256 = d.sha256)
         OR (SELECT count(*) FROM document_recipients r WHERE r.document_id = d.id) <> ${TO.length}
         OR (SELECT count(*) FROM document_events e WHERE e.document_id = d.id) <> ${TO.length}`)
    expect(Number(orphans.rows[0]?.['n'])).toBe(0)
    await second.stop()
  }, 90_000)
})
