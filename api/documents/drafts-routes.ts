/**
 * The "chờ phát hành" routes: the leader's signed draft goes to the agency's văn thư inside
 * trolyso (`POST /v1/drafts`), the văn thư lists the queue (`GET /v1/drafts`), reads a draft's
 * PDF (`GET /v1/drafts/:id/pdf`) and issues it with the organisation's signature and routing
 * (`POST /v1/drafts/:id/issue`).
 * @module
 */
import { Hono } from 'hono'
import { z } from 'zod'
import { ZDraft, ZSentDocument } from '../../contracts/documents.ts'
import { created, describeOperations, ok } from '../../platform/openapi/describe-operation.ts'
import { queryParams } from '../../platform/openapi/query-params.ts'
import { parseInput } from '../../platform/validate.ts'
import { createDraft } from './create-draft.ts'
import { type DocumentsRoutesDeps, PDF, ZIdParam } from './documents-routes-deps.ts'
import { issueDraft } from './issue-draft.ts'
import { getDraft, listDrafts } from './list-drafts.ts'
import { parseHeader, pdfFilePart, pdfResponse, readPdfForm, ZHeaderPart } from './read-pdf-form.ts'
import type { OfficialEnv } from './require-official.ts'

const operation = describeOperations({ tag: 'drafts', auth: 'bearer' })

const ZDraftList = z.object({ status: z.enum(['pending', 'issued']).default('pending') })
const ZDraftFields = z.object({
  fileName: z.string().trim().max(300).optional(),
  subject: z.string().trim().max(500).optional(),
})
const ZDraftForm = ZDraftFields.extend({ file: pdfFilePart() })
const ZIssueForm = z.object({
  file: pdfFilePart('the draft with the organisation signature added'),
  header: ZHeaderPart,
})

export const createDraftRoutes = ({ svc, official }: DocumentsRoutesDeps) => {
  const app = new Hono<OfficialEnv>()
  // body limit (DOCUMENTS_MAX_BYTES): api/body-limits.ts

  app.post(
    '/v1/drafts',
    operation('Lãnh đạo chuyển văn bản đã ký cho văn thư (chờ phát hành)', {
      body: { 'multipart/form-data': ZDraftForm },
      responses: { ...ok(ZDraft, 'Đã có trong hàng chờ'), ...created(ZDraft, 'Đã đưa vào hàng chờ') },
      errors: [400, 401, 403, 409, 413, 415, 422],
    }),
    official,
    async (c) => {
      const { form, pdf } = await readPdfForm(c, await svc())
      const fields = parseInput(ZDraftFields, {
        fileName: typeof form['fileName'] === 'string' ? form['fileName'] : undefined,
        subject: typeof form['subject'] === 'string' ? form['subject'] : undefined,
      })
      const { created, draft } = await createDraft({
        svc: await svc(),
        caller: c.var.caller,
        pdf,
        fileName: fields.fileName ?? (form['file'] instanceof File ? form['file'].name : 'van-ban.pdf'),
        subject: fields.subject,
      })
      return c.json(draft, created ? 201 : 200)
    },
  )

  app.get(
    '/v1/drafts',
    operation('Hàng chờ phát hành của cơ quan', {
      responses: ok(z.object({ results: z.array(ZDraft) })),
      errors: [400, 401, 403],
    }),
    official,
    queryParams(ZDraftList, 'Tham số'),
    async (c) => {
      const { status } = c.req.valid('query')
      return c.json({ results: await listDrafts({ svc: await svc(), caller: c.var.caller, status }) })
    },
  )

  app.get(
    '/v1/drafts/:id/pdf',
    operation('PDF của văn bản chờ phát hành', {
      params: ZIdParam,
      responses: ok(PDF, 'PDF'),
      errors: [401, 403, 404],
    }),
    official,
    async (c) => {
      const draft = await getDraft({ svc: await svc(), caller: c.var.caller, id: c.req.param('id') })
      return pdfResponse(c, draft.pdf, draft.sha256)
    },
  )

  app.post(
    '/v1/drafts/:id/issue',
    operation('Văn thư phát hành: chữ ký của cơ quan đã thêm, gửi tới nơi nhận', {
      params: ZIdParam,
      body: { 'multipart/form-data': ZIssueForm },
      responses: { ...ok(ZSentDocument, 'Đã có'), ...created(ZSentDocument, 'Đã gửi') },
      errors: [400, 401, 403, 404, 409, 413, 415, 422],
    }),
    official,
    async (c) => {
      const { form, pdf } = await readPdfForm(c, await svc())
      const header = parseHeader(form['header'])
      const { created, doc } = await issueDraft({
        svc: await svc(),
        caller: c.var.caller,
        id: c.req.param('id'),
        pdf,
        header,
      })
      return c.json(doc, created ? 201 : 200)
    },
  )

  return app
}
