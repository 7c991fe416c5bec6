/**
 * A documents test's starting point in one call: the real app over a real migrated database
 * with its agencies registered, and what a test does as an official bound to that app (`auth`,
 * `submit`, `sign`, with `header`, `form` and `pdf` to build the request), so a test file reads
 * as its scenario rather than its plumbing.
 * @module
 */
import {
  authHeader,
  createDocumentsTestApp,
  type DocumentsTestApp,
  header,
  type Official,
  pdfForm,
  signPdf,
  submit,
} from './documents-app.ts'
import { makePdf } from './documents-fixtures.ts'

export type { Official } from './documents-app.ts'

/** An official's enrolled signing key: a non-extractable WebCrypto key and its certificate's serial. */
export type Key = { privateKey: CryptoKey; serial: string }

/** `[code, name]`, or `[code, name, parentCode]` for a subordinate agency. */
export type AgencySpec = readonly [code: string, name: string, parentCode?: string]

export type Scenario = DocumentsTestApp & {
  /** the `Authorization` header of an official (or of a raw token) */
  auth: typeof authHeader
  /** `POST /v1/documents` as the official, with the PDF and a header from `header()` */
  submit: (official: Official, pdf: Uint8Array, hdr: string) => Promise<Response>
  /** prepare → WebCrypto signature → complete as the official, as the extension does; the signed PDF */
  sign: (official: Official, key: Key, pdf: Uint8Array, role: 'approver' | 'organisation') => Promise<Buffer>
  /** a document header (JSON) to the agencies `to`, with the fields of `extra` */
  header: typeof header
  /** a multipart form with the PDF as `file` and the given fields */
  form: typeof pdfForm
  /** a one-page PDF (pdf-lib) */
  pdf: typeof makePdf
}

/**
 * @param agencies registered in order, so a parent comes before its subordinates: `{ code: name }`,
 *   or a list of {@link AgencySpec} where some have a parent
 * @param env, documents as for {@link createDocumentsTestApp}
 */
export const startScenario = async ({
  agencies = [],
  ...options
}: NonNullable<Parameters<typeof createDocumentsTestApp>[0]> & {
  agencies?: readonly AgencySpec[] | Readonly<Record<string, string>>
} = {}): Promise<Scenario> => {
  const app = await createDocumentsTestApp(options)
  const specs: readonly AgencySpec[] = Array.isArray(agencies) ? agencies : Object.entries(agencies)
  for (const [code, name, parentCode] of specs) await app.agency(code, name, parentCode)
  return {
    ...app,
    auth: authHeader,
    submit: (official, pdf, hdr) => submit(app, official, pdf, hdr),
    sign: (official, key, pdf, role) => signPdf(app, official, key, pdf, role),
    header,
    form: pdfForm,
    pdf: makePdf,
  }
}
