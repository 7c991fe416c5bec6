/**
 * Signature images for visible signatures (NĐ 30/2020, Phụ lục I): an approver uploads
 * their handwritten signature once, an agency's administrator the agency's seal. Each is a
 * PNG with a transparent background (so it never hides the page's text), checked here and
 * stored in `signature_images`, one current image per owner; every upload is audited.
 * @module
 */
import { createHash } from 'node:crypto'
import { eq } from 'drizzle-orm'
import { PNG } from 'pdf-lib/cjs/utils/png.js'
import type { Db } from '../../knowledge/db/client.ts'
import { recordAudit } from '../../knowledge/db/record-audit.ts'
import { agencies, signatureImages } from '../../knowledge/db/schema/documents.ts'
import { AppError } from '../../knowledge/errors.ts'
import type { Caller } from './authenticate-official.ts'
import { requireRole } from './official-roles.ts'

export const SIGNATURE_IMAGE_MAX_BYTES = 200 * 1024
const MAX_SIDE = 1600
const MIN_SIDE = 32
/** at least this share of the pixels must be (mostly) transparent */
const MIN_TRANSPARENT = 0.2
/** seals are drawn at their real size; 36 mm unless the upload says otherwise */
export const DEFAULT_SEAL_DIAMETER_MM = 36

export type SignatureImageKind = 'signature' | 'seal'

export const ownerOf = (kind: SignatureImageKind, id: string) =>
  kind === 'signature' ? `official:${id}` : `agency:${id}`

const PNG_MAGIC = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])

/**
 * @returns the image's size in pixels
 * @throws AppError 413 above the size limit, 415 for anything but PNG, 422 for a PNG that
 *   is too large, too small, unreadable or without a transparent background
 */
export const validateSignaturePng = (png: Uint8Array) => {
  if (png.byteLength > SIGNATURE_IMAGE_MAX_BYTES) {
    throw new AppError(
      'PAYLOAD_TOO_LARGE',
      `Ảnh vượt giới hạn ${SIGNATURE_IMAGE_MAX_BYTES / 1024} KB; hãy giảm kích thước hoặc độ phân giải.`,
    )
  }
  const bytes = Buffer.from(png.buffer, png.byteOffset, png.byteLength)
  if (
    bytes.length < 33 ||
    !bytes.subarray(0, 8).equals(PNG_MAGIC) ||
    bytes.toString('latin1', 12, 16) !== 'IHDR'
  ) {
    throw new AppError('UNSUPPORTED_MEDIA_TYPE', 'Ảnh phải là tệp PNG (image/png) có nền trong suốt.')
  }
  const width = bytes.readUInt32BE(16)
  const height = bytes.readUInt32BE(20)
  if (width > MAX_SIDE || height > MAX_SIDE || width < MIN_SIDE || height < MIN_SIDE) {
    throw new AppError(
      'UNPROCESSABLE',
      `Ảnh ${width} × ${height} điểm ảnh; cần mỗi cạnh từ ${MIN_SIDE} đến ${MAX_SIDE} điểm ảnh.`,
    )
  }
  let alpha: Uint8Array | undefined
  try {
    alpha = PNG.load(bytes).alphaChannel
  } catch {
    throw new AppError('UNPROCESSABLE', 'Không đọc được ảnh PNG; hãy xuất lại ảnh từ phần mềm chỉnh ảnh.')
  }
  let clear = 0
  for (const a of alpha ?? []) if (a < 128) clear++
  if (!alpha || clear < alpha.length * MIN_TRANSPARENT) {
    throw new AppError(
      'UNPROCESSABLE',
      'Ảnh phải có nền trong suốt (PNG có kênh alpha) để không che chữ trên văn bản; hãy xoá nền trắng rồi tải lại.',
    )
  }
  return { width, height }
}

/**
 * Stores the caller's signature (approvers) or an agency's seal (its administrator, or a
 * system administrator), replacing the previous one.
 * @throws AppError 403, 404 (unknown agency), and those of validateSignaturePng
 */
export const saveSignatureImage = async ({
  db,
  caller,
  kind,
  agencyCode,
  png,
  diameterMm,
  now = new Date(),
}: {
  db: Db
  caller: Caller
  kind: SignatureImageKind
  agencyCode?: string
  png: Uint8Array
  /** a seal's real diameter in millimetres (30–50) */
  diameterMm?: number | undefined
  now?: Date
}) => {
  let owner: string
  if (kind === 'signature') {
    requireRole(caller.official.role, 'signAsApprover')
    owner = ownerOf('signature', caller.official.id)
  } else {
    requireRole(caller.official.role, 'uploadSealImage')
    const code = agencyCode ?? caller.agency.code
    if (caller.official.role !== 'system_admin' && code !== caller.agency.code) {
      throw new AppError(
        'FORBIDDEN',
        `Quản trị cơ quan chỉ tải lên con dấu của cơ quan mình (${caller.agency.code}).`,
      )
    }
    if (!(await db.select().from(agencies).where(eq(agencies.code, code)).get())) {
      throw new AppError('NOT_FOUND', `Không có cơ quan mã ${code}.`)
    }
    owner = ownerOf('seal', code)
  }
  const { width, height } = validateSignaturePng(png)
  const sha256 = createHash('sha256').update(png).digest('hex')
  const at = now.toISOString()
  const row = {
    owner,
    kind,
    png: Buffer.from(png),
    width,
    height,
    diameterMm: kind === 'seal' ? (diameterMm ?? DEFAULT_SEAL_DIAMETER_MM) : null,
    sha256,
    uploadedBy: caller.official.id,
    updatedAt: at,
  }
  await db.batch([
    db.insert(signatureImages).values(row).onConflictDoUpdate({ target: signatureImages.owner, set: row }),
    recordAudit(db, {
      actor: `official:${caller.official.id}`,
      action: kind === 'signature' ? 'signature_image.upload' : 'seal_image.upload',
      entity: 'signature_image',
      entityId: owner,
      detail: { width, height, sha256, diameterMm: row.diameterMm },
      at,
    }),
  ])
  return { owner, kind, width, height, diameterMm: row.diameterMm, sha256, updatedAt: at }
}

/** The stored image of an owner, or null. */
export const findSignatureImage = async (db: Db, owner: string) =>
  (await db.select().from(signatureImages).where(eq(signatureImages.owner, owner)).get()) ?? null
