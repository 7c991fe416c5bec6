/**
 * A local stand-in for a remote-signing provider, for tests and demos: keys live in
 * memory, certificates come from the deployment's CA, and `confirm`/`reject` play the
 * official's phone. It signs a pre-computed hash, as real providers do: ECDSA P-256 with
 * @noble/curves (WebCrypto and node:crypto both insist on hashing first), or,
 * like VNPT SmartCA, Viettel MySign and VGCA tokens, RSA PKCS#1 v1.5 with certificates
 * from an intermediate CA whose certificate the provider returns in the chain.
 * @module
 */
import {
  constants,
  createPrivateKey,
  type KeyObject,
  privateEncrypt,
  randomUUID,
  X509Certificate,
} from 'node:crypto'
import { p256 } from '@noble/curves/nist.js'
import * as asn1js from 'asn1js'
import * as pkijs from 'pkijs'
import {
  type CertificateAuthority,
  certificateExtensions,
  keyIdentifierOf,
} from '../../api/documents/init-certificate-authority.ts'
import { issueCertificate } from '../../api/documents/issue-certificate.ts'
import { buildName, newSerial, toPem } from '../../api/documents/pki-encoding.ts'
import type {
  RemoteSignatureStatus,
  RemoteSigningProvider,
} from '../../api/documents/remote-signing-provider.ts'

/** ECDSA P-256 over an already-computed 32-byte hash (no hashing again); returns P1363 r||s. */
export const signPrehashed = (d: Uint8Array, hash: Uint8Array) =>
  Buffer.from(p256.sign(hash, d, { prehash: false, format: 'compact' }))

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
  cert.extensions = certificateExtensions(cert, 'intermediate', ca.keyIdentifier)
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
    | { d: Uint8Array; certificatePem: string; chainPem: string[] }
    | { rsa: KeyObject; certificatePem: string; chainPem: string[] }
  const keys = new Map<string, Entry>()
  const txs = new Map<string, Transaction>()
  let intermediate: Promise<CertificateAuthority> | null = null

  /** The official's certificate for the key pair, issued by `issuer` from a CSR the pair signed. */
  const certify = async (
    issuer: CertificateAuthority,
    official: Parameters<RemoteSigningProvider['getCertificate']>[0],
    pair: CryptoKeyPair,
  ) => {
    const csr = new pkijs.CertificationRequest()
    csr.subject = buildName({ CN: official.name })
    await csr.subjectPublicKeyInfo.importKey(pair.publicKey)
    await csr.sign(pair.privateKey, 'SHA-256')
    return issueCertificate({
      ca: issuer,
      csrPem: toPem(new Uint8Array(csr.toSchema().toBER(false)), 'CERTIFICATE REQUEST'),
      subject: {
        officialId: official.id,
        name: official.name,
        agencyCode: official.agencyCode,
        agencyName: official.agencyName,
      },
    })
  }

  const rsaEntry = async (
    official: Parameters<RemoteSigningProvider['getCertificate']>[0],
  ): Promise<Entry> => {
    intermediate ??= createIntermediateAuthority(ca)
    const issuer = await intermediate
    const pair = (await crypto.subtle.generateKey(RSA(rsaBits), true, ['sign', 'verify'])) as CryptoKeyPair
    const issued = await certify(issuer, official, pair)
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
      const issued = await certify(ca, official, pair)
      entry = {
        d: new Uint8Array(Buffer.from(jwk.d ?? '', 'base64url')),
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
