/**
 * The certificate policies of an X.509 certificate (RFC 5280 §4.2.1.4), read from the DER,
 * and whether a certificate is an organisation certificate (ROLE_POLICY.organisationSeal).
 * @module
 */
import { OID } from '../../contracts/pki.ts'
import { bodyOf, childrenOf, oidBytes, readTlv, type Tlv } from './read-der.ts'

/**
 * trolyso's certificate policies, under a UUID arc (ITU-T X.667, no registration needed):
 * `organisationSeal` marks an organisation certificate (the agency's signature, NĐ 30/2020
 * art. 5, held by its clerical office); a verifier that finds it derives the role
 * "organisation" from the certificate, whatever the signature dictionary says.
 */
export const ROLE_POLICY = {
  organisationSeal: '2.25.320372509638911175753431035522886009215.2',
} as const

const POLICIES = oidBytes(OID.certificatePolicies).toString('hex')
const ORGANISATION_SEAL = oidBytes(ROLE_POLICY.organisationSeal).toString('hex')

/** @returns the policy identifiers as hex of their DER content octets; [] when none or unreadable */
export const certificatePolicies = (der: Uint8Array): string[] => {
  try {
    const tbs = childrenOf(der, childrenOf(der, readTlv(der, 0))[0] as Tlv)
    const extensions = tbs.find((t) => t.tag === 0xa3)
    if (!extensions) return []
    for (const ext of childrenOf(der, childrenOf(der, extensions)[0] as Tlv)) {
      const [id, ...rest] = childrenOf(der, ext)
      if (!id || Buffer.from(bodyOf(der, id)).toString('hex') !== POLICIES) continue
      const value = rest.find((t) => t.tag === 0x04)
      if (!value) return []
      const inner = bodyOf(der, value)
      return childrenOf(inner, readTlv(inner, 0)).map((info) => {
        const oid = childrenOf(inner, info)[0]
        return oid?.tag === 0x06 ? Buffer.from(bodyOf(inner, oid)).toString('hex') : ''
      })
    }
  } catch {
    return []
  }
  return []
}

/** An organisation certificate: the signature is the agency's (NĐ 30/2020 art. 5). */
export const isOrganisationCertificate = (der: Uint8Array) =>
  certificatePolicies(der).includes(ORGANISATION_SEAL)
