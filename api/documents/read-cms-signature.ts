/**
 * Reads what the verifier needs from a CMS SignedData (RFC 5652 §5) without building
 * object trees: the certificates, the signer's identifier, the signed attributes (message
 * digest, signing-time if any, ESS signing-certificate v1/v2), the digest algorithm and
 * the signature algorithm (ECDSA, RSA PKCS#1 v1.5 or RSASSA-PSS) as the signature states them.
 * @module
 */
import { OID } from '../../contracts/pki.ts'
import { bodyOf, childrenOf, oidBytes, rawOf, readTime, readTlv, type Tlv } from './read-der.ts'

export type HashName = 'sha1' | 'sha256' | 'sha384' | 'sha512'

export type SignatureScheme = { hash: HashName; pss: { saltLength: number } | null }

/** ESS signing-certificate(-v2): the hash of the signer's certificate, and its serial when given. */
export type EssCertId = { hash: HashName; digest: Buffer; serialBody: Buffer | null; v2: boolean }

export type ParsedCms = {
  certs: Uint8Array[]
  issuerRaw: Buffer
  serialBody: Buffer
  /** the DER SET OF Attribute the signature covers */
  signedAttrs: Buffer
  signature: Buffer
  /** null when the algorithm is not one we verify */
  digestAlgorithm: HashName | null
  scheme: SignatureScheme | null
  contentType: boolean
  messageDigest: Buffer | null
  signingTime: Date | null
  signingCertificate: EssCertId | null
  /** the encapsulated content's type (OID content octets, hex) and bytes, when not detached (a TSTInfo) */
  eContentType: string
  eContent: Buffer | null
  /** the unsigned attribute id-aa-signatureTimeStampToken: a DER TimeStampToken (PAdES B-T) */
  timestampToken: Buffer | null
}

const hex = (oid: string) => oidBytes(oid).toString('hex')

const HASHES = new Map<string, HashName>([
  [hex(OID.sha1), 'sha1'],
  [hex(OID.sha256), 'sha256'],
  [hex(OID.sha384), 'sha384'],
  [hex(OID.sha512), 'sha512'],
])

/** signature algorithms that name their hash; null: the hash is the SignerInfo's digest algorithm */
const SIGNATURE_HASHES = new Map<string, HashName | null>([
  [hex(OID.ecdsaWithSha256), 'sha256'],
  [hex(OID.ecdsaWithSha384), 'sha384'],
  [hex(OID.ecdsaWithSha512), 'sha512'],
  [hex(OID.sha256WithRsa), 'sha256'],
  [hex(OID.sha384WithRsa), 'sha384'],
  [hex(OID.sha512WithRsa), 'sha512'],
  [hex(OID.rsaEncryption), null],
  [hex(OID.ecPublicKey), null],
])

const ATTR = {
  contentType: hex(OID.contentType),
  messageDigest: hex(OID.messageDigest),
  signingTime: hex(OID.signingTime),
  signingCertificate: hex(OID.signingCertificate),
  signingCertificateV2: hex(OID.signingCertificateV2),
  signatureTimeStampToken: hex(OID.signatureTimeStampToken),
}

const SIGNED_DATA = hex(OID.signedData)
const RSASSA_PSS = hex(OID.rsassaPss)

const oidOf = (buf: Uint8Array, algorithm: Tlv | undefined) => {
  const first = algorithm?.tag === 0x30 ? childrenOf(buf, algorithm)[0] : undefined
  return first?.tag === 0x06 ? Buffer.from(bodyOf(buf, first)).toString('hex') : ''
}

/** The hash an AlgorithmIdentifier names, or null when it is not one we know. */
export const hashOfAlgorithm = (buf: Uint8Array, algorithm: Tlv | undefined): HashName | null =>
  HASHES.get(oidOf(buf, algorithm)) ?? null

/** Serial (INTEGER content octets) and issuer (DER Name) of a certificate, read from its TBSCertificate. */
export const certIds = (der: Uint8Array) => {
  const tbs = childrenOf(der, childrenOf(der, readTlv(der, 0))[0] as Tlv)
  const offset = tbs[0]?.tag === 0xa0 ? 1 : 0
  const serial = tbs[offset] as Tlv
  const issuer = tbs[offset + 2] as Tlv
  return { serialBody: Buffer.from(bodyOf(der, serial)), issuerRaw: Buffer.from(rawOf(der, issuer)) }
}

const intOf = (buf: Uint8Array, tlv: Tlv) => {
  let n = 0
  for (const b of bodyOf(buf, tlv)) n = n * 256 + b
  return n
}

/** RSASSA-PSS-params (RFC 4055): hash [0] (default SHA-1), salt length [2] (default 20). */
const pssScheme = (buf: Uint8Array, algorithm: Tlv): SignatureScheme | null => {
  const params = childrenOf(buf, algorithm)[1]
  let hash: HashName | null = 'sha1'
  let saltLength = 20
  for (const field of params?.tag === 0x30 ? childrenOf(buf, params) : []) {
    const inner = childrenOf(buf, field)[0]
    if (field.tag === 0xa0) hash = HASHES.get(oidOf(buf, inner)) ?? null
    if (field.tag === 0xa2 && inner?.tag === 0x02) saltLength = intOf(buf, inner)
  }
  return hash ? { hash, pss: { saltLength } } : null
}

