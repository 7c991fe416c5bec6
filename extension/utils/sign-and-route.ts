/**
 * Sign a PDF and route it through the documents API, following Nghị định 30/2020: the leader
 * (approver) signs first as the competent person and the signed draft goes to the agency's
 * "chờ phát hành" queue; the văn thư (clerk) adds the organisation's signature to that draft
 * and sends it to the recipients' inboxes (Art. 5, 32). Enrols the browser's key on first use (CSR → certificate), opens a signing
 * session, signs `toBeSigned` locally (or lets the official confirm on the phone), completes it.
 * @module
 */
import type { IssuedCertificateResponse, SentDocument, SigningRole } from '../../contracts/documents.ts'
import { type ApiClient, ApiError, type DocumentHeader } from './api-client.ts'
import { base64ToBytes, sha256Hex } from './base64.ts'
import { assertSignsPrepared, byteRangeDigest, PREPARED_MISMATCH } from './check-prepared-pdf.ts'
import { buildCsr } from './csr.ts'
import { loadOrCreateSigningKeys, signBytes } from './signing-key.ts'
import { certificateItem } from './storage.ts'

/** Nghị định 30/2020, Art. 5 and 32: the leader signs as the competent person, the văn thư for the organisation. */
export const signingRoleFor = (officialRole: string): SigningRole =>
  officialRole === 'approver' ? 'approver' : 'organisation'

const isUsable = (
  cert: (IssuedCertificateResponse & { officialId?: string }) | null,
  officialId: string,
): cert is IssuedCertificateResponse =>
  cert !== null && cert.officialId === officialId && Date.parse(cert.notAfter) > Date.now() + 60_000

/**
 * The key pair and a certificate for it and for the official now signed in, enrolling when
 * there is none, the key is new, or the cached certificate belongs to another official (the
 * token was changed on this browser).
 * @param dependencies injectable for tests (the browser's IndexedDB key store and storage)
 */
export const ensureEnrolled = async (
  api: ApiClient,
  {
    loadKeys = loadOrCreateSigningKeys,
    cache = certificateItem,
    fresh = false,
  }: {
    loadKeys?: typeof loadOrCreateSigningKeys
    cache?: Pick<typeof certificateItem, 'getValue' | 'setValue'>
    /** enrol again even when a certificate is cached (the server no longer accepts it) */
    fresh?: boolean
  } = {},
) => {
  const { keys, created } = await loadKeys()
  const me = await api.me()
  let cert = created || fresh ? null : await cache.getValue()
  if (!isUsable(cert, me.official.id)) {
    const csr = await buildCsr({
      keys,
      subject: {
        commonName: me.official.name,
        organisation: me.agency.name,
        organisationalUnit: me.agency.code,
      },
    })
    cert = await api.issueCertificate(csr)
    await cache.setValue({ ...cert, officialId: me.official.id })
  }
  return { keys, certificate: cert }
}

/** the server does not accept the cached certificate for this official (revoked, another official's) */
const certificateRefused = (error: unknown) =>
  error instanceof ApiError &&
  (error.status === 403 || (error.status === 422 && /certificateSerial/.test(error.message)))

const waitForRemote = async (api: ApiClient, sessionId: string, timeoutMs: number, pollMs = 1500) => {
  const deadline = Date.now() + timeoutMs
  while (Date.now() < deadline) {
    const { status } = await api.signingSessionStatus(sessionId)
    if (status === 'signed') return api.signedSessionPdf(sessionId)
    if (status !== 'pending')
      throw new Error(status === 'rejected' ? 'Bạn đã từ chối ký trên điện thoại.' : 'Phiên ký đã hết hạn.')
    await new Promise((resolve) => setTimeout(resolve, pollMs))
  }
  throw new Error('Chưa nhận được xác nhận ký từ xa; hãy thử lại.')
}

export type SignAndRouteResult =
  | { kind: 'routed'; sent: SentDocument }
  /** an approver's signature only, queued for the agency's văn thư ("chờ phát hành") inside trolyso */
  | { kind: 'drafted'; draftId: string; signedPdf: Uint8Array<ArrayBuffer> }

