/**
 * Small encodings shared by the CA, the CMS builder and the verifier: PEM, random
 * certificate serials, X.500 names with UTF-8 values, ECDSA signature formats.
 * @module
 */
import { createHash, randomBytes, X509Certificate } from 'node:crypto'
import * as asn1js from 'asn1js'
import * as pkijs from 'pkijs'
import { OID, pemBodies } from '../../contracts/pki.ts'
import { AppError } from '../../knowledge/errors.ts'

export { OID, toPem } from '../../contracts/pki.ts'

export { ROLE_POLICY } from './read-certificate-policies.ts'

/** Every PEM block with the label, as DER. */
export const fromPemAll = (pem: string, label: string): Buffer<ArrayBuffer>[] =>
  pemBodies(pem, label).map((body) => Buffer.from(body, 'base64') as Buffer<ArrayBuffer>)

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
