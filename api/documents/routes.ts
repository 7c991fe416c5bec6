/**
 * Electronic documents API: agencies, officials, enrolment, signing, routing, statistics
 * and the public /minh-bach page. The CA and verifier are set up lazily on the first
 * request (api/main.ts only calls createApp), so a fresh deployment gets its CA in
 * `<DATA_DIR>/ca` without a separate step.
 * @module
 */

import { eq } from 'drizzle-orm'
import type { Context } from 'hono'
import { Hono } from 'hono'
import { z } from 'zod'
import { officials } from '../../knowledge/db/schema/documents.ts'
import { AppError } from '../../knowledge/errors.ts'
import type { AppDeps } from '../deps.ts'
import { parseInput, readJson } from '../validate.ts'
import { authenticateOfficial } from './authenticate-official.ts'
import { changeRecipientStatus } from './change-recipient-status.ts'
import {
  completeSignature,
  getSignedPdf,
  getSigningSession,
  startRemoteSignature,
} from './complete-signature.ts'
import { createAgency } from './create-agency.ts'
import { createOfficial } from './create-official.ts'
import { ZDocumentHeader } from './document-header.ts'
import {
  caDirOf,
  createDocumentsService,
  type DocumentsOptions,
  type DocumentsService,
} from './documents-service.ts'
import { createDraftRoutes } from './drafts-routes.ts'
import { exportEdxml } from './export-edxml.ts'
import { getDocument, getDocumentPdf } from './get-document.ts'
import { getMyPaperlessStats } from './get-my-paperless-stats.ts'
import { getPaperlessStats } from './get-paperless-stats.ts'
import { importEdxml } from './import-edxml.ts'
import { enrolCertificate } from './issue-certificate.ts'
import { listAgencies } from './list-agencies.ts'
import { listDocuments } from './list-documents.ts'
import { OFFICIAL_ROLES, requireAuthorityOver, requireRole } from './official-roles.ts'
import { prepareSignature } from './prepare-signature.ts'
import { NUDGE_MAX_PER_REQUEST, recordNudges } from './record-nudges.ts'
import { renderTransparencyPage } from './render-transparency-page.ts'
import { revokeOfficialTokens } from './revoke-official-tokens.ts'
import { submitDocument } from './submit-document.ts'

const ZCreateAgency = z.object({
  code: z.string(),
  name: z.string().trim().min(1).max(300),
  parentCode: z.string().nullish(),
})
const ZCreateOfficial = z.object({
  name: z.string().trim().min(1).max(200),
  role: z.enum(OFFICIAL_ROLES),
  email: z.email().optional(),
  agencyCode: z.string().optional(),
})
const ZCsr = z.object({ csr: z.string().min(1) })
const ZOrganisationCsr = z.object({ csr: z.string().min(1), officialId: z.string().min(1) })
const ZSignRole = z.enum(['approver', 'organisation'])
const ZComplete = z.object({ signature: z.base64().min(1), certificateSerial: z.string().optional() })
const ZStatus = z.object({
  status: z.enum(['02', '03', '04', '05', '06', '13', '15', '16']),
  note: z.string().max(1000).optional(),
  agencyCode: z.string().optional(),
})
const ZNudge = z.object({
  kind: z.enum(['unsigned_attachment', 'scanned_paper', 'print']),
  action: z.enum(['shown', 'accepted', 'overridden']),
  count: z.number().int().min(1).max(NUDGE_MAX_PER_REQUEST).default(1),
})
const ZList = z.object({
  box: z.enum(['inbox', 'sent']).default('inbox'),
  status: z
    .string()
    .regex(/^\d{2}$/)
    .optional(),
  limit: z.coerce.number().int().min(1).max(200).default(50),
})
const ZPeriod = z.object({ from: z.string().optional(), to: z.string().optional() })

const pdfResponse = (c: Context, pdf: Uint8Array, sha256: string, status: 200 | 201 = 200) =>
  c.body(new Uint8Array(pdf), status, {
    'Content-Type': 'application/pdf',
    'X-Document-Sha256': sha256,
    'Cache-Control': 'no-store',
  })

