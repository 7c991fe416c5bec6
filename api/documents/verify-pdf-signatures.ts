/**
 * Server-side verification of every PDF that enters: for each signature, the digest of
 * its byte ranges (integrity), the CMS signature over the signed attributes, the chain
 * to the trust roots (the deployment CA and TRUST_ROOTS_FILE), validity at signing time,
 * and the NĐ 30/2020 role recorded in the signature dictionary. Chains are checked once
 * per certificate and cached, so a burst of documents signed by the same officials costs
 * little more than two hashes and two ECDSA verifications each.
 * @module
 */
import { createHash, type KeyObject, verify as verifySignature, X509Certificate } from 'node:crypto'
import type { SignatureRole } from './add-signature-placeholder.ts'
import {
  findByteRanges,
  MAX_CONTENTS_BYTES,
  MAX_SIGNATURES,
  objectEndAfter,
  objectStartBefore,
} from './find-byte-ranges.ts'
import { OID } from './pki-encoding.ts'
import { bodyOf, childrenOf, oidBytes, rawOf, readTime, readTlv, type Tlv } from './read-der.ts'

export type SignatureCheck = {
  role: SignatureRole | null
  signerName: string | null
  certificateSerial: string | null
  signedAt: string | null
  integrity: boolean
  chainValid: boolean
  validAtSigningTime: boolean
  coversWholeDocument: boolean
  /** the signer's official holds a role allowed to sign in this capacity; null when not ours to know */
  roleValid: boolean | null
  problems: string[]
}

export type SignatureStatus = 'signed_valid' | 'signed_invalid' | 'unsigned'

export type Verification = {
  status: SignatureStatus
  signatures: SignatureCheck[]
  /** an approver's signature followed by the organisation's, both valid (NĐ 30/2020 art. 5) */
  rolesComplete: boolean
  checkedAt: string
  /** problems of the file as a whole (too many signatures, time budget spent), when any */
  problems?: string[]
}

type ChainResult = { valid: boolean; chain: CertInfo[]; problem: string | null }

type CertInfo = {
  serial: string
  serialBody: Buffer
  issuerRaw: Buffer
  name: string | null
  key: KeyObject
  x509: X509Certificate
  validFrom: Date
  validTo: Date
}

export type SignatureVerifier = {
  /** @param deadline epoch ms after which the remaining signatures are not checked (the file is then invalid) */
  verify: (pdf: Uint8Array, now?: Date, deadline?: number) => Verification
  trustRoots: X509Certificate[]
}

const ROLE_RE = /\/TrolysoRole\s*\/(approver|organisation)/

const OIDS = {
  signedData: oidBytes(OID.signedData),
  messageDigest: oidBytes(OID.messageDigest),
  signingTime: oidBytes(OID.signingTime),
}

type ParsedCms = {
  certs: Uint8Array[]
  issuerRaw: Buffer
  serialBody: Buffer
  signedAttrs: Buffer
  signature: Buffer
  messageDigest: Buffer | null
  signingTime: Date | null
}

/** Walks ContentInfo → SignedData → first SignerInfo (RFC 5652 §5) without building object trees. */
const parseCms = (bytes: Uint8Array): ParsedCms => {
  const ci = childrenOf(bytes, readTlv(bytes, 0))
  if (
    ci[0]?.tag !== 0x06 ||
    !Buffer.from(bodyOf(bytes, ci[0])).equals(OIDS.signedData) ||
    ci[1]?.tag !== 0xa0
  ) {
    throw new Error('CMS không phải SignedData')
  }
  const sd = childrenOf(bytes, childrenOf(bytes, ci[1])[0] as Tlv)
  const certsTlv = sd.find((t) => t.tag === 0xa0)
  const certs = certsTlv
    ? childrenOf(bytes, certsTlv)
        .filter((t) => t.tag === 0x30)
        .map((t) => rawOf(bytes, t))
    : []
  const signerInfos = sd.at(-1)
  if (signerInfos?.tag !== 0x31) throw new Error('CMS thiếu signerInfos')
  const si = childrenOf(bytes, childrenOf(bytes, signerInfos)[0] as Tlv)
  const sid = si[1]
  if (sid?.tag !== 0x30) throw new Error('CMS: chỉ hỗ trợ IssuerAndSerialNumber')
  const [issuer, serial] = childrenOf(bytes, sid)
  const attrsTlv = si.find((t) => t.tag === 0xa0)
  const sigTlv = si.find((t) => t.tag === 0x04)
  if (!issuer || !serial || !attrsTlv || !sigTlv) throw new Error('CMS SignerInfo thiếu trường')
  let messageDigest: Buffer | null = null
  let signingTime: Date | null = null
  for (const attr of childrenOf(bytes, attrsTlv)) {
    const [type, values] = childrenOf(bytes, attr)
    const value = values ? childrenOf(bytes, values)[0] : undefined
    if (!type || !value) continue
    const oid = Buffer.from(bodyOf(bytes, type))
    if (oid.equals(OIDS.messageDigest) && value.tag === 0x04)
      messageDigest = Buffer.from(bodyOf(bytes, value))
    else if (oid.equals(OIDS.signingTime) && (value.tag === 0x17 || value.tag === 0x18)) {
      signingTime = readTime(bytes, value)
    }
  }
  const signedAttrs = Buffer.from(rawOf(bytes, attrsTlv))
  // the signature covers the attributes as a SET OF (RFC 5652 §5.4), not under the [0] IMPLICIT tag
  signedAttrs[0] = 0x31
  return {
    certs,
    issuerRaw: Buffer.from(rawOf(bytes, issuer)),
    serialBody: Buffer.from(bodyOf(bytes, serial)),
    signedAttrs,
    signature: Buffer.from(bodyOf(bytes, sigTlv)),
    messageDigest,
    signingTime,
  }
}

