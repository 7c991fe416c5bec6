/**
 * Enrolment with the deployment's CA: `POST /v1/certificates` (an official's own key) and
 * `POST /v1/certificates/organisation` (the agency's certificate, held by a clerk).
 * @module
 */
import { eq } from 'drizzle-orm'
import { Hono } from 'hono'
import { z } from 'zod'
import { ZIssuedCertificate } from '../../contracts/documents.ts'
import { officials } from '../../knowledge/db/schema/documents.ts'
import { AppError } from '../../knowledge/errors.ts'
import { created, describeOperations, ok } from '../../platform/openapi/describe-operation.ts'
import { jsonBody } from '../../platform/openapi/json-body.ts'
import type { Caller } from './authenticate-official.ts'
import type { DocumentsRoutesDeps } from './documents-routes-deps.ts'
import { type EnrolCertificateOptions, enrolCertificate } from './issue-certificate.ts'
import { CRL_PATH, crlUrlOf, publishCrl } from './publish-crl.ts'
import { allow, type OfficialEnv } from './require-official.ts'

const operation = describeOperations({ tag: 'certificates', auth: 'bearer' })

/** Both ways to get a certificate answer the issued one and fail the same ways. */
const issuingOperation = (summary: string) =>
  operation(summary, { responses: created(ZIssuedCertificate, 'Đã cấp'), errors: [400, 401, 403, 415, 422] })

const ZCsr = z.object({ csr: z.string().min(1).meta({ description: 'PKCS#10 CSR, PEM' }) })
const ZOrganisationCsr = z.object({ csr: z.string().min(1), officialId: z.string().min(1) })

export const createCertificatesRoutes = ({ deps, svc, official }: DocumentsRoutesDeps) => {
  const app = new Hono<OfficialEnv>()
  /**
   * Issues and records a certificate for the CSR of `official`, named in the caller's agency;
   * the chain is the deployment CA's certificate.
   */
  const issue = async ({
    caller,
    official,
    ...request
  }: Omit<EnrolCertificateOptions, 'db' | 'ca' | 'crlUrl' | 'subject'> & {
    caller: Caller
    official: { id: string; name: string }
  }) => {
    const { ca } = await svc()
    const issued = await enrolCertificate({
      db: deps.db,
      ca,
      crlUrl: crlUrlOf(deps.config.publicUrl),
      ...request,
      subject: {
        officialId: official.id,
        name: official.name,
        agencyCode: caller.agency.code,
        agencyName: caller.agency.name,
      },
    })
    return { issued, chain: [ca.pem], notAfter: issued.notAfter.toISOString() }
  }

  app.post(
    '/v1/certificates',
    issuingOperation('Cấp chứng thư cho khóa của cán bộ (CSR)'),
    official,
    allow('enrolCertificate'),
    jsonBody(ZCsr),
    async (c) => {
      const caller = c.var.caller
      const { csr } = c.req.valid('json')
      const { issued, chain, notAfter } = await issue({ csrPem: csr, caller, official: caller.official })
      return c.json({ serial: issued.serial, certificate: issued.pem, chain, notAfter }, 201)
    },
  )

  // the agency's organisation certificate, for a clerk of the clerical office who holds the key
  app.post(
    '/v1/certificates/organisation',
    issuingOperation('Cấp chứng thư của cơ quan cho văn thư giữ khóa (agency_admin)'),
    official,
    allow('enrolOrganisationCertificate'),
    jsonBody(ZOrganisationCsr),
    async (c) => {
      const caller = c.var.caller
      const { csr, officialId } = c.req.valid('json')
      const holder = await deps.db.select().from(officials).where(eq(officials.id, officialId)).get()
      if (!holder || holder.agencyCode !== caller.agency.code || holder.role !== 'clerk') {
        throw new AppError(
          'UNPROCESSABLE',
          `officialId: ${officialId} không phải văn thư của ${caller.agency.name}; chứng thư của cơ quan chỉ cấp cho văn thư.`,
        )
      }
      const { issued, chain, notAfter } = await issue({
        csrPem: csr,
        holder: 'organisation',
        actor: `official:${caller.official.id}`,
        caller,
        official: holder,
      })
      return c.json(
        { serial: issued.serial, subject: issued.subject, certificate: issued.pem, chain, notAfter },
        201,
      )
    },
  )

  // public: the CA's certificate revocation list, named in every certificate it issues
  app.get(
    CRL_PATH,
    operation('Danh sách chứng thư bị thu hồi (CRL, DER) của CA triển khai', {
      responses: ok(
        { 'application/pkix-crl': z.string().meta({ format: 'binary' }) },
        'CRL (RFC 5280) ký bởi CA, hiệu lực 24 giờ',
      ),
      public: true,
    }),
    async (c) => {
      const s = await svc()
      const der = await publishCrl({ db: deps.db, ca: s.ca })
      return c.body(new Uint8Array(der), 200, {
        'Content-Type': 'application/pkix-crl',
        'Cache-Control': 'public, max-age=60',
      })
    },
  )

  return app
}
