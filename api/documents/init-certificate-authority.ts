/**
 * The deployment's own certificate authority: an ECDSA P-256 key and a self-signed root
 * kept in CA_DIR (`ca-key.pem` readable by the owner only, `ca-cert.pem`). It issues the
 * officials' signing certificates; verification trusts it next to TRUST_ROOTS_FILE.
 * @module
 */
import { createHash, X509Certificate } from 'node:crypto'
import { existsSync, mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import * as asn1js from 'asn1js'
import * as pkijs from 'pkijs'
import { AppError } from '../../knowledge/errors.ts'
import { buildName, fromPem, newSerial, OID, toPem } from './pki-encoding.ts'

export type CertificateAuthority = {
  certificate: pkijs.Certificate
  der: Buffer
  pem: string
  x509: X509Certificate
  privateKey: CryptoKey
  keyIdentifier: Buffer
}

const EC = { name: 'ECDSA', namedCurve: 'P-256' } as const

export const caFiles = (dir: string) => ({ key: join(dir, 'ca-key.pem'), cert: join(dir, 'ca-cert.pem') })

/** SHA-1 of the public key bits, the usual key identifier (RFC 5280 §4.2.1.2 method 1). */
export const keyIdentifierOf = (cert: pkijs.Certificate) =>
  createHash('sha1').update(cert.subjectPublicKeyInfo.subjectPublicKey.valueBlock.valueHexView).digest()

/** What a certificate the CA makes is for: the CA itself, an intermediate CA, or a signer. */
export type CertificateUse = 'root' | 'intermediate' | 'signer'

/**
 * The extensions of a certificate made here: basic constraints, key usage (keyCertSign and
 * cRLSign for a CA; digitalSignature and nonRepudiation for a signer), the subject key
 * identifier and, below the root, the issuer's key identifier.
 */
export const certificateExtensions = (
  cert: pkijs.Certificate,
  use: CertificateUse,
  authorityKeyIdentifier?: Uint8Array,
) => [
  new pkijs.Extension({
    extnID: OID.basicConstraints,
    critical: true,
    extnValue: new pkijs.BasicConstraints(
      use === 'root'
        ? { cA: true }
        : use === 'intermediate'
          ? { cA: true, pathLenConstraint: 0 }
          : { cA: false },
    )
      .toSchema()
      .toBER(false),
  }),
  new pkijs.Extension({
    extnID: OID.keyUsage,
    critical: true,
    extnValue: (use === 'signer'
      ? new asn1js.BitString({ valueHex: new Uint8Array([0xc0]), unusedBits: 6 })
      : new asn1js.BitString({ valueHex: new Uint8Array([0x06]), unusedBits: 1 })
    ).toBER(false),
  }),
  new pkijs.Extension({
    extnID: OID.subjectKeyIdentifier,
    extnValue: new asn1js.OctetString({ valueHex: keyIdentifierOf(cert) }).toBER(false),
  }),
  ...(authorityKeyIdentifier
    ? [
        new pkijs.Extension({
          extnID: OID.authorityKeyIdentifier,
          extnValue: new pkijs.AuthorityKeyIdentifier({
            keyIdentifier: new asn1js.OctetString({ valueHex: authorityKeyIdentifier }),
          })
            .toSchema()
            .toBER(false),
        }),
      ]
    : []),
]

const toAuthority = async (keyPem: string, certPem: string): Promise<CertificateAuthority> => {
  const der = fromPem(certPem, 'CERTIFICATE')
  const certificate = pkijs.Certificate.fromBER(der)
  const privateKey = await crypto.subtle.importKey('pkcs8', fromPem(keyPem, 'PRIVATE KEY'), EC, false, [
    'sign',
  ])
  return {
    certificate,
    der,
    pem: certPem,
    x509: new X509Certificate(der),
    privateKey,
    keyIdentifier: keyIdentifierOf(certificate),
  }
}

/** Loads the CA from `dir`, or null when there is none yet. */
export const loadCertificateAuthority = async (dir: string): Promise<CertificateAuthority | null> => {
  const files = caFiles(dir)
  if (!existsSync(files.key) || !existsSync(files.cert)) return null
  return toAuthority(readFileSync(files.key, 'utf8'), readFileSync(files.cert, 'utf8'))
}

export type InitCertificateAuthorityOptions = { dir: string; name?: string; years?: number; now?: Date }

/**
 * Creates a new CA in `dir`.
 * @throws AppError 409 when a CA is already there (a deployment's CA is never overwritten)
 */
export const initCertificateAuthority = async ({
  dir,
  name = 'trolyso CA',
  years = 20,
  now = new Date(),
}: InitCertificateAuthorityOptions): Promise<CertificateAuthority> => {
  const files = caFiles(dir)
  if (existsSync(files.key) || existsSync(files.cert)) {
    throw new AppError('CONFLICT', `Đã có CA trong ${dir}; không ghi đè. A CA already exists there.`)
  }
  mkdirSync(dir, { recursive: true, mode: 0o700 })
  const keys = (await crypto.subtle.generateKey(EC, true, ['sign', 'verify'])) as CryptoKeyPair
  const cert = new pkijs.Certificate()
  cert.version = 2
  cert.serialNumber = new asn1js.Integer({ valueHex: Buffer.from(newSerial(), 'hex') })
  const subject = buildName({ C: 'VN', O: name, CN: name })
  cert.subject = subject
  cert.issuer = buildName({ C: 'VN', O: name, CN: name })
  cert.notBefore.value = new Date(now.getTime() - 60_000)
  cert.notAfter.value = new Date(now.getTime() + years * 365 * 86_400_000)
  await cert.subjectPublicKeyInfo.importKey(keys.publicKey)
  cert.extensions = certificateExtensions(cert, 'root')
  await cert.sign(keys.privateKey, 'SHA-256')
  const certPem = toPem(new Uint8Array(cert.toSchema(true).toBER(false)), 'CERTIFICATE')
  const keyPem = toPem(new Uint8Array(await crypto.subtle.exportKey('pkcs8', keys.privateKey)), 'PRIVATE KEY')
  // the key first, exclusively: two processes starting at once cannot both create a CA
  writeFileSync(files.key, keyPem, { mode: 0o600, flag: 'wx' })
  writeFileSync(`${files.cert}.tmp`, certPem)
  renameSync(`${files.cert}.tmp`, files.cert)
  return toAuthority(keyPem, certPem)
}

/** Loads the CA in `dir`, creating it on first start. */
export const ensureCertificateAuthority = async (
  dir: string,
  name?: string,
): Promise<CertificateAuthority> => {
  const existing = await loadCertificateAuthority(dir)
  if (existing) return existing
  try {
    return await initCertificateAuthority({ dir, ...(name ? { name } : {}) })
  } catch (error) {
    const again = await loadCertificateAuthority(dir)
    if (again) return again
    throw error
  }
}
