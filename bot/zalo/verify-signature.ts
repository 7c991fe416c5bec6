/**
 * Zalo OA webhook signature: `X-ZEvent-Signature: mac=<hex>` where hex is the plain SHA-256
 * (not an HMAC) of app_id + raw body + the body's timestamp + the OA Secret Key.
 * @module
 */
import { createHash, timingSafeEqual } from 'node:crypto'

export type SignatureInput = { appId: string; rawBody: string; timestamp: string; oaSecretKey: string }

/** @returns the lowercase hex digest Zalo puts after `mac=` */
export const computeZaloSignature = ({ appId, rawBody, timestamp, oaSecretKey }: SignatureInput) =>
  createHash('sha256')
    .update(appId + rawBody + timestamp + oaSecretKey)
    .digest('hex')

/** @returns true when the header carries the expected mac (compared in constant time) */
export const verifyZaloSignature = (header: string | undefined, input: SignatureInput) => {
  const given = /^mac=([0-9a-f]{64})$/i.exec(header?.trim() ?? '')?.[1]?.toLowerCase()
  if (!given) return false
  return timingSafeEqual(Buffer.from(given, 'hex'), Buffer.from(computeZaloSignature(input), 'hex'))
}
