/**
 * The real app over a real migrated libSQL database in a temp dir, with helpers to create
 * agencies and officials (through the same domain functions the scripts use) and to call
 * the documents API.
 * @module
 */
import { Hono } from 'hono'
import { createApp } from '../../api/app.ts'
import { bodyLimitRules } from '../../api/body-limits.ts'
import type { AppServices } from '../../api/deps.ts'
import { createAgency } from '../../api/documents/create-agency.ts'
import { createOfficial } from '../../api/documents/create-official.ts'
import type { DocumentsOptions } from '../../api/documents/documents-service.ts'
import { createDocumentsRoutes } from '../../api/documents/routes.ts'
import { createErrorHandler } from '../../api/errors.ts'
import { limitBody } from '../../platform/http/limit-body.ts'
import { composeTestServices } from './create-test-app.ts'
import type { TestDb } from './create-test-db.ts'
import { makeSignerKey, signWithKey } from './documents-fixtures.ts'

export type Official = { id: string; token: string; agencyCode: string; role: string; name: string }

export type DocumentsTestApp = {
  t: TestDb
  deps: AppServices
  request: (path: string, init?: RequestInit) => Promise<Response>
  agency: (code: string, name: string, parentCode?: string) => Promise<void>
  official: (agencyCode: string, role: string, name?: string) => Promise<Official>
  /** enrols a fresh non-extractable WebCrypto key for the official; returns the key */
  enrol: (official: Official) => Promise<{ privateKey: CryptoKey; serial: string }>
  close: () => Promise<void>
}

export const authHeader = (o: Official | string) => ({
  Authorization: `Bearer ${typeof o === 'string' ? o : o.token}`,
})

/**
 * @param env extra environment (e.g. DOCUMENTS_MAX_BYTES)
 * @param documents options for the documents routes; when given, the documents routes are
 *   mounted alone (with the app's error handler) so a fake remote-signing provider can be injected
 */
export const createDocumentsTestApp = async ({
  env = {},
  documents,
}: {
  env?: Record<string, string>
  documents?: DocumentsOptions
} = {}): Promise<DocumentsTestApp> => {
  const { testDb: t, kb, log, deps } = await composeTestServices({ env, documents })
  let fetcher: { request: (path: string, init?: RequestInit) => Response | Promise<Response> }
  if (documents) {
    const app = new Hono()
    app.use(limitBody({ rules: bodyLimitRules(deps.config) }))
    app.route('/', createDocumentsRoutes(deps))
    app.onError(createErrorHandler(log))
    fetcher = app
  } else fetcher = createApp(deps)
  const request = async (path: string, init?: RequestInit) => fetcher.request(path, init)
  return {
    t,
    deps,
    request,
    agency: async (code, name, parentCode) => {
      await createAgency({ db: t.db, code, name, parentCode, actor: 'test' })
    },
    official: async (agencyCode, role, name = `Cán bộ ${role}`) => {
      const { official, token } = await createOfficial({ db: t.db, agencyCode, name, role, actor: 'test' })
      return { id: official.id, token, agencyCode, role, name }
    },
    enrol: async (official) => {
      const key = await makeSignerKey(official.name)
      const res = await request('/v1/certificates', {
        method: 'POST',
        headers: { ...authHeader(official), 'Content-Type': 'application/json' },
        body: JSON.stringify({ csr: key.csrPem }),
      })
      if (res.status !== 201) throw new Error(`enrol failed: ${res.status} ${await res.text()}`)
      const body = (await res.json()) as { serial: string }
      return { privateKey: key.keys.privateKey, serial: body.serial }
    },
    // the database closes at once, as before; the returned promise settles when the services stopped
    close: () => {
      const stopped = deps.stop()
      kb.close()
      t.close()
      return stopped
    },
  }
}

export const pdfForm = (pdf: Uint8Array, fields: Record<string, string> = {}) => {
  const form = new FormData()
  form.set('file', new File([new Uint8Array(pdf)], 'van-ban.pdf', { type: 'application/pdf' }))
  for (const [k, v] of Object.entries(fields)) form.set(k, v)
  return form
}

/** Prepare → WebCrypto sign → complete, as the extension does; returns the signed PDF. */
export const signPdf = async (
  app: DocumentsTestApp,
  official: Official,
  key: { privateKey: CryptoKey; serial: string },
  pdf: Uint8Array,
  role: 'approver' | 'organisation',
) => {
  const res = await app.request('/v1/signing/sessions', {
    method: 'POST',
    headers: authHeader(official),
    body: pdfForm(pdf, { role, certificateSerial: key.serial }),
  })
  if (res.status !== 201) throw new Error(`prepare failed: ${res.status} ${await res.text()}`)
  const session = (await res.json()) as { sessionId: string; toBeSigned: string }
  const signature = await signWithKey(key.privateKey, session.toBeSigned)
  const done = await app.request(`/v1/signing/sessions/${session.sessionId}/complete`, {
    method: 'POST',
    headers: { ...authHeader(official), 'Content-Type': 'application/json' },
    body: JSON.stringify({ signature }),
  })
  if (done.status !== 200) throw new Error(`complete failed: ${done.status} ${await done.text()}`)
  return Buffer.from(await done.arrayBuffer())
}

export const header = (to: string[], extra: Record<string, unknown> = {}) =>
  JSON.stringify({
    to,
    notation: '123/QĐ-UBND',
    place: 'Hà Nội',
    promulgatedAt: '2026-11-20',
    type: 'Quyết định',
    subject: 'Về việc ban hành quy chế làm việc',
    ...extra,
  })

export const submit = (app: DocumentsTestApp, official: Official, pdf: Uint8Array, hdr: string) =>
  app.request('/v1/documents', {
    method: 'POST',
    headers: authHeader(official),
    body: pdfForm(pdf, { header: hdr }),
  })
