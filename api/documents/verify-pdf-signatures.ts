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
import * as asn1js from 'asn1js'
import * as pkijs from 'pkijs'
import type { SignatureRole } from './add-signature-placeholder.ts'
import { nameValue, OID, serialToHex } from './pki-encoding.ts'

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
}

type ChainResult = { valid: boolean; chain: X509Certificate[]; problem: string | null }

type CertInfo = {
  serial: string
  name: string | null
  key: KeyObject
  x509: X509Certificate
  notBefore: Date
  notAfter: Date
}

export type SignatureVerifier = {
  verify: (pdf: Uint8Array, now?: Date) => Verification
  trustRoots: X509Certificate[]
}

const ROLE_RE = /\/TrolysoRole\s*\/(approver|organisation)/

const parseCms = (contentsHex: string) => {
  // zero padding follows the DER; fromBER reads one element and ignores it (trimming zeros could cut the DER)
  const bytes = Buffer.from(contentsHex.length % 2 ? `${contentsHex}0` : contentsHex, 'hex')
  const asn = asn1js.fromBER(bytes)
  if (asn.offset === -1) throw new Error('CMS không đọc được')
  const info = new pkijs.ContentInfo({ schema: asn.result })
  if (info.contentType !== OID.signedData) throw new Error('CMS không phải SignedData')
  return new pkijs.SignedData({ schema: info.content })
}

const attributeValue = (signer: pkijs.SignerInfo, oid: string) =>
  signer.signedAttrs?.attributes.find((a) => a.type === oid)?.values[0]

/**
 * @param trustRoots DER or X509 certificates whose chains are accepted
 * @returns a verifier that keeps a per-certificate cache of chain results
 */
export const createSignatureVerifier = ({
  trustRoots,
}: {
  trustRoots: X509Certificate[]
}): SignatureVerifier => {
  const rootPrints = new Set(trustRoots.map((r) => r.fingerprint256))
  const certCache = new Map<string, CertInfo>()
  const chainCache = new Map<string, ChainResult>()

  const certInfo = (der: Uint8Array, cert: pkijs.Certificate): CertInfo => {
    const id = createHash('sha256').update(der).digest('hex')
    let info = certCache.get(id)
    if (!info) {
      const x509 = new X509Certificate(der)
      info = {
        serial: serialToHex(cert.serialNumber),
        name: nameValue(cert.subject, OID.commonName),
        key: x509.publicKey,
        x509,
        notBefore: cert.notBefore.value,
        notAfter: cert.notAfter.value,
      }
      if (certCache.size > 10_000) certCache.clear()
      certCache.set(id, info)
    }
    return info
  }

  const buildChain = (leaf: X509Certificate, pool: X509Certificate[]): ChainResult => {
    const key = `${leaf.fingerprint256}|${pool.map((p) => p.fingerprint256).join(',')}`
    const cached = chainCache.get(key)
    if (cached) return cached
    const candidates = [...pool, ...trustRoots]
    const chain: X509Certificate[] = [leaf]
    let current = leaf
    let result: ChainResult = { valid: false, chain, problem: 'Chứng thư không chuỗi tới gốc tin cậy nào.' }
    for (let depth = 0; depth < 6; depth++) {
      if (rootPrints.has(current.fingerprint256)) {
        result = { valid: true, chain, problem: null }
        break
      }
      const issuer = candidates.find(
        (c) =>
          c.fingerprint256 !== current.fingerprint256 &&
          current.checkIssued(c) &&
          c.ca &&
          current.verify(c.publicKey),
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
    const check: SignatureCheck = {
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
    }
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
    const dictStart = latin1.lastIndexOf(' obj', match.index ?? 0)
    const dictEnd = latin1.indexOf('endobj', c)
    const dictText =
      latin1.slice(Math.max(dictStart, 0), b) + latin1.slice(c, dictEnd < 0 ? c + 2000 : dictEnd)
    const role = ROLE_RE.exec(dictText)?.[1]
    check.role = role === 'approver' || role === 'organisation' ? role : null
    let signedData: pkijs.SignedData
    try {
      signedData = parseCms(latin1.slice(b + 1, c - 1))
    } catch {
      check.problems.push('Không đọc được chữ ký CMS.')
      return check
    }
    const signer = signedData.signerInfos[0]
    const certs = (signedData.certificates ?? []).filter(
      (x): x is pkijs.Certificate => x instanceof pkijs.Certificate,
    )
    if (!signer || !(signer.sid instanceof pkijs.IssuerAndSerialNumber)) {
      check.problems.push('Chữ ký CMS thiếu thông tin người ký.')
      return check
    }
    const sid = signer.sid
    const leaf = certs.find((x) => x.serialNumber.isEqual(sid.serialNumber) && x.issuer.isEqual(sid.issuer))
    if (!leaf) {
      check.problems.push('Chữ ký CMS không kèm chứng thư của người ký.')
      return check
    }
    const leafInfo = certInfo(new Uint8Array(leaf.toSchema().toBER(false)), leaf)
    check.signerName = leafInfo.name
    check.certificateSerial = leafInfo.serial

    const digest = createHash('sha256')
      .update(pdf.subarray(a, a + b))
      .update(pdf.subarray(c, c + d))
      .digest()
    const md = attributeValue(signer, OID.messageDigest)
    const mdOk = md instanceof asn1js.OctetString && Buffer.from(md.valueBlock.valueHexView).equals(digest)
    if (!mdOk) check.problems.push('Nội dung đã bị thay đổi sau khi ký (digest mismatch).')
    let sigOk = false
    if (signer.signedAttrs) {
      const signedAttrs = Buffer.from(new Uint8Array(signer.signedAttrs.encodedValue))
      signedAttrs[0] = 0x31
      try {
        sigOk = verifySignature(
          'sha256',
          signedAttrs,
          { key: leafInfo.key, dsaEncoding: 'der' },
          Buffer.from(signer.signature.valueBlock.valueHexView),
        )
      } catch {
        sigOk = false
      }
    }
    if (!sigOk) check.problems.push('Chữ ký không khớp với chứng thư của người ký.')
    check.integrity = mdOk && sigOk

    const time = attributeValue(signer, OID.signingTime)
    const signedAt =
      time instanceof asn1js.UTCTime || time instanceof asn1js.GeneralizedTime ? time.toDate() : null
    check.signedAt = signedAt?.toISOString() ?? null

    const pool = certs
      .filter((x) => x !== leaf)
      .map((x) => certInfo(new Uint8Array(x.toSchema().toBER(false)), x).x509)
    const chain = buildChain(leafInfo.x509, pool)
    check.chainValid = chain.valid
    if (chain.problem) check.problems.push(chain.problem)
    const at = signedAt ?? new Date()
    check.validAtSigningTime = chain.chain.every(
      (x) => new Date(x.validFrom) <= at && at <= new Date(x.validTo),
    )
    if (!check.validAtSigningTime) check.problems.push('Chứng thư không còn hiệu lực vào thời điểm ký.')
    return check
  }

  const verify = (pdf: Uint8Array, now = new Date()): Verification => {
    const latin1 = Buffer.from(pdf.buffer, pdf.byteOffset, pdf.byteLength).toString('latin1')
    const signatures = [...latin1.matchAll(/\/ByteRange\s*\[\s*(\d+)\s+(\d+)\s+(\d+)\s+(\d+)\s*\]/g)].map(
      (m) => checkOne(pdf, latin1, m),
    )
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
