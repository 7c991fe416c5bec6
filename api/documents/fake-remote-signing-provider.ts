/**
 * A local stand-in for a remote-signing provider, for tests and demos: keys live in
 * memory, certificates come from the deployment's CA, and `confirm`/`reject` play the
 * official's phone. It signs a pre-computed hash, as real providers do, with a small
 * ECDSA P-256 implementation (WebCrypto and node:crypto both insist on hashing first).
 * @module
 */
import { randomBytes, randomUUID } from 'node:crypto'
import * as pkijs from 'pkijs'
import type { CertificateAuthority } from './init-certificate-authority.ts'
import { issueCertificate } from './issue-certificate.ts'
import { buildName, toPem } from './pki-encoding.ts'
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
}: {
  ca: CertificateAuthority
  autoConfirm?: boolean
}): FakeRemoteSigningProvider => {
  const keys = new Map<string, { d: bigint; certificatePem: string }>()
  const txs = new Map<string, Transaction>()

  const getCertificate: RemoteSigningProvider['getCertificate'] = async (official) => {
    let entry = keys.get(official.id)
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
      entry = { d: big(Buffer.from(jwk.d ?? '', 'base64url')), certificatePem: issued.pem }
      keys.set(official.id, entry)
    }
    return { certificatePem: entry.certificatePem, chainPem: [ca.pem] }
  }

  const confirm = (transactionId: string) => {
    const tx = txs.get(transactionId)
    const key = tx && keys.get(tx.officialId)
    if (!tx || !key || tx.status !== 'pending') return
    tx.signature = signPrehashed(key.d, tx.hash)
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
