/**
 * Server-side verification of every PDF that enters: for each signature, the digest of
 * its byte ranges with the algorithm the CMS states (integrity), the CMS signature over
 * the signed attributes, ESS signing-certificate(-v2), the chain to the trust roots (the
 * deployment CA and TRUST_ROOTS_FILE), validity at the claimed time (/M), the NĐ 30/2020
 * role (from an organisation certificate's policy, else the signature dictionary), and for
 * every signature but the last what changed after it (compare-signed-revisions.ts). Chains are checked once
 * per certificate and cached, so a burst of documents signed by the same officials costs
 * little more than two hashes and two ECDSA verifications each.
 * @module
 */
import {
  constants,
  createHash,
  type KeyObject,
  verify as verifySignature,
  X509Certificate,
} from 'node:crypto'
import type { SignatureCheck, SignatureStatus, Verification } from '../../contracts/document-verification.ts'
import { checkSignatureTimestamp } from './check-signature-timestamp.ts'
import { flagChangesAfterSignatures } from './compare-signed-revisions.ts'
import {
  findByteRanges,
  MAX_CONTENTS_BYTES,
  MAX_SIGNATURES,
  objectEndAfter,
  objectStartBefore,
} from './find-byte-ranges.ts'
import { isOrganisationCertificate } from './read-certificate-policies.ts'
import { certIds, type ParsedCms, readCmsSignature } from './read-cms-signature.ts'
import { readSignatureTime, vietnamTime } from './read-signature-time.ts'

export type { SignatureCheck, SignatureStatus, Verification } from '../../contracts/document-verification.ts'

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
  /** an organisation certificate (ROLE_POLICY.organisationSeal) */
  organisationSeal: boolean
}

export type SignatureVerifier = {
  /** @param deadline epoch ms after which the remaining signatures are not checked (the file is then invalid) */
  verify: (pdf: Uint8Array, now?: Date, deadline?: number) => Verification
  trustRoots: X509Certificate[]
}

const ROLE_RE = /\/TrolysoRole\s*\/(approver|organisation)/