/** The number and date the văn thư stamps on page 1 when issuing a queued draft. */
export type Issuance = { notation: string; date: string }

/** A signing session the server prepared, whose revision the official is shown before signing. */
export type PreparedSigning = {
  sessionId: string
  role: SigningRole
  /** DER of the signed attributes (base64); null for a remote signature */
  toBeSigned: string | null
  certificateSerial: string | null
  /** SHA-256 of the prepared revision, as the server stored it and this extension checked it */
  preparedSha256: string
  /** the stamp written into the prepared revision, if any */
  issuance: Issuance | null
  remote: boolean
  appearance: { visible: boolean; note: string | null } | null
}

export type PrepareSigningOptions = {
  api: ApiClient
  pdf: Uint8Array<ArrayBuffer>
  /** issuing a queued draft (văn thư): the number and date to stamp */
  issuance?: Issuance | null
  remote?: boolean
  enrol?: typeof ensureEnrolled
}

/**
 * Asks the server to prepare the signature (stamp, appearance, placeholder) and fetches the
 * prepared revision, checking that its SHA-256 is the session's and that the signed attributes
 * to sign digest exactly its ByteRange.
 * @returns the session and the bytes to show the official
 * @throws Error when the prepared bytes are not what would be signed
 */
export const prepareSigning = async ({
  api,
  pdf,
  issuance: wanted = null,
  remote = false,
  enrol = ensureEnrolled,
}: PrepareSigningOptions): Promise<{ prepared: PreparedSigning; bytes: Uint8Array<ArrayBuffer> }> => {
  const me = await api.me()
  const role = signingRoleFor(me.official.role)
  let issuance = role === 'organisation' ? wanted : null
  const createSession = async (args: { certificateSerial?: string }) => {
    try {
      return await api.createSigningSession({ pdf, role, ...args, issuance })
    } catch (error) {
      // a draft without blanks for number and date ("Số:", "ngày … tháng … năm") is issued unstamped
      if (
        !(issuance && error instanceof ApiError && error.status === 422 && /^issuance:/.test(error.message))
      )
        throw error
      issuance = null
      return api.createSigningSession({ pdf, role, ...args })
    }
  }
  let session: Awaited<ReturnType<ApiClient['createSigningSession']>>
  if (remote) session = await createSession({})
  else {
    const { certificate } = await enrol(api)
    try {
      session = await createSession({ certificateSerial: certificate.serial })
    } catch (error) {
      if (!certificateRefused(error)) throw error
      const renewed = await enrol(api, { fresh: true })
      session = await createSession({ certificateSerial: renewed.certificate.serial })
    }
    // the API returns null only for a session without a certificate (remote signing)
    if (!session.toBeSigned) throw new Error('Máy chủ không trả về dữ liệu cần ký cho chứng thư của bạn.')
  }
  const bytes = new Uint8Array(await api.preparedSessionPdf(session.sessionId))
  if ((await sha256Hex(bytes)) !== session.preparedSha256) throw new Error(PREPARED_MISMATCH)
  if (session.toBeSigned) await assertSignsPrepared(base64ToBytes(session.toBeSigned), bytes)
  return {
    prepared: {
      sessionId: session.sessionId,
      role,
      toBeSigned: session.toBeSigned,
      certificateSerial: session.certificateSerial,
      preparedSha256: session.preparedSha256,
      issuance,
      remote,
      appearance: session.appearance ?? null,
    },
    bytes,
  }
}

export type FinishSigningOptions = {
  api: ApiClient
  prepared: PreparedSigning
  /** the prepared revision the consent window showed */
  bytes: Uint8Array<ArrayBuffer>
  fileName: string
  /** needed when the official is a văn thư who sends; a leader only signs */
  header: DocumentHeader | null
  /** the queued draft the văn thư issues; absent for a file from a page */
  draftId?: string | null
  /** for the draft queue: what the leader's draft is about */
  subject?: string | null
  remoteTimeoutMs?: number
  loadKeys?: typeof loadOrCreateSigningKeys
}

