/**
 * The body of an upload of the portal's export (`POST /v1/admin/import`, `POST /v1/admin/imports`):
 * its bytes as sent, refused when there is nothing but white space in it.
 * @module
 */
import type { Context } from 'hono'
import { z } from 'zod'
import { AppError } from '../../knowledge/errors.ts'

/** The upload as the operations declare it: JSONL, plain or gzip. */
export const IMPORT_UPLOAD = {
  'application/x-ndjson': z.string().meta({ description: 'one procedure per line; gzip accepted' }),
}

const isWhiteSpace = (byte: number) => byte === 0x20 || byte === 0x0a || byte === 0x0d || byte === 0x09

/**
 * Bytes, not text: decoding tens of megabytes here would hold every other request (the import
 * decompresses and parses in a worker).
 * @throws AppError 400 for an empty upload
 */
export const readImportUpload = async (c: Context): Promise<Uint8Array> => {
  const bytes = new Uint8Array(await c.req.arrayBuffer())
  if (bytes.every(isWhiteSpace))
    throw new AppError('BAD_REQUEST', 'Tệp nhập rỗng: gửi nội dung JSONL (mỗi dòng một thủ tục).')
  return bytes
}