/** Bytes of the DER element whose tag and length start `head`. */
const derLength = (head: Buffer) => {
  const first = head[1] ?? 0
  if (first < 0x80) return 2 + first
  let length = 0
  for (let i = 0; i < (first & 0x7f); i++) length = length * 256 + (head[2 + i] ?? 0)
  return 2 + (first & 0x7f) + length
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
  roleSource: null,
  signerName: null,
  certificateSerial: null,
  signedAt: null,
  signedAtLocal: null,
  padesBaseline: false,
  level: null,
  timestampValid: null,
  timestampedAt: null,
  timestampedAtLocal: null,
  timestampAuthority: null,
  revokedAt: null,
  revocation: null,
  integrity: false,
  chainValid: false,
  validAtSigningTime: false,
  coversWholeDocument: false,
  revisionLength: null,
  changesAfter: [],
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
        organisationSeal: isOrganisationCertificate(der),
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
    check.revisionLength = c + d
    if (c - b - 2 > MAX_CONTENTS_BYTES * 2) {
      check.problems.push('Chữ ký CMS lớn bất thường; không kiểm tra.')
      return check
    }
    const dictStart = objectStartBefore(latin1, match.index ?? 0)
    const dictText = latin1.slice(dictStart, b) + latin1.slice(c, objectEndAfter(latin1, c))
    const role = ROLE_RE.exec(dictText)?.[1]
    check.role = role === 'approver' || role === 'organisation' ? role : null
    check.roleSource = check.role ? 'signature' : null
    let cms: ParsedCms
    let infos: CertInfo[]
    try {
      // decode only the DER, not the zeros that pad the reserved room
      const end = Math.min(c - 1, b + 1 + 2 * derLength(Buffer.from(latin1.slice(b + 1, b + 13), 'hex')))
      cms = readCmsSignature(Buffer.from(latin1.slice(b + 1, end), 'hex'))
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
    if (leaf.organisationSeal) {
      check.role = 'organisation'
      check.roleSource = 'certificate'
    }
    check.certificateSerial = leaf.serial

    const hash = cms.digestAlgorithm
    if (!hash || hash === 'sha1' || !cms.scheme) {
      check.problems.push('Chữ ký dùng thuật toán băm hoặc ký không được chấp nhận (cần SHA-256 trở lên).')
      return check
    }
    const digest = createHash(hash)
      .update(pdf.subarray(a, a + b))
      .update(pdf.subarray(c, c + d))
      .digest()
    const mdOk = cms.messageDigest?.equals(digest) ?? false
    if (!mdOk) check.problems.push('Nội dung đã bị thay đổi sau khi ký (digest mismatch).')
    let sigOk = false
    try {
      const { pss } = cms.scheme
      sigOk = verifySignature(
        cms.scheme.hash,
        cms.signedAttrs,
        pss
          ? { key: leaf.key, padding: constants.RSA_PKCS1_PSS_PADDING, saltLength: pss.saltLength }
          : { key: leaf.key, dsaEncoding: 'der' },
        cms.signature,
      )
    } catch {
      sigOk = false
    }
    if (!sigOk) check.problems.push('Chữ ký không khớp với chứng thư của người ký.')
    const ess = cms.signingCertificate
    const essOk =
      !ess ||
      (createHash(ess.hash).update(leaf.x509.raw).digest().equals(ess.digest) &&
        (!ess.serialBody || ess.serialBody.equals(leaf.serialBody)))
    if (!essOk)
      check.problems.push('Thuộc tính signing-certificate-v2 không khớp với chứng thư của người ký.')
    check.integrity = mdOk && sigOk && essOk
    check.padesBaseline =
      /\/SubFilter\s*\/ETSI\.CAdES\.detached/.test(dictText) &&
      cms.contentType &&
      ess?.v2 === true &&
      !cms.signingTime
    const claimed = readSignatureTime(dictText) ?? cms.signingTime
    check.signedAt = claimed?.toISOString() ?? null
    check.signedAtLocal = claimed ? vietnamTime(claimed) : null
    if (cms.timestampToken) {
      const stamp = checkSignatureTimestamp({
        token: cms.timestampToken,
        signature: cms.signature,
        chainOf: (tsaDer, pool) => buildChain(certInfo(tsaDer), pool.map(certInfo)),
      })
      check.timestampedAt = stamp.at?.toISOString() ?? null
      check.timestampedAtLocal = stamp.at ? vietnamTime(stamp.at) : null
      check.timestampAuthority = stamp.tsaName
      check.problems.push(...stamp.problems)
      // the claimed time may not be after the TSA's (five minutes allowed for clocks)
      if (stamp.valid && stamp.at && claimed && claimed.getTime() > stamp.at.getTime() + 300_000) {
        stamp.valid = false
        check.problems.push('Thời điểm ký khai báo (/M) muộn hơn dấu thời gian của chữ ký.')
      }
      check.timestampValid = stamp.valid
    }
    check.level = check.padesBaseline ? (check.timestampValid ? 'B-T' : 'B-B') : null

    const chain = buildChain(
      leaf,
      infos.filter((x) => x !== leaf),
    )
    check.chainValid = chain.valid
    if (chain.problem) check.problems.push(chain.problem)
    const at = claimed ?? new Date()
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
    flagChangesAfterSignatures(pdf, signatures)
    const last = signatures.at(-1)
    if (last && !last.coversWholeDocument) last.problems.push('Có nội dung được thêm sau chữ ký cuối cùng.')
    const allValid = signatures.every(
      (s) =>
        s.integrity &&
        s.chainValid &&
        s.validAtSigningTime &&
        s.roleValid !== false &&
        s.timestampValid !== false &&
        s.changesAfter.length === 0,
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