/**
 * Signs the prepared revision the official saw (locally, or by confirming on the phone) and
 * routes the result: the approver's to the agency's queue, the văn thư's to the recipients.
 * @throws Error when the bytes to sign, or the signed result, are not the revision shown
 */
export const finishSigning = async ({
  api,
  prepared,
  bytes,
  fileName,
  header,
  draftId = null,
  subject = null,
  remoteTimeoutMs = 180_000,
  loadKeys = loadOrCreateSigningKeys,
}: FinishSigningOptions): Promise<SignAndRouteResult> => {
  if ((await sha256Hex(bytes)) !== prepared.preparedSha256) throw new Error(PREPARED_MISMATCH)
  const stamp = prepared.issuance
  if (stamp && (header?.notation !== stamp.notation || header?.promulgatedAt !== stamp.date)) {
    throw new Error(
      `Số, ngày ban hành (${header?.notation ?? '—'}, ${header?.promulgatedAt ?? '—'}) khác với số, ngày đã ghi lên bản sẽ ký (${stamp.notation}, ${stamp.date}); hãy xem lại bản sẽ ký.`,
    )
  }
  let signed: Uint8Array<ArrayBuffer>
  if (prepared.remote) {
    await api.requestRemoteSigning(prepared.sessionId)
    signed = await waitForRemote(api, prepared.sessionId, remoteTimeoutMs)
  } else {
    if (!prepared.toBeSigned) throw new Error('Máy chủ không trả về dữ liệu cần ký cho chứng thư của bạn.')
    const toBeSigned = base64ToBytes(prepared.toBeSigned)
    await assertSignsPrepared(toBeSigned, bytes)
    const { keys } = await loadKeys()
    signed = await api.completeSigningSession({
      sessionId: prepared.sessionId,
      signature: await signBytes(keys.privateKey, toBeSigned),
      certificateSerial: prepared.certificateSerial ?? undefined,
    })
  }
  // the signed file is the revision shown with the signature in its /Contents, nothing else
  if ((await byteRangeDigest(signed)) !== (await byteRangeDigest(bytes))) throw new Error(PREPARED_MISMATCH)
  if (prepared.role === 'approver') {
    // to the agency's văn thư inside trolyso: no download, no mail, no second signature
    const draft = await api.createDraft({ pdf: signed, fileName, subject })
    return { kind: 'drafted', draftId: draft.id, signedPdf: signed }
  }
  if (!header) throw new Error('Thiếu thông tin gửi (nơi nhận, số, ký hiệu…).')
  const sent = draftId
    ? await api.issueDraft({ id: draftId, pdf: signed, header, fileName })
    : await api.sendDocument({ pdf: signed, header, fileName })
  return { kind: 'routed', sent }
}

export type SignAndRouteOptions = {
  api: ApiClient
  pdf: Uint8Array<ArrayBuffer>
  fileName: string
  /** needed when the official is a văn thư who sends; a leader only signs */
  header: DocumentHeader | null
  /** the queued draft the văn thư issues (its bytes are `pdf`); absent for a file from a page */
  draftId?: string | null
  /** for the draft queue: what the leader's draft is about */
  subject?: string | null
  remote?: boolean
  remoteTimeoutMs?: number
}

/** Prepare and finish in one go (no one to show the prepared revision to: scripts and tests). */
export const signAndRoute = async ({
  api,
  pdf,
  fileName,
  header,
  remote = false,
  remoteTimeoutMs = 180_000,
  draftId = null,
  subject = null,
}: SignAndRouteOptions): Promise<SignAndRouteResult> => {
  // issuing a queued draft: the number and date of the header are stamped on page 1 first
  const issuance = draftId && header ? { notation: header.notation, date: header.promulgatedAt } : null
  const { prepared, bytes } = await prepareSigning({ api, pdf, issuance, remote })
  return finishSigning({ api, prepared, bytes, fileName, header, draftId, subject, remoteTimeoutMs })
}