/** `values` is the attribute's SET: SigningCertificate(V2) → certs → first ESSCertID(v2). */
const essCertId = (buf: Uint8Array, values: Tlv, v2: boolean): EssCertId | null => {
  const signingCertificate = childrenOf(buf, values)[0]
  const certs = signingCertificate?.tag === 0x30 ? childrenOf(buf, signingCertificate)[0] : undefined
  const first = certs?.tag === 0x30 ? childrenOf(buf, certs)[0] : undefined
  if (first?.tag !== 0x30) return null
  const parts = childrenOf(buf, first)
  let i = 0
  let hash: HashName | null = v2 ? 'sha256' : 'sha1'
  if (v2 && parts[0]?.tag === 0x30) hash = HASHES.get(oidOf(buf, parts[i++])) ?? null
  const digest = parts[i++]
  if (!hash || digest?.tag !== 0x04) return null
  const issuerSerial = parts[i]
  const serial = issuerSerial?.tag === 0x30 ? childrenOf(buf, issuerSerial)[1] : undefined
  return {
    hash,
    digest: Buffer.from(bodyOf(buf, digest)),
    serialBody: serial?.tag === 0x02 ? Buffer.from(bodyOf(buf, serial)) : null,
    v2,
  }
}

/**
 * Walks ContentInfo → SignedData → first SignerInfo.
 * @throws Error when the bytes are not a SignedData with an IssuerAndSerialNumber signer
 */
export const readCmsSignature = (bytes: Uint8Array): ParsedCms => {
  const ci = childrenOf(bytes, readTlv(bytes, 0))
  if (
    ci[0]?.tag !== 0x06 ||
    Buffer.from(bodyOf(bytes, ci[0])).toString('hex') !== SIGNED_DATA ||
    ci[1]?.tag !== 0xa0
  ) {
    throw new Error('CMS không phải SignedData')
  }
  const sd = childrenOf(bytes, childrenOf(bytes, ci[1])[0] as Tlv)
  const [eType, eWrapped] = sd[2]?.tag === 0x30 ? childrenOf(bytes, sd[2]) : []
  const eOctets = eWrapped?.tag === 0xa0 ? childrenOf(bytes, eWrapped)[0] : undefined
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
  const sigAt = si.findIndex((t) => t.tag === 0x04)
  const sigTlv = si[sigAt]
  const sigAlgorithm = si[sigAt - 1]
  if (!issuer || !serial || !attrsTlv || !sigTlv || sigAlgorithm?.tag !== 0x30)
    throw new Error('CMS SignerInfo thiếu trường')
  const digestAlgorithm = HASHES.get(oidOf(bytes, si[2])) ?? null
  const sigOid = oidOf(bytes, sigAlgorithm)
  let scheme: SignatureScheme | null = null
  if (sigOid === RSASSA_PSS) scheme = pssScheme(bytes, sigAlgorithm)
  else if (SIGNATURE_HASHES.has(sigOid)) {
    const hash = SIGNATURE_HASHES.get(sigOid) ?? digestAlgorithm
    scheme = hash ? { hash, pss: null } : null
  }

  const parsed: ParsedCms = {
    certs,
    issuerRaw: Buffer.from(rawOf(bytes, issuer)),
    serialBody: Buffer.from(bodyOf(bytes, serial)),
    signedAttrs: Buffer.from(rawOf(bytes, attrsTlv)),
    signature: Buffer.from(bodyOf(bytes, sigTlv)),
    digestAlgorithm,
    scheme,
    contentType: false,
    messageDigest: null,
    signingTime: null,
    signingCertificate: null,
    eContentType: eType?.tag === 0x06 ? Buffer.from(bodyOf(bytes, eType)).toString('hex') : '',
    eContent: eOctets?.tag === 0x04 ? Buffer.from(bodyOf(bytes, eOctets)) : null,
    timestampToken: null,
  }
  const unsignedTlv = si.find((t) => t.tag === 0xa1)
  for (const attr of unsignedTlv ? childrenOf(bytes, unsignedTlv) : []) {
    const [type, values] = childrenOf(bytes, attr)
    const value = values?.tag === 0x31 ? childrenOf(bytes, values)[0] : undefined
    if (type?.tag === 0x06 && value?.tag === 0x30 && !parsed.timestampToken)
      if (Buffer.from(bodyOf(bytes, type)).toString('hex') === ATTR.signatureTimeStampToken)
        parsed.timestampToken = Buffer.from(rawOf(bytes, value))
  }
  for (const attr of childrenOf(bytes, attrsTlv)) {
    const [type, values] = childrenOf(bytes, attr)
    const value = values ? childrenOf(bytes, values)[0] : undefined
    if (!type || !value || !values) continue
    const oid = Buffer.from(bodyOf(bytes, type)).toString('hex')
    if (oid === ATTR.contentType) parsed.contentType = true
    else if (oid === ATTR.messageDigest && value.tag === 0x04)
      parsed.messageDigest = Buffer.from(bodyOf(bytes, value))
    else if (oid === ATTR.signingTime && (value.tag === 0x17 || value.tag === 0x18))
      parsed.signingTime = readTime(bytes, value)
    else if (oid === ATTR.signingCertificateV2 && value.tag === 0x30)
      parsed.signingCertificate = essCertId(bytes, values, true)
    else if (oid === ATTR.signingCertificate && value.tag === 0x30 && !parsed.signingCertificate)
      parsed.signingCertificate = essCertId(bytes, values, false)
  }
  // the signature covers the attributes as a SET OF (RFC 5652 §5.4), not under the [0] IMPLICIT tag
  parsed.signedAttrs[0] = 0x31
  return parsed
}
