/**
 * The CMS (RFC 5652) pieces of a PAdES baseline B-B signature (ETSI EN 319 142-1), split
 * in two so the private key can stay with the signer: first the SignedAttributes whose
 * DER the signer signs (content-type, message-digest, ESS signing-certificate-v2; no
 * signing-time: the claimed time is the signature dictionary's /M), then the SignedData
 * that wraps the returned signature (ECDSA or RSA PKCS#1 v1.5) with the certificate chain.
 * @module
 */
import { createHash } from 'node:crypto'
import * as asn1js from 'asn1js'
import * as pkijs from 'pkijs'
import { OID } from './pki-encoding.ts'

export type SignedAttributesOptions = {
  /** digest (SHA-256 unless the CMS says otherwise) of the PDF's signed byte ranges */
  messageDigest: Uint8Array
  certificate: pkijs.Certificate
  certificateDer: Uint8Array
}

/** ESS signing-certificate-v2 (RFC 5035): binds the signature to this certificate. */
const signingCertificateV2 = (certificate: pkijs.Certificate, der: Uint8Array) =>
  new asn1js.Sequence({
    value: [
      new asn1js.Sequence({
        value: [
          new asn1js.Sequence({
            value: [
              new asn1js.OctetString({ valueHex: createHash('sha256').update(der).digest() }),
              new asn1js.Sequence({
                value: [
                  new asn1js.Sequence({
                    value: [
                      new asn1js.Constructed({
                        idBlock: { tagClass: 3, tagNumber: 4 },
                        value: [certificate.issuer.toSchema()],
                      }),
                    ],
                  }),
                  new asn1js.Integer({ valueHex: certificate.serialNumber.valueBlock.valueHexView }),
                ],
              }),
            ],
          }),
        ],
      }),
    ],
  })

const der = (schema: { toBER: (sizeOnly?: boolean) => ArrayBuffer }) => Buffer.from(schema.toBER(false))

/**
 * @returns the attributes in DER order and the DER `SET OF Attribute` to be signed
 */
export const buildSignedAttributes = ({
  messageDigest,
  certificate,
  certificateDer,
}: SignedAttributesOptions) => {
  const attributes = [
    new pkijs.Attribute({
      type: OID.contentType,
      values: [new asn1js.ObjectIdentifier({ value: OID.data })],
    }),
    new pkijs.Attribute({
      type: OID.messageDigest,
      values: [new asn1js.OctetString({ valueHex: messageDigest })],
    }),
    new pkijs.Attribute({
      type: OID.signingCertificateV2,
      values: [signingCertificateV2(certificate, certificateDer)],
    }),
  ]
  // DER wants a SET OF sorted by encoding; verifiers hash the bytes as sent, so keep one order everywhere
  const sorted = attributes
    .map((a) => ({ a, bytes: der(a.toSchema()) }))
    .sort((x, y) => Buffer.compare(x.bytes, y.bytes))
    .map((x) => x.a)
  const toBeSigned = der(new asn1js.Set({ value: sorted.map((a) => a.toSchema()) }))
  return { attributes: sorted, toBeSigned }
}

export type AssembleCmsOptions = {
  attributes: pkijs.Attribute[]
  /** over the DER SignedAttributes: a DER ECDSA-Sig-Value, or an RSA PKCS#1 v1.5 signature */
  signature: Uint8Array
  certificate: pkijs.Certificate
  chain: pkijs.Certificate[]
  /** the digest of the byte ranges and of the signed attributes (SHA-256 unless said) */
  hash?: 'SHA-256' | 'SHA-384' | 'SHA-512'
  /** an RFC 3161 TimeStampToken over `signature` (PAdES B-T), added as an unsigned attribute */
  timestampToken?: Uint8Array | null
}

const ALGORITHMS = {
  'SHA-256': { digest: OID.sha256, rsa: OID.sha256WithRsa, ecdsa: OID.ecdsaWithSha256 },
  'SHA-384': { digest: OID.sha384, rsa: OID.sha384WithRsa, ecdsa: OID.ecdsaWithSha384 },
  'SHA-512': { digest: OID.sha512, rsa: OID.sha512WithRsa, ecdsa: OID.ecdsaWithSha512 },
} as const

/** The signature algorithm of a certificate's key with the hash. */
export const signatureAlgorithmOf = (
  certificate: pkijs.Certificate,
  hash: keyof typeof ALGORITHMS = 'SHA-256',
) =>
  certificate.subjectPublicKeyInfo.algorithm.algorithmId === OID.rsaEncryption
    ? new pkijs.AlgorithmIdentifier({ algorithmId: ALGORITHMS[hash].rsa, algorithmParams: new asn1js.Null() })
    : new pkijs.AlgorithmIdentifier({ algorithmId: ALGORITHMS[hash].ecdsa })

/** @returns DER ContentInfo(SignedData), detached */
export const assembleCms = ({
  attributes,
  signature,
  certificate,
  chain,
  hash = 'SHA-256',
  timestampToken = null,
}: AssembleCmsOptions) => {
  const signerInfo = new pkijs.SignerInfo({
    version: 1,
    sid: new pkijs.IssuerAndSerialNumber({
      issuer: certificate.issuer,
      serialNumber: certificate.serialNumber,
    }),
    digestAlgorithm: new pkijs.AlgorithmIdentifier({ algorithmId: ALGORITHMS[hash].digest }),
    signedAttrs: new pkijs.SignedAndUnsignedAttributes({ type: 0, attributes }),
    signatureAlgorithm: signatureAlgorithmOf(certificate, hash),
    signature: new asn1js.OctetString({ valueHex: signature }),
    ...(timestampToken
      ? {
          unsignedAttrs: new pkijs.SignedAndUnsignedAttributes({
            type: 1,
            attributes: [
              new pkijs.Attribute({
                type: OID.signatureTimeStampToken,
                values: [asn1js.fromBER(timestampToken).result],
              }),
            ],
          }),
        }
      : {}),
  })
  const signedData = new pkijs.SignedData({
    version: 1,
    digestAlgorithms: [new pkijs.AlgorithmIdentifier({ algorithmId: ALGORITHMS[hash].digest })],
    encapContentInfo: new pkijs.EncapsulatedContentInfo({ eContentType: OID.data }),
    certificates: [certificate, ...chain],
    signerInfos: [signerInfo],
  })
  const contentInfo = new pkijs.ContentInfo({
    contentType: OID.signedData,
    content: signedData.toSchema(true),
  })
  return der(contentInfo.toSchema())
}
