/**
 * Remote signing (VNPT SmartCA, Viettel MySign style): the server sends the SHA-256 of the
 * DER SignedAttributes, the official confirms on the phone, the provider returns the
 * signature. The provider also tells which certificate it will sign with, since the
 * signed attributes name it (signing-certificate-v2).
 * @module
 */
export type RemoteSignatureStatus = 'pending' | 'signed' | 'rejected' | 'expired'

export type RemoteSigningProvider = {
  /** The official's certificate at the provider (PEM) and its chain (intermediates first; they go into the CMS). */
  getCertificate: (official: {
    id: string
    name: string
    agencyCode: string
    agencyName: string
  }) => Promise<{
    certificatePem: string
    chainPem: string[]
  }>
  /** Starts a signature the official confirms on the phone. */
  requestSignature: (request: {
    officialId: string
    certificatePem: string
    /** SHA-256 of the DER SignedAttributes */
    hash: Uint8Array
    hashAlgorithm: 'SHA-256'
    description: string
  }) => Promise<{ transactionId: string }>
  /** The transaction's state; `signature` once signed: ECDSA (DER or P1363) or RSA PKCS#1 v1.5, per the certificate's key. */
  getStatus: (transactionId: string) => Promise<{ status: RemoteSignatureStatus; signature?: Uint8Array }>
}
