/**
 * PAdES B-T: an RFC 3161 timestamp over a signature's value, from the TSA named by
 * `TSA_URL`. The token proves the signature existed at the TSA's time, so it can still be
 * judged after the signer's certificate expires or is revoked.
 * @module
 */
import { createHash, randomBytes } from 'node:crypto'
import * as asn1js from 'asn1js'
import * as pkijs from 'pkijs'
import { AppError } from '../../knowledge/errors.ts'
import { OID } from './pki-encoding.ts'

export type RequestSignatureTimestampOptions = {
  /** the TSA's HTTP endpoint (RFC 3161 §3.4: application/timestamp-query) */
  url: string
  /** the SignerInfo's signature value the timestamp covers (its DER OCTET STRING content) */
  signature: Uint8Array
  timeoutMs?: number
}

const unavailable = (why: string) =>
  new AppError(
    'UNAVAILABLE',
    `Không lấy được dấu thời gian từ máy chủ cấp dấu thời gian (TSA_URL): ${why}. Hãy gửi lại chữ ký sau ít phút. The timestamp authority did not answer.`,
    { retryAfterSeconds: 30 },
  )

/**
 * @returns the DER TimeStampToken (a CMS ContentInfo) whose imprint is SHA-256 of `signature`
 * @throws AppError 503 when the TSA cannot be reached, refuses, or answers for other data
 * @example const token = await requestSignatureTimestamp({ url: 'https://tsa.example/tsr', signature })
 */
export const requestSignatureTimestamp = async ({
  url,
  signature,
  timeoutMs = 8000,
}: RequestSignatureTimestampOptions): Promise<Uint8Array> => {
  const imprint = createHash('sha256').update(signature).digest()
  const nonce = randomBytes(8)
  // positive and minimal as a DER INTEGER, so the TSA echoes the same bytes
  nonce[0] = ((nonce[0] ?? 0) & 0x7f) | 0x01
  const request = new pkijs.TimeStampReq({
    version: 1,
    messageImprint: new pkijs.MessageImprint({
      hashAlgorithm: new pkijs.AlgorithmIdentifier({
        algorithmId: OID.sha256,
        algorithmParams: new asn1js.Null(),
      }),
      hashedMessage: new asn1js.OctetString({ valueHex: imprint }),
    }),
    nonce: new asn1js.Integer({ valueHex: nonce }),
    certReq: true,
  })
  let body: ArrayBuffer
  try {
    const res = await fetch(url, {
      method: 'POST',
      headers: { 'Content-Type': 'application/timestamp-query', Accept: 'application/timestamp-reply' },
      body: new Uint8Array(request.toSchema().toBER(false)),
      signal: AbortSignal.timeout(timeoutMs),
    })
    if (!res.ok) throw unavailable(`HTTP ${res.status}`)
    body = await res.arrayBuffer()
  } catch (error) {
    if (error instanceof AppError) throw error
    throw unavailable((error as Error).name === 'TimeoutError' ? `quá ${timeoutMs} ms` : 'không kết nối được')
  }
  let response: pkijs.TimeStampResp
  try {
    response = pkijs.TimeStampResp.fromBER(body)
  } catch {
    throw unavailable('câu trả lời không phải TimeStampResp')
  }
  const status = response.status.status
  if ((status !== 0 && status !== 1) || !response.timeStampToken) {
    throw unavailable(`TSA từ chối (PKIStatus ${status})`)
  }
  const token = response.timeStampToken
  const signed = new pkijs.SignedData({ schema: token.content })
  const content = signed.encapContentInfo.eContent
  if (signed.encapContentInfo.eContentType !== OID.tstInfo || !content) throw unavailable('thiếu TSTInfo')
  const info = pkijs.TSTInfo.fromBER(content.getValue())
  const sameImprint = Buffer.from(info.messageImprint.hashedMessage.valueBlock.valueHexView).equals(imprint)
  const sameNonce = info.nonce !== undefined && Buffer.from(info.nonce.valueBlock.valueHexView).equals(nonce)
  if (!sameImprint || !sameNonce) throw unavailable('dấu thời gian cho dữ liệu khác')
  return new Uint8Array(token.toSchema().toBER(false))
}
