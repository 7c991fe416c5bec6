/**
 * Small encodings shared by the CA, the CMS builder and the verifier: PEM, random
 * certificate serials, X.500 names with UTF-8 values, ECDSA signature formats.
 * @module
 */
import { createHash, randomBytes, X509Certificate } from 'node:crypto'
import * as asn1js from 'asn1js'
import * as pkijs from 'pkijs'
import { AppError } from '../../knowledge/errors.ts'

export const OID = {
  commonName: '2.5.4.3',
  organization: '2.5.4.10',
  organizationalUnit: '2.5.4.11',
  serialNumber: '2.5.4.5',
  organizationIdentifier: '2.5.4.97',
  country: '2.5.4.6',
  userId: '0.9.2342.19200300.100.1.1',
  ecPublicKey: '1.2.840.10045.2.1',
  p256: '1.2.840.10045.3.1.7',
  ecdsaWithSha256: '1.2.840.10045.4.3.2',
  ecdsaWithSha384: '1.2.840.10045.4.3.3',
  ecdsaWithSha512: '1.2.840.10045.4.3.4',
  rsaEncryption: '1.2.840.113549.1.1.1',
  sha256WithRsa: '1.2.840.113549.1.1.11',
  sha384WithRsa: '1.2.840.113549.1.1.12',
  sha512WithRsa: '1.2.840.113549.1.1.13',
  rsassaPss: '1.2.840.113549.1.1.10',
  sha1: '1.3.14.3.2.26',
  sha256: '2.16.840.1.101.3.4.2.1',
  sha384: '2.16.840.1.101.3.4.2.2',
  sha512: '2.16.840.1.101.3.4.2.3',
  data: '1.2.840.113549.1.7.1',
  signedData: '1.2.840.113549.1.7.2',
  contentType: '1.2.840.113549.1.9.3',
  messageDigest: '1.2.840.113549.1.9.4',
  signingTime: '1.2.840.113549.1.9.5',
  signingCertificate: '1.2.840.113549.1.9.16.2.12',
  signingCertificateV2: '1.2.840.113549.1.9.16.2.47',
  basicConstraints: '2.5.29.19',
  keyUsage: '2.5.29.15',
  certificatePolicies: '2.5.29.32',
  subjectKeyIdentifier: '2.5.29.14',
  authorityKeyIdentifier: '2.5.29.35',
  extKeyUsage: '2.5.29.37',
  cRLDistributionPoints: '2.5.29.31',
  cRLNumber: '2.5.29.20',
  cRLReason: '2.5.29.21',
  /** RFC 3161: the TSTInfo content type, the EKU of a TSA, and the CAdES unsigned attribute */
  tstInfo: '1.2.840.113549.1.9.16.1.4',
  timeStamping: '1.3.6.1.5.5.7.3.8',
  signatureTimeStampToken: '1.2.840.113549.1.9.16.2.14',
} as const

/**
 * trolyso's certificate policies, under a UUID arc (ITU-T X.667, no registration needed):
 * `organisationSeal` marks an organisation certificate (the agency's signature, NĐ 30/2020
 * art. 5, held by its clerical office); a verifier that finds it derives the role
 * "organisation" from the certificate, whatever the signature dictionary says.
 */
export const ROLE_POLICY = {
  organisationSeal: '2.25.320372509638911175753431035522886009215.2',
} as const

export const toPem = (der: Uint8Array, label: string) => {
  const b64 = Buffer.from(der).toString('base64')
  return `-----BEGIN ${label}-----\n${b64.match(/.{1,64}/g)?.join('\n') ?? ''}\n-----END ${label}-----\n`
}

/** Every PEM block with the label, as DER. */
export const fromPemAll = (pem: string, label: string): Buffer<ArrayBuffer>[] => {
  const re = new RegExp(`-----BEGIN ${label}-----([\\s\\S]*?)-----END ${label}-----`, 'g')
  return [...pem.matchAll(re)].map(
    (m) => Buffer.from((m[1] ?? '').replace(/\s+/g, ''), 'base64') as Buffer<ArrayBuffer>,
  )
}

export const fromPem = (pem: string, label: string): Buffer<ArrayBuffer> => {
  const first = fromPemAll(pem, label)[0]
  if (!first || first.length === 0) throw new AppError('BAD_REQUEST', `Không đọc được khối PEM "${label}".`)
  return first
}

/** A positive 128-bit serial, hex upper case (what the API shows). */
export const newSerial = () => {
  const bytes = randomBytes(16)
  bytes[0] = ((bytes[0] ?? 0) & 0x7f) | 0x10
  return bytes.toString('hex').toUpperCase()
}

export const serialToHex = (serial: asn1js.Integer) =>
  Buffer.from(serial.valueBlock.valueHexView)
    .toString('hex')
    .toUpperCase()
    .replace(/^(00)+(?=.)/, '')

