/**
 * What the deployment's CA and the extension's certificate requests agree on, without any
 * Node API (the extension runs it in the browser): the object identifiers and the PEM format.
 * @module
 */

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

const toBase64 = (bytes: Uint8Array) => {
  let binary = ''
  // in slices: spreading a whole certificate chain into one call can exceed the argument limit
  for (let i = 0; i < bytes.length; i += 0x8000)
    binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000))
  return btoa(binary)
}

/** @returns the DER as a PEM block with the label, 64 characters a line */
export const toPem = (der: Uint8Array, label: string) => {
  const b64 = toBase64(der)
  return `-----BEGIN ${label}-----\n${b64.match(/.{1,64}/g)?.join('\n') ?? ''}\n-----END ${label}-----\n`
}

/** @returns the base64 body of every PEM block with the label, whitespace removed */
export const pemBodies = (pem: string, label: string): string[] => {
  const re = new RegExp(`-----BEGIN ${label}-----([\\s\\S]*?)-----END ${label}-----`, 'g')
  return [...pem.matchAll(re)].map((m) => (m[1] ?? '').replace(/\s+/g, ''))
}
