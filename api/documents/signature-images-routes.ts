/**
 * Images for visible signatures: `PUT|GET /v1/me/signature-image` (an approver's own
 * handwritten signature) and `PUT|GET /v1/agencies/:code/seal-image` (the agency's seal,
 * uploaded by its administrator). Bodies are raw `image/png`. Mounted by routes.ts.
 * @module
 */
import type { Context } from 'hono'
import { Hono } from 'hono'
import { z } from 'zod'
import type { Db } from '../../knowledge/db/client.ts'
import { AppError } from '../../knowledge/errors.ts'
import { parseInput } from '../validate.ts'
import type { Caller } from './authenticate-official.ts'
import {
  findSignatureImage,
  ownerOf,
  SIGNATURE_IMAGE_MAX_BYTES,
  type SignatureImageKind,
  saveSignatureImage,
} from './save-signature-image.ts'

const ZSealQuery = z.object({ diameterMm: z.coerce.number().int().min(30).max(50).optional() })

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

export const createSignatureImageRoutes = ({
  db,
  auth,
}: {
  db: Db
  auth: (c: Context) => Promise<Caller>
}) => {
  const app = new Hono()

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

  app.put('/v1/me/signature-image', async (c) => {
    const caller = await auth(c)
    const png = await readPng(c)
    return c.json(await saveSignatureImage({ db, caller, kind: 'signature', png }))
  })

  app.get('/v1/me/signature-image', async (c) => {
    const caller = await auth(c)
    return send(c, 'signature', caller.official.id)
  })

  app.put('/v1/agencies/:code/seal-image', async (c) => {
    const caller = await auth(c)
    const { diameterMm } = parseInput(ZSealQuery, c.req.query(), 'Tham số')
    const png = await readPng(c)
    return c.json(
      await saveSignatureImage({
        db,
        caller,
        kind: 'seal',
        agencyCode: c.req.param('code'),
        png,
        diameterMm,
      }),
    )
  })

  app.get('/v1/agencies/:code/seal-image', async (c) => {
    const caller = await auth(c)
    const code = c.req.param('code')
    if (caller.official.role !== 'system_admin' && code !== caller.agency.code) {
      throw new AppError('NOT_FOUND', `Cơ quan ${code} chưa có ảnh con dấu.`)
    }
    return send(c, 'seal', code)
  })

  return app
}
