/**
 * PKCS#10 certificate request for the browser's ECDSA P-256 key, so the deployment's CA can
 * issue the official a certificate (POST /v1/certificates). Works with non-extractable keys:
 * only the public key is exported.
 * @module
 */
import * as asn1js from 'asn1js'
import * as pkijs from 'pkijs'

export type CsrSubject = { commonName: string; organisation?: string; organisationalUnit?: string }

const OID = { commonName: '2.5.4.3', organisation: '2.5.4.10', organisationalUnit: '2.5.4.11' }

const toPem = (label: string, der: ArrayBuffer): string => {
  const base64 = btoa(String.fromCharCode(...new Uint8Array(der)))
  const lines = base64.match(/.{1,64}/g) ?? []
  return `-----BEGIN ${label}-----\n${lines.join('\n')}\n-----END ${label}-----\n`
}

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
  add(OID.organisation, subject.organisation)
  add(OID.organisationalUnit, subject.organisationalUnit)
  await csr.subjectPublicKeyInfo.importKey(keys.publicKey)
  await csr.sign(keys.privateKey, 'SHA-256')
  return toPem('CERTIFICATE REQUEST', csr.toSchema().toBER(false))
}

/** Parses a PEM CSR and checks its own signature (used by tests and the options page's health check). */
export const verifyCsr = async (pem: string): Promise<{ valid: boolean; commonName: string | null }> => {
  const base64 = pem.replace(/-----[^-]+-----/g, '').replace(/\s+/g, '')
  const der = Uint8Array.from(atob(base64), (c) => c.charCodeAt(0))
  const csr = pkijs.CertificationRequest.fromBER(der)
  const cn = csr.subject.typesAndValues.find((t) => t.type === OID.commonName)
  return { valid: await csr.verify(), commonName: cn ? String(cn.value.valueBlock.value) : null }
}
