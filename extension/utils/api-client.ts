/**
 * The only code that talks to the trolyso documents API. Runs in the background (and the
 * extension's own pages), always against the configured base URL: page-supplied URLs never
 * drive a request.
 * @module
 */

import type {
  Agency,
  DocumentHeaderInput,
  DocumentListItem,
  Draft,
  IssuedCertificateResponse,
  Me,
  MyPaperlessStats,
  NudgeAction,
  NudgeKind,
  PaperlessStats,
  SentDocument,
  SigningRole,
  SigningSession,
} from '../../contracts/documents.ts'

/** The header as the extension sends it (the server fills in the defaults). */
export type DocumentHeader = DocumentHeaderInput

export class ApiError extends Error {
  readonly status: number
  readonly code: string
  constructor(status: number, code: string, message: string) {
    super(message)
    this.name = 'ApiError'
    this.status = status
    this.code = code
  }
}

export type ApiClientOptions = { baseUrl: string; token: string | null; fetch?: typeof fetch }

const pdfBlob = (bytes: Uint8Array<ArrayBuffer>) => new Blob([bytes], { type: 'application/pdf' })

/** The multipart body that routes a PDF: the file and the header as JSON. */
const routingForm = (pdf: Uint8Array<ArrayBuffer>, header: DocumentHeader, fileName: string) => {
  const form = new FormData()
  form.set('file', pdfBlob(pdf), fileName)
  form.set('header', JSON.stringify(header))
  return form
}

