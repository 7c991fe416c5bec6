/**
 * Images for visible signatures: `PUT|GET /v1/me/signature-image` (an approver's own
 * handwritten signature) and `PUT|GET /v1/agencies/:code/seal-image` (the agency's seal,
 * uploaded by its administrator). Bodies are raw `image/png`. Mounted by routes.ts.
 * @module
 */
import type { Context } from 'hono'
import { Hono } from 'hono'
import { z } from 'zod'
import { AppError } from '../../knowledge/errors.ts'
import { describeOperations, ok } from '../../platform/openapi/describe-operation.ts'
import { queryParams } from '../../platform/openapi/query-params.ts'
import type { DocumentsRoutesDeps } from './documents-routes-deps.ts'
import type { OfficialEnv } from './require-official.ts'
import {
  findSignatureImage,
  ownerOf,
  SIGNATURE_IMAGE_MAX_BYTES,
  type SignatureImageKind,
  saveSignatureImage,
} from './save-signature-image.ts'

const operation = describeOperations({ tag: 'signing', auth: 'bearer' })

const ZSealQuery = z.object({
  diameterMm: z.coerce
    .number()
    .int()
    .min(30)
    .max(50)
    .optional()
    .meta({ description: 'đường kính con dấu thật, mm (mặc định 36)' }),
})
const ZCodeParam = z.object({ code: z.string().meta({ description: 'Mã cơ quan' }) })
const PNG = { 'image/png': z.string().meta({ format: 'binary', description: 'PNG có nền trong suốt' }) }
const ZSavedImage = z.looseObject({ sha256: z.string() })

const readPng = async (c: Context) => {
  const type = (c.req.header('content-type') ?? '').split(';')[0]?.trim().toLowerCase()
  if (type !== 'image/png') {
    throw new AppError('UNSUPPORTED_MEDIA_TYPE', 'Hãy gửi ảnh với Content-Type: image/png.')
  }
  const body = new Uint8Array(await c.req.arrayBuffer())
  if (body.byteLength > SIGNATURE_IMAGE_MAX_BYTES) {
    throw new AppError('PAYLOAD_TOO_LARGE', `Ảnh vượt giới hạn ${SIGNATURE_IMAGE_MAX_BYTES / 1024} KB.`)
  }
  return body
}

export const createSignatureImageRoutes = ({ deps, official }: DocumentsRoutesDeps) => {
  const { db } = deps
  const app = new Hono<OfficialEnv>()

  const send = async (c: Context, kind: SignatureImageKind, id: string) => {
    const image = await findSignatureImage(db, ownerOf(kind, id))
    if (!image) {
      throw new AppError(
        'NOT_FOUND',
        kind === 'signature' ? 'Bạn chưa tải lên ảnh chữ ký.' : `Cơ quan ${id} chưa có ảnh con dấu.`,
      )
    }
    return c.body(new Uint8Array(image.png), 200, {
      'Content-Type': 'image/png',
      'X-Image-Sha256': image.sha256,
      'Cache-Control': 'no-store',
    })
  }

  app.put(
    '/v1/me/signature-image',
    operation(
      'Tải lên ảnh chữ ký tay của người ký duyệt (PNG nền trong suốt), dùng cho chữ ký hiện trên trang',
      {
        body: PNG,
        responses: ok(ZSavedImage, 'Đã lưu'),
        errors: [401, 403, 413, 415, 422],
      },
    ),
    official,
    async (c) => {
      const png = await readPng(c)
      return c.json(await saveSignatureImage({ db, caller: c.var.caller, kind: 'signature', png }))
    },
  )

  app.get(
    '/v1/me/signature-image',
    operation('Ảnh chữ ký tay đã tải lên', {
      responses: ok(PNG, 'PNG'),
      errors: [401, 404],
    }),
    official,
    async (c) => send(c, 'signature', c.var.caller.official.id),
  )

  app.put(
    '/v1/agencies/:code/seal-image',
    operation('Tải lên ảnh con dấu của cơ quan (quản trị cơ quan), vẽ đúng kích thước thật khi cơ quan ký', {
      params: ZCodeParam,
      body: PNG,
      responses: ok(ZSavedImage, 'Đã lưu'),
      errors: [400, 401, 403, 413, 415, 422],
    }),
    official,
    queryParams(ZSealQuery, 'Tham số'),
    async (c) => {
      const { diameterMm } = c.req.valid('query')
      const png = await readPng(c)
      return c.json(
        await saveSignatureImage({
          db,
          caller: c.var.caller,
          kind: 'seal',
          agencyCode: c.req.param('code'),
          png,
          diameterMm,
        }),
      )
    },
  )

  app.get(
    '/v1/agencies/:code/seal-image',
    operation('Ảnh con dấu của cơ quan', {
      params: ZCodeParam,
      responses: ok(PNG, 'PNG'),
      errors: [401, 404],
    }),
    official,
    async (c) => {
      const caller = c.var.caller
      const code = c.req.param('code')
      if (caller.official.role !== 'system_admin' && code !== caller.agency.code) {
        throw new AppError('NOT_FOUND', `Cơ quan ${code} chưa có ảnh con dấu.`)
      }
      return send(c, 'seal', code)
    },
  )

  return app
}