export type NameParts = Partial<
  Record<'CN' | 'O' | 'OU' | 'organizationIdentifier' | 'serialNumber' | 'C' | 'UID', string>
>

const NAME_OIDS: Record<keyof NameParts, string> = {
  C: OID.country,
  O: OID.organization,
  OU: OID.organizationalUnit,
  organizationIdentifier: OID.organizationIdentifier,
  CN: OID.commonName,
  serialNumber: OID.serialNumber,
  UID: OID.userId,
}

/** One RDN per attribute (pkijs would put them all in one multi-valued RDN). */
export const buildName = (parts: NameParts) => {
  const rdns: asn1js.Set[] = []
  for (const key of Object.keys(NAME_OIDS) as (keyof NameParts)[]) {
    const value = parts[key]
    if (!value) continue
    const asn =
      key === 'C' || key === 'serialNumber'
        ? new asn1js.PrintableString({ value })
        : new asn1js.Utf8String({ value: value.normalize('NFC') })
    rdns.push(
      new asn1js.Set({
        value: [new pkijs.AttributeTypeAndValue({ type: NAME_OIDS[key], value: asn }).toSchema()],
      }),
    )
  }
  return pkijs.RelativeDistinguishedNames.fromBER(new asn1js.Sequence({ value: rdns }).toBER(false))
}

/** The value of one attribute of a name (e.g. the CN), or null. */
export const nameValue = (name: pkijs.RelativeDistinguishedNames, oid: string): string | null => {
  const tv = name.typesAndValues.find((t) => t.type === oid)
  if (!tv) return null
  const v = tv.value as { valueBlock?: { value?: unknown } }
  return typeof v.valueBlock?.value === 'string' ? v.valueBlock.value : null
}

const trimInteger = (bytes: Uint8Array) => {
  let i = 0
  while (i < bytes.length - 1 && bytes[i] === 0) i++
  const body = bytes.subarray(i)
  return (body[0] ?? 0) & 0x80 ? Buffer.concat([Buffer.from([0]), body]) : Buffer.from(body)
}

/**
 * WebCrypto returns ECDSA as IEEE P1363 `r||s`; CMS wants DER `ECDSA-Sig-Value`.
 * @returns DER, whichever form came in
 * @throws AppError 400 when it is neither
 */
export const ecdsaSignatureToDer = (sig: Uint8Array): Buffer => {
  if (sig.length === 64) {
    const r = trimInteger(sig.subarray(0, 32))
    const s = trimInteger(sig.subarray(32))
    const body = Buffer.concat([Buffer.from([0x02, r.length]), r, Buffer.from([0x02, s.length]), s])
    return Buffer.concat([Buffer.from([0x30, body.length]), body])
  }
  if (sig[0] === 0x30 && sig.length >= 8 && sig.length <= 72) return Buffer.from(sig)
  throw new AppError(
    'BAD_REQUEST',
    'Chữ ký phải là ECDSA P-256: 64 byte r||s (WebCrypto) hoặc DER ECDSA-Sig-Value, mã hoá base64.',
  )
}

/** RSA key sizes accepted for signing certificates (VNPT SmartCA, Viettel MySign and VGCA tokens use 2048). */
export const RSA_BITS = [2048, 3072, 4096]

/**
 * The signature as CMS carries it: DER ECDSA-Sig-Value for EC keys (from P1363 or DER),
 * the bytes as they are for RSA (their length must be the modulus length).
 * @throws AppError 400 when it has the wrong form for the key
 */
export const signatureToDer = (sig: Uint8Array, key: SigningKey) => {
  if (key.type === 'ec') return ecdsaSignatureToDer(sig)
  if (sig.length !== Math.ceil(key.bits / 8)) {
    throw new AppError(
      'BAD_REQUEST',
      `Chữ ký RSA phải dài ${Math.ceil(key.bits / 8)} byte (PKCS#1 v1.5, khoá ${key.bits} bit), mã hoá base64.`,
    )
  }
  return Buffer.from(sig)
}

export type SigningKey = { type: 'ec' } | { type: 'rsa'; bits: number }

/** The kind of key a certificate certifies (what the signer returns a signature with). */
export const signingKeyOf = (certificateDer: Uint8Array): SigningKey => {
  const key = new X509Certificate(certificateDer).publicKey
  return key.asymmetricKeyType === 'rsa'
    ? { type: 'rsa', bits: key.asymmetricKeyDetails?.modulusLength ?? 0 }
    : { type: 'ec' }
}

export const sha256Hex = (...parts: Uint8Array[]) => {
  const h = createHash('sha256')
  for (const p of parts) h.update(p)
  return h.digest('hex')
}
