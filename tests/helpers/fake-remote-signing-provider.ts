/**
 * A local stand-in for a remote-signing provider, for tests and demos: keys live in
 * memory, certificates come from the deployment's CA, and `confirm`/`reject` play the
 * official's phone. It signs a pre-computed hash, as real providers do: ECDSA P-256 with
 * a small implementation (WebCrypto and node:crypto both insist on hashing first), or,
 * like VNPT SmartCA, Viettel MySign and VGCA tokens, RSA PKCS#1 v1.5 with certificates
 * from an intermediate CA whose certificate the provider returns in the chain.
 * @module
 */
import {
  constants,
  createPrivateKey,
  type KeyObject,
  privateEncrypt,
  randomBytes,
  randomUUID,
  X509Certificate,
} from 'node:crypto'
import * as asn1js from 'asn1js'
import * as pkijs from 'pkijs'
import { type CertificateAuthority, keyIdentifierOf } from './init-certificate-authority.ts'
import { issueCertificate } from './issue-certificate.ts'
import { buildName, newSerial, OID, toPem } from './pki-encoding.ts'
import type { RemoteSignatureStatus, RemoteSigningProvider } from './remote-signing-provider.ts'

const P = 0xffffffff00000001000000000000000000000000ffffffffffffffffffffffffn
const N = 0xffffffff00000000ffffffffffffffffbce6faada7179e84f3b9cac2fc632551n
const A = P - 3n
const G: Point = [
  0x6b17d1f2e12c4247f8bce6e563a440f277037d812deb33a0f4a13945d898c296n,
  0x4fe342e2fe1a7f9b8ee7eb4a7c0f9e162bce33576b315ececbb6406837bf51f5n,
]
type Point = [bigint, bigint] | null

const mod = (a: bigint, m: bigint) => ((a % m) + m) % m
const inv = (a: bigint, m: bigint) => {
  let [r0, r1, s0, s1] = [mod(a, m), m, 1n, 0n]
  while (r1 !== 0n) {
    const q = r0 / r1
    ;[r0, r1] = [r1, r0 - q * r1]
    ;[s0, s1] = [s1, s0 - q * s1]
  }
  return mod(s0, m)
}
const add = (p: Point, q: Point): Point => {
  if (!p) return q
  if (!q) return p
  if (p[0] === q[0] && mod(p[1] + q[1], P) === 0n) return null
  const l =
    p[0] === q[0] && p[1] === q[1]
      ? mod((3n * p[0] * p[0] + A) * inv(2n * p[1], P), P)
      : mod((q[1] - p[1]) * inv(q[0] - p[0], P), P)
  const x = mod(l * l - p[0] - q[0], P)
  return [x, mod(l * (p[0] - x) - p[1], P)]
}
const mul = (k: bigint, p: Point) => {
  let result: Point = null
  let addend = p
  for (let n = k; n > 0n; n >>= 1n) {
    if (n & 1n) result = add(result, addend)
    addend = add(addend, addend)
  }
  return result
}
const big = (b: Uint8Array) => BigInt(`0x${Buffer.from(b).toString('hex') || '0'}`)
const bytes32 = (n: bigint) => Buffer.from(n.toString(16).padStart(64, '0'), 'hex')

/** ECDSA over an already-computed 32-byte hash; returns P1363 r||s. */
export const signPrehashed = (d: bigint, hash: Uint8Array) => {
  const z = big(hash)
  for (;;) {
    const k = mod(big(randomBytes(32)), N)
    if (k === 0n) continue
    const r = mod(mul(k, G)?.[0] ?? 0n, N)
    const s = mod(inv(k, N) * (z + r * d), N)
    if (r !== 0n && s !== 0n) return Buffer.concat([bytes32(r), bytes32(s)])
  }
}

/** DER DigestInfo prefix for SHA-256 (RFC 8017 §9.2 note 1): PKCS#1 v1.5 signs prefix ‖ hash. */
const SHA256_DIGEST_INFO = Buffer.from('3031300d060960864801650304020105000420', 'hex')

