/**
 * PAdES signing in two steps: `POST /v1/signing/sessions` prepares the PDF and returns what to
 * sign, `GET …/:id/prepared` returns the prepared revision to show the signer, `POST …/:id/complete`
 * embeds the signature (or `POST …/:id/remote` asks the remote provider), `GET …/:id` and
 * `GET …/:id/pdf` read the session and the signed PDF.
 * @module
 */
import { type Context, Hono } from 'hono'
import { z } from 'zod'
import { SIGNING_ROLES, ZSigningSession, ZSigningSessionState } from '../../contracts/documents.ts'
import { created, describeOperations, json, ok } from '../../platform/openapi/describe-operation.ts'
import { jsonBody } from '../../platform/openapi/json-body.ts'
import { parseInput } from '../../platform/validate.ts'
import { completeSignature } from './complete-signature.ts'
import { type DocumentsRoutesDeps, PDF, ZIdParam } from './documents-routes-deps.ts'
import {
  type GetSigningSessionOptions,
  getPreparedPdf,
  getSignedPdf,
  getSigningSession,
} from './get-signing-session.ts'
import { parseIssuance, parseSignatureAt } from './parse-issuance.ts'
import { prepareSignature } from './prepare-signature.ts'
import { pdfFilePart, pdfResponse, readPdfForm } from './read-pdf-form.ts'
import type { OfficialEnv } from './require-official.ts'
import { startRemoteSignature } from './start-remote-signature.ts'

const operation = describeOperations({ tag: 'signing', auth: 'bearer' })

const ZSignRole = z.enum(SIGNING_ROLES)
const ZSigningForm = z.object({
  file: pdfFilePart(),
  role: ZSignRole,
  certificateSerial: z.string().optional(),
  issuance: z.string().optional().meta({
    description:
      'JSON {"notation":"123/QĐ-STP","date":"2026-12-03"[,"numberAt","dateAt"]}: số và ngày ban hành văn thư ghi lên trang 1 (chỉ khi role=organisation)',
  }),
  placement: z
    .enum(['document', 'copy'])
    .optional()
    .meta({ description: 'copy: chữ ký cơ quan ở góc trên bên phải trang 1 (bản sao, phụ lục)' }),
  signatureAt: z
    .string()
    .optional()
    .meta({ description: 'JSON {"page","x","y","width","height"}: vị trí chữ ký hiện trên trang' }),
})
const ZPlacement = z.enum(['document', 'copy']).default('document')
const ZComplete = z.object({ signature: z.base64().min(1), certificateSerial: z.string().optional() })

export const createSigningRoutes = ({ svc, official }: DocumentsRoutesDeps) => {
  const app = new Hono<OfficialEnv>()
  /** answers the PDF `read` finds in the caller's signing session (the one to sign, or the signed one) */
  const sessionPdf = async (
    c: Context<OfficialEnv>,
    read: (o: GetSigningSessionOptions) => Promise<{ pdf: Uint8Array; sha256: string }>,
    sessionId: string,
  ) => {
    const { pdf, sha256 } = await read({ svc: await svc(), caller: c.var.caller, sessionId })
    return pdfResponse(c, pdf, sha256)
  }

  app.post(
    '/v1/signing/sessions',
    operation('Chuẩn bị ký PDF (PAdES): trả về thuộc tính ký (DER) và thuật toán', {
      body: { 'multipart/form-data': ZSigningForm },
      responses: created(ZSigningSession, 'Phiên ký'),
      errors: [400, 401, 403, 409, 413, 415, 422, 503],
    }),
    official,
    async (c) => {
      const caller = c.var.caller
      const service = await svc()
      const { form, pdf } = await readPdfForm(c, service)
      const role = parseInput(ZSignRole, form['role'], 'role')
      const serial =
        typeof form['certificateSerial'] === 'string' && form['certificateSerial']
          ? form['certificateSerial']
          : undefined
      const issuance = parseIssuance(form['issuance'])
      const placement = parseInput(ZPlacement, form['placement'] || undefined, 'placement')
      const session = await prepareSignature({
        svc: service,
        caller,
        pdf,
        role,
        certificateSerial: serial,
        issuance,
        placement,
        signatureAt: parseSignatureAt(form['signatureAt']),
      })
      return c.json(session, 201)
    },
  )

  app.post(
    '/v1/signing/sessions/:id/complete',
    operation('Gắn chữ ký vào PDF đã chuẩn bị', {
      params: ZIdParam,
      responses: ok(PDF, 'PDF đã ký'),
      errors: [400, 401, 404, 409, 415, 422],
    }),
    official,
    jsonBody(ZComplete),
    async (c) => {
      const caller = c.var.caller
      const body = c.req.valid('json')
      const signed = await completeSignature({
        svc: await svc(),
        caller,
        sessionId: c.req.param('id'),
        signature: Buffer.from(body.signature, 'base64'),
        certificateSerial: body.certificateSerial,
      })
      return pdfResponse(c, signed.pdf, signed.sha256)
    },
  )

  app.post(
    '/v1/signing/sessions/:id/remote',
    operation('Ký từ xa: gửi yêu cầu tới nhà cung cấp (xác nhận trên điện thoại)', {
      params: ZIdParam,
      responses: {
        202: { description: 'Đang chờ xác nhận', content: json(z.object({ status: z.literal('pending') })) },
      },
      errors: [401, 404, 409, 422, 503],
    }),
    official,
    async (c) =>
      c.json(
        await startRemoteSignature({ svc: await svc(), caller: c.var.caller, sessionId: c.req.param('id') }),
        202,
      ),
  )

  app.get(
    '/v1/signing/sessions/:id',
    operation('Trạng thái phiên ký', {
      params: ZIdParam,
      responses: ok(ZSigningSessionState),
      errors: [401, 404],
    }),
    official,
    async (c) =>
      c.json(
        await getSigningSession({ svc: await svc(), caller: c.var.caller, sessionId: c.req.param('id') }),
      ),
  )

  app.get(
    '/v1/signing/sessions/:id/prepared',
    operation(
      'Bản sẽ ký của phiên đang chờ (đã ghi số, ngày và hình chữ ký/con dấu; /Contents còn trống), để người ký xem trước khi ký',
      {
        params: ZIdParam,
        responses: ok(PDF, 'PDF sẽ ký'),
        errors: [401, 404, 409],
      },
    ),
    official,
    async (c) => sessionPdf(c, getPreparedPdf, c.req.param('id')),
  )

  app.get(
    '/v1/signing/sessions/:id/pdf',
    operation('PDF đã ký của phiên', {
      params: ZIdParam,
      responses: ok(PDF, 'PDF đã ký'),
      errors: [401, 404, 409],
    }),
    official,
    async (c) => sessionPdf(c, getSignedPdf, c.req.param('id')),
  )

  return app
}