/**
 * Reads a multipart form with a PDF in `file`; 415 for anything else. The body is parsed
 * and digested in a PDF worker: tens of megabytes of multipart would hold the request thread.
 */
const readPdfForm = async (c: Context, maxBytes: number, svc: DocumentsService) => {
  const type = (c.req.header('content-type') ?? '').toLowerCase()
  if (!type.startsWith('multipart/form-data')) {
    throw new AppError(
      'UNSUPPORTED_MEDIA_TYPE',
      'Hãy gửi multipart/form-data với trường file (application/pdf).',
    )
  }
  const body = await c.req.arrayBuffer()
  const { fields, file } = await svc.pdf.run(
    { op: 'readForm', body, contentType: c.req.header('content-type') ?? '' },
    [body],
  )
  if (!file) throw new AppError('BAD_REQUEST', 'file: thiếu tệp PDF trong trường "file".')
  if (file.type && file.type !== 'application/pdf' && file.type !== 'application/octet-stream') {
    throw new AppError('UNSUPPORTED_MEDIA_TYPE', `file: cần application/pdf, nhận được ${file.type}.`)
  }
  if (file.bytes.byteLength > maxBytes)
    throw new AppError('PAYLOAD_TOO_LARGE', `file: tệp vượt giới hạn ${maxBytes} byte (DOCUMENTS_MAX_BYTES).`)
  return { form: fields, pdf: file.bytes, sha256: file.sha256 }
}

const parseHeader = (raw: unknown) => {
  if (typeof raw !== 'string') throw new AppError('BAD_REQUEST', 'header: thiếu trường header (chuỗi JSON).')
  let value: unknown
  try {
    value = JSON.parse(raw)
  } catch {
    throw new AppError('BAD_REQUEST', 'header: không phải JSON hợp lệ.')
  }
  return parseInput(ZDocumentHeader, value, 'header')
}

/**
 * @param deps the app's dependencies
 * @param options a remote-signing provider (tests pass the fake one)
 */