/** Serial and issuer of a certificate, read from its TBSCertificate. */
const certIds = (der: Uint8Array) => {
  const tbs = childrenOf(der, childrenOf(der, readTlv(der, 0))[0] as Tlv)
  const offset = tbs[0]?.tag === 0xa0 ? 1 : 0
  const serial = tbs[offset] as Tlv
  const issuer = tbs[offset + 2] as Tlv
  return { serialBody: Buffer.from(bodyOf(der, serial)), issuerRaw: Buffer.from(rawOf(der, issuer)) }
}

/** The verdict on a file whose signatures are not checked one by one. */
const refused = (now: Date, problem: string): Verification => ({
  status: 'signed_invalid',
  signatures: [],
  rolesComplete: false,
  checkedAt: now.toISOString(),
  problems: [problem],
})

const emptyCheck = (): SignatureCheck => ({
  role: null,
  signerName: null,
  certificateSerial: null,
  signedAt: null,
  integrity: false,
  chainValid: false,
  validAtSigningTime: false,
  coversWholeDocument: false,
  roleValid: null,
  problems: [],
})

/**
 * @param trustRoots certificates whose chains are accepted
 * @returns a verifier that keeps per-certificate caches (parsed certificates, chain results)
 */
export const createSignatureVerifier = ({
  trustRoots,
}: {
  trustRoots: X509Certificate[]
}): SignatureVerifier => {
  const certCache = new Map<string, CertInfo>()
  const chainCache = new Map<string, ChainResult>()

  const certInfo = (der: Uint8Array): CertInfo => {
    const id = Buffer.from(der).toString('latin1')
    let info = certCache.get(id)
    if (!info) {
      const x509 = new X509Certificate(der)
      const ids = certIds(der)
      info = {
        ...ids,
        serial: ids.serialBody
          .toString('hex')
          .toUpperCase()
          .replace(/^(00)+(?=.)/, ''),
        name: /^CN=(.*)$/m.exec(x509.subject)?.[1] ?? null,
        key: x509.publicKey,
        x509,
        validFrom: new Date(x509.validFrom),
        validTo: new Date(x509.validTo),
      }
      if (certCache.size > 10_000) certCache.clear()
      certCache.set(id, info)
    }
    return info
  }
  const roots = trustRoots.map((r) => certInfo(new Uint8Array(r.raw)))
  const rootPrints = new Set(trustRoots.map((r) => r.fingerprint256))

  const buildChain = (leaf: CertInfo, pool: CertInfo[]): ChainResult => {
    const key = `${leaf.x509.fingerprint256}|${pool.map((p) => p.x509.fingerprint256).join(',')}`
    const cached = chainCache.get(key)
    if (cached) return cached
    const candidates = [...pool, ...roots]
    const chain: CertInfo[] = [leaf]
    let current = leaf
    let result: ChainResult = { valid: false, chain, problem: 'Chứng thư không chuỗi tới gốc tin cậy nào.' }
    for (let depth = 0; depth < 6; depth++) {
      if (rootPrints.has(current.x509.fingerprint256)) {
        result = { valid: true, chain, problem: null }
        break
      }
      const from = current
      const issuer = candidates.find(
        (c) => c !== from && from.x509.checkIssued(c.x509) && c.x509.ca && from.x509.verify(c.key),
      )
      if (!issuer) break
      chain.push(issuer)
      current = issuer
    }
    if (chainCache.size > 10_000) chainCache.clear()
    chainCache.set(key, result)
    return result
  }

  const checkOne = (pdf: Uint8Array, latin1: string, match: RegExpMatchArray): SignatureCheck => {
    const check = emptyCheck()
    const [a, b, c, d] = [match[1], match[2], match[3], match[4]].map(Number) as [
      number,
      number,
      number,
      number,
    ]
    if (a !== 0 || b <= 0 || c <= b + 1 || c + d > pdf.length || latin1[b] !== '<' || latin1[c - 1] !== '>') {
      check.problems.push('ByteRange không hợp lệ.')
      return check
    }
    check.coversWholeDocument = c + d === pdf.length
    if (c - b - 2 > MAX_CONTENTS_BYTES * 2) {
      check.problems.push('Chữ ký CMS lớn bất thường; không kiểm tra.')
      return check
    }
    const dictStart = objectStartBefore(latin1, match.index ?? 0)
    const dictText = latin1.slice(dictStart, b) + latin1.slice(c, objectEndAfter(latin1, c))
    const role = ROLE_RE.exec(dictText)?.[1]
    check.role = role === 'approver' || role === 'organisation' ? role : null
    let cms: ParsedCms
    let infos: CertInfo[]
    try {
      cms = parseCms(Buffer.from(latin1.slice(b + 1, c - 1), 'hex'))
      infos = cms.certs.map(certInfo)
    } catch {
      check.problems.push('Không đọc được chữ ký CMS.')
      return check
    }
    const leaf = infos.find((x) => x.serialBody.equals(cms.serialBody) && x.issuerRaw.equals(cms.issuerRaw))
    if (!leaf) {
      check.problems.push('Chữ ký CMS không kèm chứng thư của người ký.')
      return check
    }
    check.signerName = leaf.name
    check.certificateSerial = leaf.serial

    const digest = createHash('sha256')
      .update(pdf.subarray(a, a + b))
      .update(pdf.subarray(c, c + d))
      .digest()
    const mdOk = cms.messageDigest?.equals(digest) ?? false
    if (!mdOk) check.problems.push('Nội dung đã bị thay đổi sau khi ký (digest mismatch).')
    let sigOk = false
    try {
      sigOk = verifySignature('sha256', cms.signedAttrs, { key: leaf.key, dsaEncoding: 'der' }, cms.signature)
    } catch {
      sigOk = false
    }
    if (!sigOk) check.problems.push('Chữ ký không khớp với chứng thư của người ký.')
    check.integrity = mdOk && sigOk
    check.signedAt = cms.signingTime?.toISOString() ?? null

    const chain = buildChain(
      leaf,
      infos.filter((x) => x !== leaf),
    )
    check.chainValid = chain.valid
    if (chain.problem) check.problems.push(chain.problem)
    const at = cms.signingTime ?? new Date()
    check.validAtSigningTime = chain.chain.every((x) => x.validFrom <= at && at <= x.validTo)
    if (!check.validAtSigningTime) check.problems.push('Chứng thư không còn hiệu lực vào thời điểm ký.')
    return check
  }

  const verify = (pdf: Uint8Array, now = new Date(), deadline = Number.POSITIVE_INFINITY): Verification => {
    const latin1 = Buffer.from(pdf.buffer, pdf.byteOffset, pdf.byteLength).toString('latin1')
    const found = findByteRanges(latin1, MAX_SIGNATURES + 1)
    if (found.length > MAX_SIGNATURES) {
      const problem = `Tệp có hơn ${MAX_SIGNATURES} chữ ký; không kiểm tra. More than ${MAX_SIGNATURES} signatures.`
      return refused(now, problem)
    }
    const signatures: SignatureCheck[] = []
    for (const m of found) {
      if (Date.now() > deadline) {
        return refused(now, 'Kiểm tra chữ ký vượt thời gian cho phép. Signature check took too long.')
      }
      signatures.push(checkOne(pdf, latin1, m))
    }
    const last = signatures.at(-1)
    if (last && !last.coversWholeDocument) last.problems.push('Có nội dung được thêm sau chữ ký cuối cùng.')
    const allValid = signatures.every(
      (s) => s.integrity && s.chainValid && s.validAtSigningTime && s.roleValid !== false,
    )
    const status: SignatureStatus =
      signatures.length === 0
        ? 'unsigned'
        : allValid && last?.coversWholeDocument
          ? 'signed_valid'
          : 'signed_invalid'
    const approverAt = signatures.findIndex((s) => s.role === 'approver')
    const organisationAt = signatures.findIndex((s) => s.role === 'organisation')
    return {
      status,
      signatures,
      rolesComplete: status === 'signed_valid' && approverAt >= 0 && organisationAt > approverAt,
      checkedAt: now.toISOString(),
    }
  }

  return { verify, trustRoots }
}
