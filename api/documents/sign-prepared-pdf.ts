/**
 * The CPU part of completing a signature, free of the database so it runs in a PDF worker:
 * rebuild the SignedAttributes of the prepared PDF, check the signer's signature against
 * the certificate, wrap it in a CMS SignedData with the chain and write it into /Contents.
 * @module
 */
import { verify as verifySignature, X509Certificate } from 'node:crypto'
import * as pkijs from 'pkijs'
import { AppError } from '../../knowledge/errors.ts'
import { embedSignature } from './add-signature-placeholder.ts'
import { assembleCms } from './build-cms-signature.ts'
import { byteRangeOf, signedAttributesFor } from './compute-signed-attributes.ts'
import { ecdsaSignatureToDer, fromPem } from './pki-encoding.ts'

export type SignPreparedPdfOptions = {
  prepared: Uint8Array
  certificatePem: string
  certificateSerial: string
  signingTime: Date
  /** the signer's raw (r‖s) or DER ECDSA signature over the SignedAttributes */
  signature: Uint8Array
  trustRoots: X509Certificate[]
}

/**
 * @returns the signed PDF
 * @throws AppError 422 when the signature does not match the certificate and the session's data
 */
export const signPreparedPdf = ({
  prepared,
  certificatePem,
  certificateSerial,
  signingTime,
  signature: rawSignature,
  trustRoots,
}: SignPreparedPdfOptions): Buffer => {
  const byteRange = byteRangeOf(prepared)
  const { attributes, toBeSigned } = signedAttributesFor(prepared, byteRange, certificatePem, signingTime)
  const signature = ecdsaSignatureToDer(rawSignature)
  const certDer = fromPem(certificatePem, 'CERTIFICATE')
  const leaf = new X509Certificate(certDer)
  const ok = verifySignature('sha256', toBeSigned, { key: leaf.publicKey, dsaEncoding: 'der' }, signature)
  if (!ok) {
    throw new AppError(
      'UNPROCESSABLE',
      `Chữ ký không khớp với chứng thư ${certificateSerial} và dữ liệu cần ký của phiên này.`,
    )
  }
  const cms = assembleCms({
    attributes,
    signature,
    certificate: pkijs.Certificate.fromBER(certDer),
    chain: trustRoots.filter((r) => leaf.checkIssued(r)).map((r) => pkijs.Certificate.fromBER(r.raw)),
  })
  return embedSignature(prepared, byteRange, cms)
}
