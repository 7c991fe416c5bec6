/**
 * Certificate enrolment: an official sends a PKCS#10 request for a key they hold (the
 * extension's non-extractable WebCrypto ECDSA P-256 key, or an RSA-2048/3072/4096 key of a
 * token); the deployment's CA (or an intermediate of it) checks the
 * request's own signature and issues a signing certificate naming the official and agency.
 * @module
 */
import { createPublicKey } from 'node:crypto'
import * as asn1js from 'asn1js'
import { eq } from 'drizzle-orm'
import * as pkijs from 'pkijs'
import type { Db } from '../../knowledge/db/client.ts'
import { recordAudit } from '../../knowledge/db/record-audit.ts'
import { certificates, officials } from '../../knowledge/db/schema/documents.ts'
import { AppError } from '../../knowledge/errors.ts'
import type { CertificateAuthority } from './init-certificate-authority.ts'
import { certificateExtensions } from './init-certificate-authority.ts'
import { buildName, fromPem, newSerial, OID, ROLE_POLICY, RSA_BITS, toPem } from './pki-encoding.ts'

export type CertificateSubject = {
  officialId: string
  name: string
  agencyCode: string
  agencyName: string
  /** CCCD (12 digits) when our records have it; enrolCertificate reads it from the official */
  nationalId?: string | null | undefined
}

/**
 * The per-person serialNumber (2.5.4.5) of a personal certificate: `CCCD:` and the citizen
 * identity card's 12 digits when the official's record has them, else the official's id.
 */
export const personSerialNumber = (subject: CertificateSubject) =>
  subject.nationalId ? `CCCD:${subject.nationalId}` : subject.officialId

/**
 * `person`: the official (CN = name, UID = official id); `organisation`: the agency itself
 * (O and CN = the agency's name, organizationIdentifier = its QCVN 102 code, policy
 * ROLE_POLICY.organisationSeal), for the clerical office's official who holds the key.
 */
export type CertificateHolder = 'person' | 'organisation'

export type IssuedCertificate = {
  serial: string
  pem: string
  der: Buffer
  notBefore: Date
  notAfter: Date
  subject: string
}

const parseCsr = async (csrPem: string) => {
  let csr: pkijs.CertificationRequest
  try {
    csr = pkijs.CertificationRequest.fromBER(fromPem(csrPem, 'CERTIFICATE REQUEST'))
  } catch {
    throw new AppError(
      'BAD_REQUEST',
      'csr: không đọc được yêu cầu cấp chứng thư (PKCS#10, PEM "CERTIFICATE REQUEST").',
    )
  }
  const spki = csr.subjectPublicKeyInfo
  const curve =
    spki.algorithm.algorithmParams instanceof asn1js.ObjectIdentifier
      ? spki.algorithm.algorithmParams.valueBlock.toString()
      : null
  const isP256 = spki.algorithm.algorithmId === OID.ecPublicKey && curve === OID.p256
  const rsaBits =
    spki.algorithm.algorithmId === OID.rsaEncryption
      ? createPublicKey({ key: Buffer.from(spki.toSchema().toBER(false)), format: 'der', type: 'spki' })
          .asymmetricKeyDetails?.modulusLength
      : undefined
  if (!isP256 && !(rsaBits && RSA_BITS.includes(rsaBits))) {
    throw new AppError(
      'UNPROCESSABLE',
      `csr: chỉ nhận khoá ECDSA P-256 hoặc RSA ${RSA_BITS.join('/')} bit. Only ECDSA P-256 or RSA ${RSA_BITS.join('/')} keys are accepted.`,
    )
  }
  let valid = false
  try {
    valid = await csr.verify()
  } catch {
    valid = false
  }
  if (!valid)
    throw new AppError(
      'UNPROCESSABLE',
      'csr: chữ ký của yêu cầu không hợp lệ (CSR signature does not verify).',
    )
  return csr
}

export type IssueCertificateOptions = {
  ca: CertificateAuthority
  csrPem: string
  subject: CertificateSubject
  holder?: CertificateHolder
  days?: number
  now?: Date
  /** where the CA publishes its CRL (PUBLIC_URL + /v1/ca/crl): written as the CRL distribution point */
  crlUrl?: string | null | undefined
}

/**
 * @returns the new certificate; the subject comes from our records, never from the CSR
 * @throws AppError 400/422 for an unreadable request, a wrong key type or a bad CSR signature
 */