/** RSA PKCS#1 v1.5 over an already-computed SHA-256 hash. */
export const signPrehashedRsa = (key: KeyObject, hash: Uint8Array) =>
  privateEncrypt({ key, padding: constants.RSA_PKCS1_PADDING }, Buffer.concat([SHA256_DIGEST_INFO, hash]))

const RSA = (bits: number) =>
  ({
    name: 'RSASSA-PKCS1-v1_5',
    modulusLength: bits,
    publicExponent: new Uint8Array([1, 0, 1]),
    hash: 'SHA-256',
  }) as const

/** An intermediate CA (RSA) under `ca`, as providers issue officials' certificates from one. */
export const createIntermediateAuthority = async (
  ca: CertificateAuthority,
  name = 'Nhà cung cấp ký số từ xa (thử) — CA trung gian',
): Promise<CertificateAuthority> => {
  const keys = (await crypto.subtle.generateKey(RSA(2048), false, ['sign', 'verify'])) as CryptoKeyPair
  const cert = new pkijs.Certificate()
  cert.version = 2
  cert.serialNumber = new asn1js.Integer({ valueHex: Buffer.from(newSerial(), 'hex') })
  cert.issuer = ca.certificate.subject
  cert.subject = buildName({ C: 'VN', O: name, CN: name })
  cert.notBefore.value = new Date(Date.now() - 60_000)
  cert.notAfter.value = new Date(Date.now() + 5 * 365 * 86_400_000)
  await cert.subjectPublicKeyInfo.importKey(keys.publicKey)
  cert.extensions = [
    new pkijs.Extension({
      extnID: OID.basicConstraints,
      critical: true,
      extnValue: new pkijs.BasicConstraints({ cA: true, pathLenConstraint: 0 }).toSchema().toBER(false),
    }),
    new pkijs.Extension({
      extnID: OID.keyUsage,
      critical: true,
      extnValue: new asn1js.BitString({ valueHex: new Uint8Array([0x06]), unusedBits: 1 }).toBER(false),
    }),
    new pkijs.Extension({
      extnID: OID.subjectKeyIdentifier,
      extnValue: new asn1js.OctetString({ valueHex: keyIdentifierOf(cert) }).toBER(false),
    }),
    new pkijs.Extension({
      extnID: OID.authorityKeyIdentifier,
      extnValue: new pkijs.AuthorityKeyIdentifier({
        keyIdentifier: new asn1js.OctetString({ valueHex: ca.keyIdentifier }),
      })
        .toSchema()
        .toBER(false),
    }),
  ]
  await cert.sign(ca.privateKey, 'SHA-256')
  const der = Buffer.from(cert.toSchema(true).toBER(false))
  return {
    certificate: cert,
    der,
    pem: toPem(der, 'CERTIFICATE'),
    x509: new X509Certificate(der),
    privateKey: keys.privateKey,
    keyIdentifier: keyIdentifierOf(cert),
  }
}

type Transaction = {
  officialId: string
  hash: Uint8Array
  status: RemoteSignatureStatus
  signature?: Uint8Array
}

export type FakeRemoteSigningProvider = RemoteSigningProvider & {
  /** The official taps "Xác nhận" on the phone. */
  confirm: (transactionId: string) => void
  /** The official taps "Từ chối". */
  reject: (transactionId: string) => void
  /** Transactions started so far, newest last. */
  transactions: () => string[]
}

/**
 * @param ca the CA that certifies the provider's keys (the deployment's own, in tests)
 * @param autoConfirm confirm every request at once (demos)
 */
