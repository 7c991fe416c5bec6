/**
 * PKCS#10 certificate request for the browser's ECDSA P-256 key, so the deployment's CA can
 * issue the official a certificate (POST /v1/certificates). Works with non-extractable keys:
 * only the public key is exported.
 * @module
 */
import * as asn1js from 'asn1js'
import * as pkijs from 'pkijs'
import { OID, toPem } from '../../contracts/pki.ts'

export type CsrSubject = { commonName: string; organisation?: string; organisationalUnit?: string }

/**
 * @param keys the signing key pair (private key may be non-extractable)
 * @param subject names for the request; the CA decides the final subject
 * @returns PEM `CERTIFICATE REQUEST`
 */
export const buildCsr = async ({
  keys,
  subject,
}: {
  keys: CryptoKeyPair
  subject: CsrSubject
}): Promise<string> => {
  const csr = new pkijs.CertificationRequest()
  csr.version = 0
  const add = (type: string, value: string | undefined) => {
    if (!value) return
    csr.subject.typesAndValues.push(
      new pkijs.AttributeTypeAndValue({
        type,
        value: new asn1js.Utf8String({ value: value.normalize('NFC') }),
      }),
    )
  }
  add(OID.commonName, subject.commonName)
  add(OID.organization, subject.organisation)
  add(OID.organizationalUnit, subject.organisationalUnit)
  await csr.subjectPublicKeyInfo.importKey(keys.publicKey)
  await csr.sign(keys.privateKey, 'SHA-256')
  return toPem(new Uint8Array(csr.toSchema().toBER(false)), 'CERTIFICATE REQUEST')
}

/** Parses a PEM CSR and checks its own signature (used by tests and the options page's health check). */
export const verifyCsr = async (pem: string): Promise<{ valid: boolean; commonName: string | null }> => {
  const base64 = pem.replace(/-----[^-]+-----/g, '').replace(/\s+/g, '')
  const der = Uint8Array.from(atob(base64), (c) => c.charCodeAt(0))
  const csr = pkijs.CertificationRequest.fromBER(der)
  const cn = csr.subject.typesAndValues.find((t) => t.type === OID.commonName)
  return { valid: await csr.verify(), commonName: cn ? String(cn.value.valueBlock.value) : null }
}
