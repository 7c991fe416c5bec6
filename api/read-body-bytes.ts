/**
 * Reads a large request body (a PDF upload, tens of megabytes) into one ArrayBuffer sized from
 * Content-Length, copying each socket chunk into place as it arrives: no list of chunks joined
 * at the end and no second copy, so the request thread never holds still for the whole body,
 * and the buffer can be moved (transferred, not copied) to a worker. Without a usable
 * Content-Length, or when something already opened the body, Hono's reader is used.
 * @module
 */
import type { IncomingMessage } from 'node:http'
import type { Context } from 'hono'
import { AppError } from '../knowledge/errors.ts'

type NodeBindings = { incoming?: IncomingMessage }

/**
 * @param c the request
 * @param maxBytes larger bodies are refused (413) before anything is read
 * @throws AppError PAYLOAD_TOO_LARGE past maxBytes; BAD_REQUEST when the client stops sending early
 */
export const readBodyBytes = async ({
  c,
  maxBytes,
}: {
  c: Context
  maxBytes: number
}): Promise<ArrayBuffer> => {
  const incoming = (c.env as NodeBindings | undefined)?.incoming
  const header = c.req.header('content-length')
  const length = header !== undefined && /^\d+$/.test(header.trim()) ? Number(header) : Number.NaN
  const untouched =
    incoming !== undefined &&
    typeof incoming.on === 'function' &&
    !incoming.readableDidRead &&
    incoming.readableFlowing === null &&
    incoming.listenerCount('data') === 0 &&
    !c.req.header('transfer-encoding')
  if (Number.isFinite(length) && length > maxBytes)
    throw new AppError(
      'PAYLOAD_TOO_LARGE',
      `Nội dung gửi lên vượt giới hạn ${maxBytes} byte. Request body too large.`,
    )
  if (!untouched || !Number.isFinite(length)) return c.req.arrayBuffer()
  const buffer = new ArrayBuffer(length)
  const bytes = new Uint8Array(buffer)
  let offset = 0
  await new Promise<void>((resolve, reject) => {
    const cleanup = () => {
      incoming.off('data', onData)
      incoming.off('end', onEnd)
      incoming.off('error', onError)
      incoming.off('close', onClose)
    }
    const fail = (error: Error) => {
      cleanup()
      reject(error)
    }
    const onData = (chunk: Buffer) => {
      if (offset + chunk.byteLength > length) {
        incoming.destroy()
        return fail(
          new AppError(
            'BAD_REQUEST',
            'Nội dung gửi lên dài hơn Content-Length. Body longer than Content-Length.',
          ),
        )
      }
      bytes.set(chunk, offset)
      offset += chunk.byteLength
    }
    const onEnd = () => {
      cleanup()
      if (offset === length) resolve()
      else
        reject(
          new AppError('BAD_REQUEST', 'Nội dung gửi lên bị cắt giữa chừng. The request body was cut off.'),
        )
    }
    const onError = (error: Error) => fail(error)
    const onClose = () => {
      if (!incoming.readableEnded)
        fail(new AppError('BAD_REQUEST', 'Nội dung gửi lên bị cắt giữa chừng. The request body was cut off.'))
    }
    incoming.on('data', onData)
    incoming.on('end', onEnd)
    incoming.on('error', onError)
    incoming.on('close', onClose)
  })
  return buffer
}
