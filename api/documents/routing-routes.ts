/**
 * Routing between agencies: `POST|GET /v1/documents`, `GET /v1/documents/:id[/pdf|/edxml]`,
 * `POST /v1/documents/:id/status` (QCVN 102 status codes), `POST /v1/documents/edxml[/status]` and
 * `GET /v1/documents/:id/edxml/status`.
 * @module
 */
import { type Context, Hono, type MiddlewareHandler } from 'hono'
import { z } from 'zod'
import {
  SETTABLE_STATUS_CODES,
  ZDocumentDetail,
  ZDocumentListItem,
  ZRecipientStatuses,
  ZSentDocument,
} from '../../contracts/documents.ts'
import { AppError } from '../../knowledge/errors.ts'
import { created, describeOperations, ok } from '../../platform/openapi/describe-operation.ts'
import { jsonBody } from '../../platform/openapi/json-body.ts'
import { queryParams } from '../../platform/openapi/query-params.ts'
import { changeRecipientStatus } from './change-recipient-status.ts'
import { type DocumentsRoutesDeps, PDF, ZIdParam } from './documents-routes-deps.ts'
import { exportEdxml } from './export-edxml.ts'
import { exportEdxmlStatus } from './export-edxml-status.ts'
import { getDocument, getDocumentPdf } from './get-document.ts'
import { importEdxml } from './import-edxml.ts'
import { importEdxmlStatus } from './import-edxml-status.ts'
import { listDocuments } from './list-documents.ts'
import { readEdxmlPackage } from './read-edxml-package.ts'
import { parseHeader, pdfFilePart, pdfResponse, readPdfForm, ZHeaderPart } from './read-pdf-form.ts'
import type { OfficialEnv } from './require-official.ts'
import { submitDocument } from './submit-document.ts'

const operation = describeOperations({ tag: 'documents', auth: 'bearer' })

const ZStatus = z.object({
  status: z.enum(SETTABLE_STATUS_CODES),
  note: z.string().max(1000).optional(),
  agencyCode: z.string().optional(),
})
const ZList = z.object({
  box: z.enum(['inbox', 'sent']).default('inbox'),
  status: z
    .string()
    .regex(/^\d{2}$/)
    .optional(),
  limit: z.coerce.number().int().min(1).max(200).default(50),
})
const ZSubmitForm = z.object({ file: pdfFilePart(), header: ZHeaderPart })
const ZEdxmlQuery = z.object({
  allowUnsigned: z
    .enum(['true', 'false'])
    .optional()
    .meta({ description: 'true: accept an unsigned document' }),
})
const ZEdxmlStatusResult = z
  .object({ id: z.string(), agencyCode: z.string(), status: z.string(), applied: z.boolean() })
  .loose()
const ZEdxmlResult = z.union([
  ZSentDocument,
  z.object({ id: z.string(), state: z.string(), businessDocType: z.number() }).loose(),
  ZEdxmlStatusResult,
])
/**
 * Reads the edXML package (415 for another media type; 413 from the body limit) before what
 * follows it, such as the query; the handler then reads the same text with `c.req.text()`.
 */
const xmlBody: MiddlewareHandler = async function xmlBody(c, next) {
  const type = (c.req.header('content-type') ?? '').toLowerCase()
  if (!/^(application|text)\/xml/.test(type)) {
    throw new AppError('UNSUPPORTED_MEDIA_TYPE', 'Hãy gửi gói edXML với Content-Type: application/xml.')
  }
  await c.req.text()
  await next()
}
const XML = { 'application/xml': z.string().meta({ description: 'edXML package (QCVN 102:2016)' }) }