/** @returns one method per contract endpoint the extension uses */
export const createApiClient = ({ baseUrl, token, fetch: fetchImpl = fetch }: ApiClientOptions) => {
  const root = baseUrl.replace(/\/+$/, '')

  const request = async (path: string, init: RequestInit = {}): Promise<Response> => {
    if (!token) throw new ApiError(401, 'NO_TOKEN', 'Chưa có mã truy cập API: hãy nhập trong trang Tùy chọn.')
    const headers = new Headers(init.headers)
    headers.set('Authorization', `Bearer ${token}`)
    let response: Response
    try {
      response = await fetchImpl(`${root}${path}`, { ...init, headers })
    } catch (error) {
      throw new ApiError(0, 'NETWORK', `Không kết nối được tới ${root}: ${(error as Error).message}`)
    }
    if (response.ok) return response
    let code = 'HTTP_ERROR'
    let message = `Máy chủ trả lời ${response.status}.`
    try {
      const body = (await response.json()) as { error?: { code?: string; message?: string } }
      code = body.error?.code ?? code
      message = body.error?.message ?? message
    } catch {
      // not JSON: keep the generic message
    }
    throw new ApiError(response.status, code, message)
  }
  const json = async <T>(path: string, init?: RequestInit): Promise<T> =>
    (await (await request(path, init)).json()) as T
  const postJson = <T>(path: string, body: unknown) =>
    json<T>(path, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify(body),
    })

  return {
    me: () => json<Me>('/v1/me'),
    searchAgencies: async (q: string) =>
      (await json<{ results: Agency[] }>(`/v1/agencies?q=${encodeURIComponent(q)}`)).results,
    /** the approver's handwritten signature (PNG with a transparent background), uploaded once */
    uploadSignatureImage: (png: Uint8Array<ArrayBuffer>) =>
      json<{ sha256: string }>('/v1/me/signature-image', {
        method: 'PUT',
        headers: { 'Content-Type': 'image/png' },
        body: new Blob([png], { type: 'image/png' }),
      }),
    /** @returns the current signature image, or null when none was uploaded */
    signatureImage: async (): Promise<Uint8Array<ArrayBuffer> | null> => {
      try {
        return new Uint8Array(await (await request('/v1/me/signature-image')).arrayBuffer())
      } catch (error) {
        if (error instanceof ApiError && error.status === 404) return null
        throw error
      }
    },
    issueCertificate: (csr: string) => postJson<IssuedCertificateResponse>('/v1/certificates', { csr }),
    createSigningSession: ({
      pdf,
      role,
      certificateSerial,
      issuance,
    }: {
      pdf: Uint8Array<ArrayBuffer>
      role: SigningRole
      certificateSerial?: string
      /** number/notation and date the văn thư stamps on page 1 before the organisation signs */
      issuance?: { notation: string; date: string } | null
    }) => {
      const form = new FormData()
      form.set('file', pdfBlob(pdf), 'document.pdf')
      form.set('role', role)
      if (certificateSerial) form.set('certificateSerial', certificateSerial)
      if (issuance) form.set('issuance', JSON.stringify(issuance))
      return json<SigningSession>('/v1/signing/sessions', { method: 'POST', body: form })
    },
    completeSigningSession: async ({
      sessionId,
      signature,
      certificateSerial,
    }: {
      sessionId: string
      signature: string
      certificateSerial?: string
    }) => {
      const response = await request(`/v1/signing/sessions/${encodeURIComponent(sessionId)}/complete`, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json' },
        body: JSON.stringify({ signature, certificateSerial }),
      })
      return new Uint8Array(await response.arrayBuffer())
    },
    requestRemoteSigning: (sessionId: string) =>
      postJson<{ status: string }>(`/v1/signing/sessions/${encodeURIComponent(sessionId)}/remote`, {}),
    signingSessionStatus: (sessionId: string) =>
      json<{ status: 'pending' | 'signed' | 'rejected' | 'expired' }>(
        `/v1/signing/sessions/${encodeURIComponent(sessionId)}`,
      ),
    /** the revision a pending session will sign (stamp and appearance included), to show before signing */
    preparedSessionPdf: async (sessionId: string) =>
      new Uint8Array(
        await (await request(`/v1/signing/sessions/${encodeURIComponent(sessionId)}/prepared`)).arrayBuffer(),
      ),
    signedSessionPdf: async (sessionId: string) =>
      new Uint8Array(
        await (await request(`/v1/signing/sessions/${encodeURIComponent(sessionId)}/pdf`)).arrayBuffer(),
      ),
    sendDocument: ({
      pdf,
      header,
      fileName,
    }: {
      pdf: Uint8Array<ArrayBuffer>
      header: DocumentHeader
      fileName: string
    }) => json<SentDocument>('/v1/documents', { method: 'POST', body: routingForm(pdf, header, fileName) }),
    /** the leader's signed draft into the agency's "chờ phát hành" queue */
    createDraft: ({
      pdf,
      fileName,
      subject,
    }: {
      pdf: Uint8Array<ArrayBuffer>
      fileName: string
      subject?: string | null
    }) => {
      const form = new FormData()
      form.set('file', pdfBlob(pdf), fileName)
      form.set('fileName', fileName)
      if (subject) form.set('subject', subject)
      return json<Draft>('/v1/drafts', { method: 'POST', body: form })
    },
    listDrafts: async () => (await json<{ results: Draft[] }>('/v1/drafts')).results,
    draftPdf: async (id: string) =>
      new Uint8Array(await (await request(`/v1/drafts/${encodeURIComponent(id)}/pdf`)).arrayBuffer()),
    /** the draft with the organisation's signature added, routed to the header's recipients */
    issueDraft: ({
      id,
      pdf,
      header,
      fileName,
    }: {
      id: string
      pdf: Uint8Array<ArrayBuffer>
      header: DocumentHeader
      fileName: string
    }) =>
      json<SentDocument>(`/v1/drafts/${encodeURIComponent(id)}/issue`, {
        method: 'POST',
        body: routingForm(pdf, header, fileName),
      }),
    /** QCVN 102:2016 status of this agency's copy: 03 accepted, 02 refused … */
    changeStatus: (id: string, status: string, note?: string) =>
      postJson<unknown>(`/v1/documents/${encodeURIComponent(id)}/status`, { status, note }),
    listDocuments: async (box: 'inbox' | 'sent', limit = 20) =>
      (await json<{ results: DocumentListItem[] }>(`/v1/documents?box=${box}&limit=${limit}`)).results,
    recordNudge: async (kind: NudgeKind, action: NudgeAction, count = 1) => {
      await request('/v1/nudges', {
        method: 'POST',
        headers: { 'Content-Type': 'application/json' },
        body: JSON.stringify({ kind, action, count }),
      })
    },
    /** the official's and the agency's figures, computed by the server from verified documents only */
    myPaperlessStats: (from: string, to: string) =>
      json<MyPaperlessStats>(`/v1/stats/mine?from=${from}&to=${to}`),
    paperlessStats: async (from: string, to: string) => {
      const response = await fetchImpl(`${root}/v1/stats/paperless?from=${from}&to=${to}`)
      if (!response.ok)
        throw new ApiError(response.status, 'HTTP_ERROR', `Máy chủ trả lời ${response.status}.`)
      return (await response.json()) as PaperlessStats
    },
  }
}

export type ApiClient = ReturnType<typeof createApiClient>
