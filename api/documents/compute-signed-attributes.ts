/**
 * The SignedAttributes a signer signs for a prepared PDF, computed identically when the
 * session is prepared, when a remote signature is requested and when it is completed.
 * @module
 */
import { createHash } from 'node:crypto'
import * as pkijs from 'pkijs'
import { AppError } from '../../knowledge/errors.ts'
import { signedBytes } from './add-signature-placeholder.ts'
import { buildSignedAttributes } from './build-cms-signature.ts'
import { lastByteRange } from './find-byte-ranges.ts'
import { fromPem } from './pki-encoding.ts'

/**
 * The SignedAttributes for a prepared PDF (PAdES B-B: content-type, message-digest and
 * signing-certificate-v2, no signing-time), rebuilt identically at completion.
 */
export const signedAttributesFor = (
  prepared: Uint8Array,
  byteRange: readonly number[],
  certificatePem: string,
) => {
  const h = createHash('sha256')
  for (const part of signedBytes(prepared, byteRange)) h.update(part)
  const der = fromPem(certificatePem, 'CERTIFICATE')
  return buildSignedAttributes({
    messageDigest: h.digest(),
    certificate: pkijs.Certificate.fromBER(der),
    certificateDer: der,
  })
}

/** The ByteRange of the signature the server prepared: the last one in the file. */
export const byteRangeOf = (prepared: Uint8Array): number[] => {
  const text = Buffer.from(prepared.buffer, prepared.byteOffset, prepared.byteLength).toString('latin1')
  const last = lastByteRange(text)
  if (!last) throw new AppError('INTERNAL', 'Phiên ký hỏng: không thấy ByteRange.')
  return [last[1], last[2], last[3], last[4]].map(Number)
}