export const createDocumentsRoutes = (deps: AppDeps, options: DocumentsOptions = {}) => {
  let service: Promise<DocumentsService> | null = null
  const svc = () => {
    service ??= createDocumentsService(deps, options).catch((error: unknown) => {
      service = null
      throw error
    })
    return service
  }
  // start now so a new deployment has its CA right after start; requests await the same promise
  svc().catch((error: unknown) =>
    deps.log.error('documents setup failed', {
      caDir: caDirOf(deps.config),
      error: String(error instanceof AppError && error.cause ? error.cause : error),
    }),
  )
  const maxBytes = deps.config.documents.maxBytes
  const auth = async (c: Context) =>
    authenticateOfficial({ db: deps.db, authorization: c.req.header('authorization') })

  const app = new Hono()

  // whether this deployment has a remote-signing provider: clients offer remote signing only then
  const remoteSigning = Boolean(options.remoteSigning ?? deps.config.documents.remoteSigningUrl)

  app.get('/v1/me', async (c) => {
    const caller = await auth(c)
    return c.json({ official: caller.official, agency: caller.agency, features: { remoteSigning } })
  })

  app.get('/v1/agencies', async (c) => {
    await auth(c)
    return c.json({ results: await listAgencies({ db: deps.db, q: c.req.query('q') ?? '' }) })
  })

  app.post('/v1/agencies', async (c) => {
    const caller = await auth(c)
    requireRole(caller.official.role, 'createAgency')
    const body = parseInput(ZCreateAgency, await readJson(c))
    const agency = await createAgency({ db: deps.db, ...body, actor: `official:${caller.official.id}` })
    return c.json(agency, 201)
  })

  app.post('/v1/officials', async (c) => {
    const caller = await auth(c)
    requireRole(caller.official.role, 'manageOfficials')
    const body = parseInput(ZCreateOfficial, await readJson(c))
    const agencyCode = body.agencyCode ?? caller.agency.code
    requireAuthorityOver({
      caller: { role: caller.official.role, agencyCode: caller.agency.code },
      target: { role: body.role, agencyCode },
      verb: 'tạo',
    })
    const created = await createOfficial({
      db: deps.db,
      ...body,
      agencyCode,
      actor: `official:${caller.official.id}`,
      ttlDays: deps.config.documents.tokenTtlDays,
    })
    return c.json(created, 201)
  })

  app.post('/v1/officials/:id/revoke', async (c) => {
    const caller = await auth(c)
    requireRole(caller.official.role, 'manageOfficials')
    const id = c.req.param('id')
    const result = await revokeOfficialTokens({
      db: deps.db,
      officialId: id,
      actor: `official:${caller.official.id}`,
      authorize: (target) => {
        // another agency's officials are not visible to an agency admin at all
        if (caller.official.role !== 'system_admin' && target.agencyCode !== caller.agency.code)
          throw new AppError('NOT_FOUND', `Không có cán bộ mã ${id} trong cơ quan ${caller.agency.code}.`)
        requireAuthorityOver({
          caller: { role: caller.official.role, agencyCode: caller.agency.code },
          target,
          verb: 'thu hồi mã truy cập của',
        })
      },
    })
    return c.json(result)
  })

  app.post('/v1/certificates', async (c) => {
    const caller = await auth(c)
    requireRole(caller.official.role, 'enrolCertificate')
    const { csr } = parseInput(ZCsr, await readJson(c))
    const s = await svc()
    const issued = await enrolCertificate({
      db: deps.db,
      ca: s.ca,
      csrPem: csr,
      subject: {
        officialId: caller.official.id,
        name: caller.official.name,
        agencyCode: caller.agency.code,
        agencyName: caller.agency.name,
      },
    })
    return c.json(
      {
        serial: issued.serial,
        certificate: issued.pem,
        chain: [s.ca.pem],
        notAfter: issued.notAfter.toISOString(),
      },
      201,
    )
  })

  // the agency's organisation certificate, for a clerk of the clerical office who holds the key
  app.post('/v1/certificates/organisation', async (c) => {
    const caller = await auth(c)
    requireRole(caller.official.role, 'enrolOrganisationCertificate')
    const { csr, officialId } = parseInput(ZOrganisationCsr, await readJson(c))
    const holder = await deps.db.select().from(officials).where(eq(officials.id, officialId)).get()
    if (!holder || holder.agencyCode !== caller.agency.code || holder.role !== 'clerk') {
      throw new AppError(
        'UNPROCESSABLE',
        `officialId: ${officialId} không phải văn thư của ${caller.agency.name}; chứng thư của cơ quan chỉ cấp cho văn thư.`,
      )
    }
    const s = await svc()
    const issued = await enrolCertificate({
      db: deps.db,
      ca: s.ca,
      csrPem: csr,
      holder: 'organisation',
      actor: `official:${caller.official.id}`,
      subject: {
        officialId: holder.id,
        name: holder.name,
        agencyCode: caller.agency.code,
        agencyName: caller.agency.name,
      },
    })
    return c.json(
      {
        serial: issued.serial,
        subject: issued.subject,
        certificate: issued.pem,
        chain: [s.ca.pem],
        notAfter: issued.notAfter.toISOString(),
      },
      201,
    )
  })

  app.post('/v1/signing/sessions', async (c) => {
    const caller = await auth(c)
    const service = await svc()
    const { form, pdf } = await readPdfForm(c, maxBytes, service)
    const role = parseInput(ZSignRole, form['role'], 'role')
    const serial =
      typeof form['certificateSerial'] === 'string' && form['certificateSerial']
        ? form['certificateSerial']
        : undefined
    const session = await prepareSignature({ svc: service, caller, pdf, role, certificateSerial: serial })
    return c.json(session, 201)
  })

  app.post('/v1/signing/sessions/:id/complete', async (c) => {
    const caller = await auth(c)
    const body = parseInput(ZComplete, await readJson(c))
    const signed = await completeSignature({
      svc: await svc(),
      caller,
      sessionId: c.req.param('id'),
      signature: Buffer.from(body.signature, 'base64'),
      certificateSerial: body.certificateSerial,
    })
    return pdfResponse(c, signed.pdf, signed.sha256)
  })

  app.post('/v1/signing/sessions/:id/remote', async (c) => {
    const caller = await auth(c)
    return c.json(await startRemoteSignature({ svc: await svc(), caller, sessionId: c.req.param('id') }), 202)
  })

  app.get('/v1/signing/sessions/:id', async (c) => {
    const caller = await auth(c)
    return c.json(await getSigningSession({ svc: await svc(), caller, sessionId: c.req.param('id') }))
  })

  app.get('/v1/signing/sessions/:id/pdf', async (c) => {
    const caller = await auth(c)
    const signed = await getSignedPdf({ svc: await svc(), caller, sessionId: c.req.param('id') })
    return pdfResponse(c, signed.pdf, signed.sha256)
  })

  app.post('/v1/documents', async (c) => {
    const caller = await auth(c)
    const service = await svc()
    const { form, pdf, sha256 } = await readPdfForm(c, maxBytes, service)
    const header = parseHeader(form['header'])
    const { created, doc } = await submitDocument({ svc: service, caller, pdf, sha256, header })
    return c.json(doc, created ? 201 : 200)
  })

  app.get('/v1/documents', async (c) => {
    const caller = await auth(c)
    const q = parseInput(ZList, c.req.query(), 'Tham số')
    return c.json({ results: await listDocuments({ svc: await svc(), caller, ...q }) })
  })

  app.post('/v1/documents/edxml', async (c) => {
    const caller = await auth(c)
    const type = (c.req.header('content-type') ?? '').toLowerCase()
    if (!/^(application|text)\/xml/.test(type)) {
      throw new AppError('UNSUPPORTED_MEDIA_TYPE', 'Hãy gửi gói edXML với Content-Type: application/xml.')
    }
    const allowUnsigned = c.req.query('allowUnsigned') === 'true'
    const { created, doc } = await importEdxml({
      svc: await svc(),
      caller,
      xml: await c.req.text(),
      allowUnsigned,
    })
    return c.json(doc, created ? 201 : 200)
  })

  app.get('/v1/documents/:id', async (c) => {
    const caller = await auth(c)
    return c.json(await getDocument({ svc: await svc(), caller, id: c.req.param('id') }))
  })

  app.get('/v1/documents/:id/pdf', async (c) => {
    const caller = await auth(c)
    const { pdf, sha256 } = await getDocumentPdf({ svc: await svc(), caller, id: c.req.param('id') })
    return pdfResponse(c, pdf, sha256)
  })

  app.get('/v1/documents/:id/edxml', async (c) => {
    const caller = await auth(c)
    const xml = await exportEdxml({ svc: await svc(), caller, id: c.req.param('id') })
    return c.body(xml, 200, { 'Content-Type': 'application/xml; charset=utf-8' })
  })

  app.post('/v1/documents/:id/status', async (c) => {
    const caller = await auth(c)
    const body = parseInput(ZStatus, await readJson(c))
    return c.json(await changeRecipientStatus({ svc: await svc(), caller, id: c.req.param('id'), ...body }))
  })

  app.post('/v1/nudges', async (c) => {
    const caller = await auth(c)
    const body = parseInput(ZNudge, await readJson(c))
    await recordNudges({ svc: await svc(), caller, ...body })
    return c.body(null, 204)
  })

  app.get('/v1/stats/paperless', async (c) => {
    const q = parseInput(ZPeriod, c.req.query(), 'Tham số')
    return c.json(await getPaperlessStats({ db: deps.db, ...q }))
  })

  // the caller's and their agency's figures, from verified documents only (the extension's popup)
  app.get('/v1/stats/mine', async (c) => {
    const caller = await auth(c)
    const q = parseInput(ZPeriod, c.req.query(), 'Tham số')
    return c.json(await getMyPaperlessStats({ db: deps.db, caller, ...q }))
  })

  app.get('/minh-bach', async (c) => {
    const q = parseInput(ZPeriod, c.req.query(), 'Tham số')
    const stats = await getPaperlessStats({ db: deps.db, ...q })
    c.header(
      'Content-Security-Policy',
      "default-src 'none'; style-src 'unsafe-inline'; script-src 'unsafe-inline'; form-action 'self'",
    )
    return c.html(renderTransparencyPage(stats))
  })

  app.route(
    '/',
    createDraftRoutes({
      svc,
      auth,
      readPdfForm: async (c) => readPdfForm(c, maxBytes, await svc()),
      parseHeader,
    }),
  )

  return app
}
