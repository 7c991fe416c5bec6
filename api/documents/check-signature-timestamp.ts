/**
 * Checks a signature's RFC 3161 timestamp (the CAdES unsigned attribute
 * id-aa-signatureTimeStampToken, PAdES B-T): the token is a CMS SignedData over a TSTInfo,
 * signed by a certificate for time stamping that chains to the trust roots, and its
 * message imprint is the hash of the signature value it sits beside.
 * @module
 */
import { constants, createHash, verify as verifySignature, X509Certificate } from 'node:crypto'
import { OID } from '../../contracts/pki.ts'
import { certIds, hashOfAlgorithm, readCmsSignature } from './read-cms-signature.ts'
import { bodyOf, childrenOf, oidBytes, readTime, readTlv } from './read-der.ts'

export type TimestampCheck = { valid: boolean; at: Date | null; tsaName: string | null; problems: string[] }

export type CheckSignatureTimestampOptions = {
  /** the DER TimeStampToken */
  token: Uint8Array
  /** the signature value (SignerInfo.signature's content) the token must cover */
  signature: Uint8Array
  /** the verifier's chain check: the TSA's certificate, with the token's other certificates */
  chainOf: (leaf: Uint8Array, pool: Uint8Array[]) => { valid: boolean; problem: string | null }
}

const TST_INFO = oidBytes(OID.tstInfo).toString('hex')

/** version, policy, messageImprint { hashAlgorithm, hashedMessage }, serialNumber, genTime, … */
const readTstInfo = (info: Buffer) => {
  const [, , imprint, , genTime] = childrenOf(info, readTlv(info, 0))
  const [algorithm, hashed] = imprint?.tag === 0x30 ? childrenOf(info, imprint) : []
  return {
    hash: hashOfAlgorithm(info, algorithm),
    hashed: hashed?.tag === 0x04 ? Buffer.from(bodyOf(info, hashed)) : null,
    at: genTime?.tag === 0x18 ? readTime(info, genTime) : null,
  }
}

/**
 * @returns whether the timestamp holds, the TSA's time and name, and what is wrong when not
 * @example checkSignatureTimestamp({ token, signature: cms.signature, chainOf })
 */
export const checkSignatureTimestamp = ({
  token,
  signature,
  chainOf,
}: CheckSignatureTimestampOptions): TimestampCheck => {
  const fail = (problem: string, at: Date | null = null, tsaName: string | null = null): TimestampCheck => ({
    valid: false,
    at,
    tsaName,
    problems: [`Dấu thời gian của chữ ký không hợp lệ: ${problem}`],
  })
  let cms: ReturnType<typeof readCmsSignature>
  let info: ReturnType<typeof readTstInfo>
  try {
    cms = readCmsSignature(token)
    if (cms.eContentType !== TST_INFO || !cms.eContent) return fail('không có TSTInfo.')
    info = readTstInfo(cms.eContent)
  } catch {
    return fail('không đọc được.')
  }
  const tsaDer = cms.certs.find((der) => {
    const ids = certIds(der)
    return ids.serialBody.equals(cms.serialBody) && ids.issuerRaw.equals(cms.issuerRaw)
  })
  if (!tsaDer) return fail('không kèm chứng thư của đơn vị cấp dấu thời gian.', info.at)
  const tsa = new X509Certificate(tsaDer)
  const tsaName = /^CN=(.*)$/m.exec(tsa.subject)?.[1] ?? null
  const problems: string[] = []
  if (!info.hash || !info.hashed || !createHash(info.hash).update(signature).digest().equals(info.hashed))
    problems.push('không cấp cho chữ ký này (message imprint khác).')
  if (!info.at) problems.push('thiếu thời điểm (genTime).')
  const hash = cms.digestAlgorithm
  if (!hash || hash === 'sha1' || !cms.scheme || !cms.messageDigest)
    problems.push('thuật toán băm không được chấp nhận.')
  else if (!createHash(hash).update(cms.eContent).digest().equals(cms.messageDigest))
    problems.push('nội dung TSTInfo không khớp message-digest.')
  let signed = false
  try {
    signed =
      !!cms.scheme &&
      verifySignature(
        cms.scheme.hash,
        cms.signedAttrs,
        cms.scheme.pss
          ? {
              key: tsa.publicKey,
              padding: constants.RSA_PKCS1_PSS_PADDING,
              saltLength: cms.scheme.pss.saltLength,
            }
          : { key: tsa.publicKey, dsaEncoding: 'der' },
        cms.signature,
      )
  } catch {
    signed = false
  }
  if (!signed) problems.push('chữ ký của đơn vị cấp dấu thời gian không đúng.')
  const ess = cms.signingCertificate
  if (ess && !createHash(ess.hash).update(tsa.raw).digest().equals(ess.digest))
    problems.push('signing-certificate không khớp chứng thư của đơn vị cấp dấu thời gian.')
  if (!(tsa.keyUsage ?? []).includes(OID.timeStamping))
    problems.push('chứng thư không dành cho cấp dấu thời gian (thiếu EKU timeStamping).')
  const chain = chainOf(
    tsaDer,
    cms.certs.filter((der) => der !== tsaDer),
  )
  if (!chain.valid)
    problems.push(`chứng thư của đơn vị cấp dấu thời gian: ${chain.problem ?? 'không tin cậy.'}`)
  if (info.at && (info.at < new Date(tsa.validFrom) || info.at > new Date(tsa.validTo)))
    problems.push('chứng thư của đơn vị cấp dấu thời gian hết hiệu lực vào thời điểm cấp.')
  if (problems.length > 0) return { ...fail(problems.join(' '), info.at, tsaName) }
  return { valid: true, at: info.at, tsaName, problems: [] }
}
