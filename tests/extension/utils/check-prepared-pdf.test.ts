import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { ApiClient } from '../../../extension/utils/api-client.ts'
import { base64ToBytes } from '../../../extension/utils/base64.ts'
import {
  assertSignsPrepared,
  byteRangeDigest,
  PREPARED_MISMATCH,
} from '../../../extension/utils/check-prepared-pdf.ts'
import { ensureEnrolled, finishSigning, prepareSigning } from '../../../extension/utils/sign-and-route.ts'
import { generateSigningKeys } from '../../../extension/utils/signing-key.ts'
import type { IssuedCertificate } from '../../../extension/utils/storage.ts'
import { makeDecree30Draft } from '../../helpers/decree-30-draft.ts'
import { createDocumentsTestApp, type DocumentsTestApp, type Official } from '../../helpers/documents-app.ts'
import { blueSignaturePng } from '../../helpers/signature-images.ts'
import { inProcessClient } from '../helpers/in-process-client.ts'

// The extension signs only the prepared revision it showed: the signed attributes' message-digest
// must be the SHA-256 of that revision's ByteRange, checked before signing and on the result.
describe('the prepared revision is what gets signed', () => {
  let app: DocumentsTestApp, leader: Official, api: ApiClient
  const keysPromise = generateSigningKeys()
  let cached: IssuedCertificate | null = null
  const deps = {
    loadKeys: async () => ({ keys: await keysPromise, created: false }),
    cache: {
      getValue: async () => cached,
      setValue: async (value: IssuedCertificate | null) => {
        cached = value
      },
    },
  }
  const enrol: typeof ensureEnrolled = (client, options) => ensureEnrolled(client, { ...deps, ...options })

  beforeAll(async () => {
    app = await createDocumentsTestApp()
    await app.agency('000.00.01.H56', 'Sở Tư pháp thành phố Hà Nội')
    leader = await app.official('000.00.01.H56', 'approver', 'Nguyễn Văn An')
    const put = await app.request('/v1/me/signature-image', {
      method: 'PUT',
      headers: { Authorization: `Bearer ${leader.token}`, 'Content-Type': 'image/png' },
      body: new Uint8Array(blueSignaturePng()),
    })
    expect(put.status).toBeLessThan(300)
    api = inProcessClient(app, leader.token)
  })
  afterAll(() => app?.close())

  it('fetches the prepared revision (with the signature image) whose ByteRange digest is the message-digest, and signs it', async () => {
    const pdf = new Uint8Array(makeDecree30Draft())
    const { prepared, bytes } = await prepareSigning({ api, pdf, enrol })
    expect(prepared.appearance).toEqual({ visible: true, note: null })
    // the revision is the draft plus an incremental update carrying the image
    expect(bytes.length).toBeGreaterThan(pdf.length + 1000)
    expect(Buffer.from(bytes.subarray(0, pdf.length)).equals(Buffer.from(pdf))).toBe(true)
    await expect(
      assertSignsPrepared(base64ToBytes(prepared.toBeSigned ?? ''), bytes),
    ).resolves.toBeUndefined()

    // one byte changed anywhere in the signed ranges: not what would be signed
    const changed = new Uint8Array(bytes)
    changed[pdf.length + 10] = (changed[pdf.length + 10] ?? 0) ^ 1
    await expect(assertSignsPrepared(base64ToBytes(prepared.toBeSigned ?? ''), changed)).rejects.toThrow(
      PREPARED_MISMATCH,
    )
    // something hidden in the unsigned gap (where /Contents goes) is refused too
    const text = Buffer.from(bytes).toString('latin1')
    const gap = text.lastIndexOf('/Contents <') + '/Contents <'.length
    const hidden = new Uint8Array(bytes)
    hidden.set(Buffer.from('>> (x) <<'), gap + 4)
    await expect(byteRangeDigest(hidden)).rejects.toThrow(PREPARED_MISMATCH)

    const result = await finishSigning({
      api,
      prepared,
      bytes,
      fileName: 'QD.pdf',
      header: null,
      loadKeys: deps.loadKeys,
    })
    expect(result.kind).toBe('drafted')
    if (result.kind !== 'drafted') return
    expect(await byteRangeDigest(result.signedPdf)).toBe(await byteRangeDigest(bytes))
  })

  it('refuses a server that shows one revision and asks to sign another', async () => {
    const pdf = new Uint8Array(makeDecree30Draft({ date: true }))
    // the other revision: another draft (a number already written), prepared by the same server
    const other = await prepareSigning({
      api,
      pdf: new Uint8Array(makeDecree30Draft({ number: true, date: true })),
      enrol,
    })
    const lying: ApiClient = {
      ...api,
      // the session's stated hash is the other revision's too: only the message-digest tells
      createSigningSession: async (args) => ({
        ...(await api.createSigningSession(args)),
        preparedSha256: other.prepared.preparedSha256,
      }),
      preparedSessionPdf: async () => other.bytes,
    }
    await expect(prepareSigning({ api: lying, pdf, enrol })).rejects.toThrow(PREPARED_MISMATCH)
    // and bytes that are not those shown are never signed, even if the session is still open
    const shown = await prepareSigning({ api, pdf, enrol })
    await expect(
      finishSigning({
        api,
        prepared: shown.prepared,
        bytes: other.bytes,
        fileName: 'QD.pdf',
        header: null,
        loadKeys: deps.loadKeys,
      }),
    ).rejects.toThrow(PREPARED_MISMATCH)
    // only the first test's draft
    expect(await api.listDrafts()).toHaveLength(1)
  })
})
