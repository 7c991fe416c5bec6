/**
 * The "chờ phát hành" routes: the leader's signed draft goes to the agency's văn thư inside
 * trolyso (`POST /v1/drafts`), the văn thư lists the queue (`GET /v1/drafts`), reads a draft's
 * PDF (`GET /v1/drafts/:id/pdf`) and issues it with the organisation's signature and routing
 * (`POST /v1/drafts/:id/issue`). Mounted by routes.ts, which owns authentication and the CA.
 * @module
 */
import type { Context } from 'hono'
import { Hono } from 'hono'
import { z } from 'zod'
import { parseInput } from '../validate.ts'
import type { Caller } from './authenticate-official.ts'
import { createDraft } from './create-draft.ts'
import type { DocumentHeader } from './document-header.ts'
import type { DocumentsService } from './documents-service.ts'
import { issueDraft } from './issue-draft.ts'
import { getDraft, listDrafts } from './list-drafts.ts'

const ZDraftList = z.object({ status: z.enum(['pending', 'issued']).default('pending') })
const ZDraftFields = z.object({
  fileName: z.string().trim().max(300).optional(),
  subject: z.string().trim().max(500).optional(),
})

export type DraftRoutesDeps = {
  svc: () => Promise<DocumentsService>
  auth: (c: Context) => Promise<Caller>
  readPdfForm: (c: Context) => Promise<{ form: Record<string, unknown>; pdf: Uint8Array }>
  parseHeader: (raw: unknown) => DocumentHeader
}

export const createDraftRoutes = ({ svc, auth, readPdfForm, parseHeader }: DraftRoutesDeps) => {
  const app = new Hono()
  // body limit (DOCUMENTS_MAX_BYTES): api/body-limits.ts

  app.post('/v1/drafts', async (c) => {
    const caller = await auth(c)
    const { form, pdf } = await readPdfForm(c)
    const fields = parseInput(ZDraftFields, {
      fileName: typeof form['fileName'] === 'string' ? form['fileName'] : undefined,
      subject: typeof form['subject'] === 'string' ? form['subject'] : undefined,
    })
    const { created, draft } = await createDraft({
      svc: await svc(),
      caller,
      pdf,
      fileName: fields.fileName ?? (form['file'] instanceof File ? form['file'].name : 'van-ban.pdf'),
      subject: fields.subject,
    })
    return c.json(draft, created ? 201 : 200)
  })

  app.get('/v1/drafts', async (c) => {
    const caller = await auth(c)
    const q = parseInput(ZDraftList, c.req.query(), 'Tham số')
    return c.json({ results: await listDrafts({ svc: await svc(), caller, status: q.status }) })
  })

  app.get('/v1/drafts/:id/pdf', async (c) => {
    const caller = await auth(c)
    const draft = await getDraft({ svc: await svc(), caller, id: c.req.param('id') })
    return c.body(new Uint8Array(draft.pdf), 200, {
      'Content-Type': 'application/pdf',
      'X-Document-Sha256': draft.sha256,
      'Cache-Control': 'no-store',
    })
  })

  app.post('/v1/drafts/:id/issue', async (c) => {
    const caller = await auth(c)
    const { form, pdf } = await readPdfForm(c)
    const header = parseHeader(form['header'])
    const { created, doc } = await issueDraft({
      svc: await svc(),
      caller,
      id: c.req.param('id'),
      pdf,
      header,
    })
    return c.json(doc, created ? 201 : 200)
  })

  return app
}