export const issueCertificate = async ({
  ca,
  csrPem,
  subject,
  holder = 'person',
  days = 730,
  now = new Date(),
  crlUrl = null,
}: IssueCertificateOptions) => {
  const csr = await parseCsr(csrPem)
  const serial = newSerial()
  const cert = new pkijs.Certificate()
  cert.version = 2
  cert.serialNumber = new asn1js.Integer({ valueHex: Buffer.from(serial, 'hex') })
  cert.issuer = ca.certificate.subject
  cert.subject =
    holder === 'organisation'
      ? buildName({
          C: 'VN',
          O: subject.agencyName,
          organizationIdentifier: subject.agencyCode,
          serialNumber: subject.agencyCode,
          CN: subject.agencyName,
        })
      : buildName({
          C: 'VN',
          O: subject.agencyName,
          OU: subject.agencyCode,
          serialNumber: personSerialNumber(subject),
          UID: subject.officialId,
          CN: subject.name,
        })
  const notBefore = new Date(now.getTime() - 60_000)
  const notAfter = new Date(now.getTime() + days * 86_400_000)
  cert.notBefore.value = notBefore
  cert.notAfter.value = notAfter
  cert.subjectPublicKeyInfo = csr.subjectPublicKeyInfo
  cert.extensions = certificateExtensions(cert, 'signer', ca.keyIdentifier)
  if (crlUrl) {
    cert.extensions.push(
      new pkijs.Extension({
        extnID: OID.cRLDistributionPoints,
        extnValue: new pkijs.CRLDistributionPoints({
          distributionPoints: [
            new pkijs.DistributionPoint({
              distributionPoint: [new pkijs.GeneralName({ type: 6, value: crlUrl })],
            }),
          ],
        })
          .toSchema()
          .toBER(false),
      }),
    )
  }
  if (holder === 'organisation') {
    cert.extensions.push(
      new pkijs.Extension({
        extnID: OID.certificatePolicies,
        extnValue: new pkijs.CertificatePolicies({
          certificatePolicies: [
            new pkijs.PolicyInformation({ policyIdentifier: ROLE_POLICY.organisationSeal }),
          ],
        })
          .toSchema()
          .toBER(false),
      }),
    )
  }
  await cert.sign(ca.privateKey, 'SHA-256')
  const der = Buffer.from(cert.toSchema(true).toBER(false))
  const issued: IssuedCertificate = {
    serial,
    der,
    pem: toPem(der, 'CERTIFICATE'),
    notBefore,
    notAfter,
    subject:
      holder === 'organisation'
        ? `CN=${subject.agencyName}, organizationIdentifier=${subject.agencyCode}, O=${subject.agencyName}, C=VN`
        : `CN=${subject.name}, serialNumber=${personSerialNumber(subject)}, OU=${subject.agencyCode}, O=${subject.agencyName}, C=VN`,
  }
  return issued
}

export type EnrolCertificateOptions = IssueCertificateOptions & {
  db: Db
  /** who asked (audit); the official the certificate is for, unless said */
  actor?: string
}

/** Issues the certificate and records it for the official. */
export const enrolCertificate = async (options: EnrolCertificateOptions) => {
  const record =
    options.subject.nationalId === undefined
      ? await options.db
          .select({ nationalId: officials.nationalId })
          .from(officials)
          .where(eq(officials.id, options.subject.officialId))
          .get()
      : undefined
  const issued = await issueCertificate({
    ...options,
    subject: { ...options.subject, nationalId: options.subject.nationalId ?? record?.nationalId ?? null },
  })
  const at = new Date().toISOString()
  await options.db.batch([
    options.db.insert(certificates).values({
      serial: issued.serial,
      officialId: options.subject.officialId,
      agencyCode: options.subject.agencyCode,
      subject: issued.subject,
      pem: issued.pem,
      notBefore: issued.notBefore.toISOString(),
      notAfter: issued.notAfter.toISOString(),
      createdAt: at,
    }),
    recordAudit(options.db, {
      actor: options.actor ?? `official:${options.subject.officialId}`,
      action: 'certificate.issue',
      entity: 'certificate',
      entityId: issued.serial,
      detail: {
        subject: issued.subject,
        holder: options.holder ?? 'person',
        notAfter: issued.notAfter.toISOString(),
      },
      at,
    }),
  ])
  return issued
}