export const createFakeRemoteSigningProvider = ({
  ca,
  autoConfirm = false,
  keyType = 'ecdsa',
  rsaBits = 2048,
}: {
  ca: CertificateAuthority
  autoConfirm?: boolean
  /** `rsa`: RSA PKCS#1 v1.5 keys certified by an intermediate CA under `ca` */
  keyType?: 'ecdsa' | 'rsa'
  rsaBits?: 2048 | 3072
}): FakeRemoteSigningProvider => {
  type Entry =
    | { d: bigint; certificatePem: string; chainPem: string[] }
    | { rsa: KeyObject; certificatePem: string; chainPem: string[] }
  const keys = new Map<string, Entry>()
  const txs = new Map<string, Transaction>()
  let intermediate: Promise<CertificateAuthority> | null = null

  const rsaEntry = async (
    official: Parameters<RemoteSigningProvider['getCertificate']>[0],
  ): Promise<Entry> => {
    intermediate ??= createIntermediateAuthority(ca)
    const issuer = await intermediate
    const pair = (await crypto.subtle.generateKey(RSA(rsaBits), true, ['sign', 'verify'])) as CryptoKeyPair
    const csr = new pkijs.CertificationRequest()
    csr.subject = buildName({ CN: official.name })
    await csr.subjectPublicKeyInfo.importKey(pair.publicKey)
    await csr.sign(pair.privateKey, 'SHA-256')
    const issued = await issueCertificate({
      ca: issuer,
      csrPem: toPem(new Uint8Array(csr.toSchema().toBER(false)), 'CERTIFICATE REQUEST'),
      subject: {
        officialId: official.id,
        name: official.name,
        agencyCode: official.agencyCode,
        agencyName: official.agencyName,
      },
    })
    const pkcs8 = Buffer.from(await crypto.subtle.exportKey('pkcs8', pair.privateKey))
    return {
      rsa: createPrivateKey({ key: pkcs8, format: 'der', type: 'pkcs8' }),
      certificatePem: issued.pem,
      chainPem: [issuer.pem, ca.pem],
    }
  }

  const getCertificate: RemoteSigningProvider['getCertificate'] = async (official) => {
    let entry = keys.get(official.id)
    if (!entry && keyType === 'rsa') {
      entry = await rsaEntry(official)
      keys.set(official.id, entry)
    }
    if (!entry) {
      const pair = (await crypto.subtle.generateKey({ name: 'ECDSA', namedCurve: 'P-256' }, true, [
        'sign',
        'verify',
      ])) as CryptoKeyPair
      const jwk = await crypto.subtle.exportKey('jwk', pair.privateKey)
      const csr = new pkijs.CertificationRequest()
      csr.subject = buildName({ CN: official.name })
      await csr.subjectPublicKeyInfo.importKey(pair.publicKey)
      await csr.sign(pair.privateKey, 'SHA-256')
      const issued = await issueCertificate({
        ca,
        csrPem: toPem(new Uint8Array(csr.toSchema().toBER(false)), 'CERTIFICATE REQUEST'),
        subject: {
          officialId: official.id,
          name: official.name,
          agencyCode: official.agencyCode,
          agencyName: official.agencyName,
        },
      })
      entry = {
        d: big(Buffer.from(jwk.d ?? '', 'base64url')),
        certificatePem: issued.pem,
        chainPem: [ca.pem],
      }
      keys.set(official.id, entry)
    }
    return { certificatePem: entry.certificatePem, chainPem: entry.chainPem }
  }

  const confirm = (transactionId: string) => {
    const tx = txs.get(transactionId)
    const key = tx && keys.get(tx.officialId)
    if (!tx || !key || tx.status !== 'pending') return
    tx.signature = 'rsa' in key ? signPrehashedRsa(key.rsa, tx.hash) : signPrehashed(key.d, tx.hash)
    tx.status = 'signed'
  }

  return {
    getCertificate,
    requestSignature: async ({ officialId, hash }) => {
      const transactionId = randomUUID()
      txs.set(transactionId, { officialId, hash: Buffer.from(hash), status: 'pending' })
      if (autoConfirm) confirm(transactionId)
      return { transactionId }
    },
    getStatus: async (transactionId) => {
      const tx = txs.get(transactionId)
      if (!tx) return { status: 'expired' }
      return tx.signature ? { status: tx.status, signature: tx.signature } : { status: tx.status }
    },
    confirm,
    reject: (transactionId) => {
      const tx = txs.get(transactionId)
      if (tx?.status === 'pending') tx.status = 'rejected'
    },
    transactions: () => [...txs.keys()],
  }
}