export const createRoutingRoutes = ({ svc, official }: DocumentsRoutesDeps) => {
  const app = new Hono<OfficialEnv>()

  app.post(
    '/v1/documents',
    operation('Gửi văn bản điện tử (PDF + tiêu đề kiểu edXML) tới các cơ quan nhận', {
      body: { 'multipart/form-data': ZSubmitForm },
      responses: {
        ...ok(ZSentDocument, 'Đã có (cùng PDF); cơ quan mới trong `to` được thêm (`added`)'),
        ...created(ZSentDocument, 'Đã nhận'),
      },
      errors: [400, 401, 403, 409, 413, 415, 422, 503],
    }),
    official,
    async (c) => {
      const service = await svc()
      const { form, pdf, sha256, verification } = await readPdfForm(c, service, { verify: true })
      const header = parseHeader(form['header'])
      const { created, doc } = await submitDocument({
        svc: service,
        caller: c.var.caller,
        pdf,
        sha256,
        verification,
        header,
      })
      return c.json(doc, created ? 201 : 200)
    },
  )

  app.get(
    '/v1/documents',
    operation('Hộp văn bản đến/đi của cơ quan', {
      responses: ok(z.object({ results: z.array(ZDocumentListItem) })),
      errors: [400, 401],
    }),
    official,
    queryParams(ZList, 'Tham số'),
    async (c) =>
      c.json({
        results: await listDocuments({ svc: await svc(), caller: c.var.caller, ...c.req.valid('query') }),
      }),
  )

  /** answers the edXML package `exportXml` writes of the caller's document */
  const edxmlPackage = async (c: Context<OfficialEnv>, exportXml: typeof exportEdxmlStatus, id: string) => {
    const xml = await exportXml({ svc: await svc(), caller: c.var.caller, id })
    return c.body(xml, 200, { 'Content-Type': 'application/xml; charset=utf-8' })
  }

  app.post(
    '/v1/documents/edxml',
    operation(
      'Nhập gói edXML (QCVN 102:2016, bố cục của trục liên thông và SDK các hãng): văn bản do cơ quan mình gửi hoặc gửi tới cơ quan mình; BussinessDocType 0 mới, 1 thu hồi, 2 cập nhật, 3 thay thế; gói trạng thái được chuyển sang cập nhật trạng thái',
      {
        tag: 'edxml',
        body: XML,
        responses: {
          ...ok(
            ZEdxmlResult,
            'Văn bản đã có, hoặc đã thu hồi/cập nhật ({ id, state, businessDocType }), hoặc kết quả gói trạng thái',
          ),
          ...created(ZSentDocument, 'Văn bản mới (kèm replaces khi thay thế)'),
        },
        errors: [400, 401, 403, 404, 409, 413, 415, 422],
      },
    ),
    official,
    xmlBody,
    queryParams(ZEdxmlQuery, 'Tham số'),
    async (c) => {
      const { status, body } = await importEdxml({
        svc: await svc(),
        caller: c.var.caller,
        xml: await c.req.text(),
        allowUnsigned: c.req.valid('query').allowUnsigned === 'true',
      })
      return c.json(body, status)
    },
  )

  // before /v1/documents/:id/status, which would take "edxml" for an id
  app.post(
    '/v1/documents/edxml/status',
    operation(
      'Nhập gói trạng thái edXML (StatusCode, Description, Timestamp, StaffInfo) do cơ quan nhận gửi về: cập nhật trạng thái bản của cơ quan đó trong văn bản mình đã gửi',
      {
        tag: 'edxml',
        body: XML,
        responses: ok(
          ZEdxmlStatusResult,
          '{ id, agencyCode, status, applied } (applied: false khi gói cũ hơn trạng thái đang có)',
        ),
        errors: [400, 401, 403, 404, 409, 415, 422],
      },
    ),
    official,
    xmlBody,
    async (c) => {
      const pkg = readEdxmlPackage(await c.req.text())
      if (pkg.kind !== 'status') {
        throw new AppError(
          'BAD_REQUEST',
          'Không phải gói trạng thái (thiếu StatusCode); gói văn bản gửi tới POST /v1/documents/edxml.',
        )
      }
      return c.json(await importEdxmlStatus({ svc: await svc(), caller: c.var.caller, pkg }))
    },
  )

  app.get(
    '/v1/documents/:id',
    operation('Một văn bản: tiêu đề, kết quả kiểm tra chữ ký, trạng thái từng nơi nhận', {
      params: ZIdParam,
      responses: ok(ZDocumentDetail),
      errors: [401, 404],
    }),
    official,
    async (c) => c.json(await getDocument({ svc: await svc(), caller: c.var.caller, id: c.req.param('id') })),
  )

  app.get(
    '/v1/documents/:id/pdf',
    operation('PDF của văn bản', {
      params: ZIdParam,
      responses: ok(PDF, 'PDF'),
      errors: [401, 404],
    }),
    official,
    async (c) => {
      const { pdf, sha256 } = await getDocumentPdf({
        svc: await svc(),
        caller: c.var.caller,
        id: c.req.param('id'),
      })
      return pdfResponse(c, pdf, sha256)
    },
  )

  app.get(
    '/v1/documents/:id/edxml',
    operation('Gói edXML của văn bản', {
      tag: 'edxml',
      params: ZIdParam,
      responses: ok(XML, 'edXML'),
      errors: [401, 404],
    }),
    official,
    async (c) => edxmlPackage(c, exportEdxml, c.req.param('id')),
  )

  app.get(
    '/v1/documents/:id/edxml/status',
    operation('Gói trạng thái edXML của cơ quan nhận cho lần đổi trạng thái gần nhất, để gửi lại bên gửi', {
      tag: 'edxml',
      params: ZIdParam,
      responses: ok(XML, 'edXML'),
      errors: [401, 403, 404],
    }),
    official,
    async (c) => edxmlPackage(c, exportEdxmlStatus, c.req.param('id')),
  )

  app.post(
    '/v1/documents/:id/status',
    operation('Đổi trạng thái văn bản ở nơi nhận (mã QCVN 102), hoặc bên gửi lấy lại (13)', {
      tag: 'statuses',
      params: ZIdParam,
      responses: ok(ZRecipientStatuses, 'Trạng thái từng nơi nhận'),
      errors: [400, 401, 403, 404, 409, 415],
    }),
    official,
    jsonBody(ZStatus),
    async (c) => {
      const body = c.req.valid('json')
      return c.json(
        await changeRecipientStatus({
          svc: await svc(),
          caller: c.var.caller,
          id: c.req.param('id'),
          ...body,
        }),
      )
    },
  )

  return app
}
