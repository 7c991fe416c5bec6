/**
 * The deployment CA's certificate revocation list (RFC 5280 §5), DER, served at
 * `GET /v1/ca/crl`: every certificate this CA issued whose official was revoked, with the
 * time of revocation. Certificates the CA issues name this address as their CRL
 * distribution point (when PUBLIC_URL is set), so other validators can check them too. It
 * is made on each request (one ECDSA signature), so a revocation shows at once.
 * @module
 */
import { X509Certificate } from 'node:crypto'
import * as asn1js from 'asn1js'
import { isNotNull } from 'drizzle-orm'
import * as pkijs from 'pkijs'
import type { Db } from '../../knowledge/db/client.ts'
import { certificates } from '../../knowledge/db/schema/documents.ts'
import type { CertificateAuthority } from './init-certificate-authority.ts'
import { OID } from './pki-encoding.ts'

/** The path of the CRL under PUBLIC_URL. */
export const CRL_PATH = '/v1/ca/crl'

/** A CRL is valid for a day; a revocation makes a new one at once. */
export const CRL_VALIDITY_HOURS = 24

/** @returns the CRL distribution point for certificates, or null without PUBLIC_URL */
export const crlUrlOf = (publicUrl: string | null) =>
  publicUrl ? `${publicUrl.replace(/\/+$/, '')}${CRL_PATH}` : null

export type PublishCrlOptions = { db: Db; ca: CertificateAuthority; now?: Date }

/**
 * @returns the DER CRL signed by the CA, listing its revoked certificates (oldest first)
 * @example const der = await publishCrl({ db, ca })
 */
export const publishCrl = async ({ db, ca, now = new Date() }: PublishCrlOptions) => {
  const rows = await db
    .select({ serial: certificates.serial, pem: certificates.pem, revokedAt: certificates.revokedAt })
    .from(certificates)
    .where(isNotNull(certificates.revokedAt))
  const revoked = rows
    .filter((r) => {
      try {
        return new X509Certificate(r.pem).checkIssued(ca.x509)
      } catch {
        return false
      }
    })
    .sort((a, b) => (a.revokedAt ?? '').localeCompare(b.revokedAt ?? ''))
  const crl = new pkijs.CertificateRevocationList()
  crl.version = 1
  crl.issuer = ca.certificate.subject
  crl.thisUpdate = new pkijs.Time({ type: 0, value: new Date(Math.floor(now.getTime() / 1000) * 1000) })
  crl.nextUpdate = new pkijs.Time({
    type: 0,
    value: new Date(now.getTime() + CRL_VALIDITY_HOURS * 3_600_000),
  })
  if (revoked.length > 0) {
    crl.revokedCertificates = revoked.map(
      (r) =>
        new pkijs.RevokedCertificate({
          userCertificate: new asn1js.Integer({ valueHex: Buffer.from(r.serial, 'hex') }),
          revocationDate: new pkijs.Time({ type: 0, value: new Date(r.revokedAt ?? now) }),
        }),
    )
  }
  crl.crlExtensions = new pkijs.Extensions({
    extensions: [
      new pkijs.Extension({
        extnID: OID.authorityKeyIdentifier,
        extnValue: new pkijs.AuthorityKeyIdentifier({
          keyIdentifier: new asn1js.OctetString({ valueHex: ca.keyIdentifier }),
        })
          .toSchema()
          .toBER(false),
      }),
      new pkijs.Extension({
        // increases with every CRL: the second it was made
        extnID: OID.cRLNumber,
        extnValue: new asn1js.Integer({ value: Math.floor(now.getTime() / 1000) }).toBER(false),
      }),
    ],
  })
  await crl.sign(ca.privateKey, 'SHA-256')
  return Buffer.from(crl.toSchema(true).toBER(false))
}
