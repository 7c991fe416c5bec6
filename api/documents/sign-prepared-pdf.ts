/**
 * The CPU part of completing a signature, free of the database so it runs in a PDF worker:
 * rebuild the SignedAttributes of the prepared PDF, check the signer's signature against
 * the certificate (ECDSA or RSA), wrap it in a CMS SignedData with the chain (stored
 * intermediates, then the issuing root) and write it into /Contents.
 * @module
 */
import { verify as verifySignature, X509Certificate } from 'node:crypto'
import * as pkijs from 'pkijs'
import { AppError } from '../../knowledge/errors.ts'
import { embedSignature } from './add-signature-placeholder.ts'
import { assembleCms } from './build-cms-signature.ts'
import { byteRangeOf, signedAttributesFor } from './compute-signed-attributes.ts'
import { fromPem, fromPemAll, signatureToDer, signingKeyOf } from './pki-encoding.ts'
import { requestSignatureTimestamp } from './request-signature-timestamp.ts'

export type SignPreparedPdfOptions = {
  prepared: Uint8Array
  certificatePem: string
  certificateSerial: string
  /** the signer's signature over the SignedAttributes: ECDSA (raw r‖s or DER) or RSA PKCS#1 v1.5 */
  signature: Uint8Array
  trustRoots: X509Certificate[]
  /** a TSA (TSA_URL): the signature gets an RFC 3161 timestamp (PAdES B-T) */
  tsaUrl?: string | null
}

/**
 * The certificates that go into the CMS after the signer's: the intermediates stored with
 * it (a remote provider's chain), then the trust root that issued the last of them.
 */
const chainFor = (pem: string, trustRoots: X509Certificate[]) => {
  const [leafDer, ...stored] = fromPemAll(pem, 'CERTIFICATE')
  if (!leafDer) return []
  const candidates = [...stored.map((der) => new X509Certificate(der)), ...trustRoots]
  const chain: X509Certificate[] = []
  const seen = new Set<string>()
  let current = new X509Certificate(leafDer)
  seen.add(current.fingerprint256)
  for (let depth = 0; depth < 6; depth++) {
    const from = current
    const next = candidates.find((c) => c.ca && !seen.has(c.fingerprint256) && from.checkIssued(c))
    if (!next) break
    chain.push(next)
    seen.add(next.fingerprint256)
    if (next.checkIssued(next)) break
    current = next
  }
  return chain.map((c) => pkijs.Certificate.fromBER(c.raw))
}

/**
 * @returns the signed PDF
 * @throws AppError 422 when the signature does not match the certificate and the session's data,
 *   503 when a TSA is configured and gives no timestamp
 */
export const signPreparedPdf = async ({
  prepared,
  certificatePem,
  certificateSerial,
  signature: rawSignature,
  trustRoots,
  tsaUrl = null,
}: SignPreparedPdfOptions): Promise<Buffer> => {
  const byteRange = byteRangeOf(prepared)
  const { attributes, toBeSigned } = signedAttributesFor(prepared, byteRange, certificatePem)
  const certDer = fromPem(certificatePem, 'CERTIFICATE')
  const signature = signatureToDer(rawSignature, signingKeyOf(certDer))
  const leaf = new X509Certificate(certDer)
  const ok = verifySignature('sha256', toBeSigned, { key: leaf.publicKey, dsaEncoding: 'der' }, signature)
  if (!ok) {
    throw new AppError(
      'UNPROCESSABLE',
      `Chữ ký không khớp với chứng thư ${certificateSerial} và dữ liệu cần ký của phiên này.`,
    )
  }
  // only a signature that verifies is sent to the TSA
  const timestampToken = tsaUrl ? await requestSignatureTimestamp({ url: tsaUrl, signature }) : null
  const cms = assembleCms({
    attributes,
    signature,
    timestampToken,
    certificate: pkijs.Certificate.fromBER(certDer),
    chain: chainFor(certificatePem, trustRoots),
  })
  return embedSignature(prepared, byteRange, cms)
}
