/**
 * Small encodings shared by the CA, the CMS builder and the verifier: PEM, random
 * certificate serials, X.500 names with UTF-8 values, ECDSA signature formats.
 * @module
 */
import { createHash, randomBytes } from 'node:crypto'
import * as asn1js from 'asn1js'
import * as pkijs from 'pkijs'
import { AppError } from '../../knowledge/errors.ts'

export const OID = {
  commonName: '2.5.4.3',
  organization: '2.5.4.10',
  organizationalUnit: '2.5.4.11',
  serialNumber: '2.5.4.5',
  country: '2.5.4.6',
  userId: '0.9.2342.19200300.100.1.1',
  ecPublicKey: '1.2.840.10045.2.1',
  p256: '1.2.840.10045.3.1.7',
  ecdsaWithSha256: '1.2.840.10045.4.3.2',
  sha256: '2.16.840.1.101.3.4.2.1',
  data: '1.2.840.113549.1.7.1',
  signedData: '1.2.840.113549.1.7.2',
  contentType: '1.2.840.113549.1.9.3',
  messageDigest: '1.2.840.113549.1.9.4',
  signingTime: '1.2.840.113549.1.9.5',
  signingCertificateV2: '1.2.840.113549.1.9.16.2.47',
  basicConstraints: '2.5.29.19',
  keyUsage: '2.5.29.15',
  subjectKeyIdentifier: '2.5.29.14',
  authorityKeyIdentifier: '2.5.29.35',
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

export type NameParts = Partial<Record<'CN' | 'O' | 'OU' | 'serialNumber' | 'C' | 'UID', string>>

const NAME_OIDS: Record<keyof NameParts, string> = {
  C: OID.country,
  O: OID.organization,
  OU: OID.organizationalUnit,
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

export const sha256Hex = (...parts: Uint8Array[]) => {
  const h = createHash('sha256')
  for (const p of parts) h.update(p)
  return h.digest('hex')
}
