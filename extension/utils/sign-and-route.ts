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
import { base64ToBytes } from './base64.ts'
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

/** @returns the routed document (clerk), or the PDF the approver signed for the văn thư */
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
  const me = await api.me()
  const role = signingRoleFor(me.official.role)
  // issuing a queued draft: the number and date of the header are stamped on page 1 first
  const issuance =
    role === 'organisation' && draftId && header
      ? { notation: header.notation, date: header.promulgatedAt }
      : null
  const createSession = async (args: { certificateSerial?: string }) => {
    try {
      return await api.createSigningSession({ pdf, role, ...args, issuance })
    } catch (error) {
      // a draft without blanks for number and date ("Số:", "ngày … tháng … năm") is issued unstamped
      if (
        !(issuance && error instanceof ApiError && error.status === 422 && /^issuance:/.test(error.message))
      )
        throw error
      return api.createSigningSession({ pdf, role, ...args })
    }
  }
  let signed: Uint8Array<ArrayBuffer>
  if (remote) {
    const session = await createSession({})
    await api.requestRemoteSigning(session.sessionId)
    signed = await waitForRemote(api, session.sessionId, remoteTimeoutMs)
  } else {
    let { keys, certificate } = await ensureEnrolled(api)
    let session: Awaited<ReturnType<ApiClient['createSigningSession']>>
    try {
      session = await createSession({ certificateSerial: certificate.serial })
    } catch (error) {
      if (!certificateRefused(error)) throw error
      ;({ keys, certificate } = await ensureEnrolled(api, { fresh: true }))
      session = await createSession({ certificateSerial: certificate.serial })
    }
    // the API returns null only for a session without a certificate (remote signing)
    if (!session.toBeSigned) throw new Error('Máy chủ không trả về dữ liệu cần ký cho chứng thư của bạn.')
    const signature = await signBytes(keys.privateKey, base64ToBytes(session.toBeSigned))
    signed = await api.completeSigningSession({
      sessionId: session.sessionId,
      signature,
      certificateSerial: certificate.serial,
    })
  }
  if (role === 'approver') {
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
