/**
 * Signs PDFs in-process with the same building blocks the API uses (placeholder, signed
 * attributes, CMS), for tests that need many signed PDFs before a server runs.
 * @module
 */
import { createHash } from 'node:crypto'
import * as pkijs from 'pkijs'
import {
  addSignaturePlaceholder,
  embedSignature,
  signedBytes,
} from '../../api/documents/add-signature-placeholder.ts'
import { assembleCms, buildSignedAttributes } from '../../api/documents/build-cms-signature.ts'
import { createOfficial } from '../../api/documents/create-official.ts'
import type { CertificateAuthority } from '../../api/documents/init-certificate-authority.ts'
import { enrolCertificate, issueCertificate } from '../../api/documents/issue-certificate.ts'
import { ecdsaSignatureToDer } from '../../api/documents/pki-encoding.ts'
import type { Db } from '../../knowledge/db/client.ts'
import { makeSignerKey } from './documents-fixtures.ts'

export type LocalSigner = {
  token: string
  name: string
  privateKey: CryptoKey
  cert: pkijs.Certificate
  der: Uint8Array
}

export const makeLocalSigner = async ({
  db,
  ca,
  agencyCode,
  role,
  name,
}: {
  db: Db
  ca: CertificateAuthority
  agencyCode: string
  role: string
  name: string
}): Promise<LocalSigner> => {
  const { official, token } = await createOfficial({ db, agencyCode, name, role, actor: 'test' })
  const key = await makeSignerKey(name)
  const issued = await enrolCertificate({
    db,
    ca,
    csrPem: key.csrPem,
    subject: { officialId: official.id, name, agencyCode, agencyName: agencyCode },
  })
  const der = new Uint8Array(issued.der)
  return { token, name, privateKey: key.keys.privateKey, cert: pkijs.Certificate.fromBER(der), der }
}

/**
 * A signer whose certificate the CA issued without an official in any database, in agency
 * 000.00.01.H56, for tests that only need signatures.
 */
export const makeCertifiedSigner = async ({
  ca,
  name,
  agencyName,
}: {
  ca: CertificateAuthority
  name: string
  agencyName: string
}): Promise<LocalSigner> => {
  const key = await makeSignerKey(name)
  const issued = await issueCertificate({
    ca,
    csrPem: key.csrPem,
    subject: { officialId: name, name, agencyCode: '000.00.01.H56', agencyName },
  })
  const der = new Uint8Array(issued.der)
  return { token: '', name, privateKey: key.keys.privateKey, cert: pkijs.Certificate.fromBER(der), der }
}

/**
 * The CMS signature of a prepared PDF as the extension makes it: the signed bytes digested with
 * `hash`, signed attributes naming `essFor` (the signer by default), signed with the signer's key.
 */
export const signPrepared = async ({
  prep,
  signer,
  ca,
  essFor = signer,
  hash = 'SHA-256',
}: {
  prep: Awaited<ReturnType<typeof addSignaturePlaceholder>>
  signer: LocalSigner
  ca: CertificateAuthority
  essFor?: LocalSigner
  hash?: 'SHA-256' | 'SHA-384'
}) => {
  const h = createHash(hash.replace('-', '').toLowerCase())
  for (const p of signedBytes(prep.pdf, prep.byteRange)) h.update(p)
  const { attributes, toBeSigned } = buildSignedAttributes({
    messageDigest: h.digest(),
    certificate: essFor.cert,
    certificateDer: essFor.der,
  })
  const sig = new Uint8Array(await crypto.subtle.sign({ name: 'ECDSA', hash }, signer.privateKey, toBeSigned))
  return assembleCms({
    attributes,
    signature: ecdsaSignatureToDer(sig),
    certificate: signer.cert,
    chain: [ca.certificate],
    hash,
  })
}

export const signLocally = async (
  pdf: Uint8Array,
  signer: LocalSigner,
  role: 'approver' | 'organisation',
  ca: CertificateAuthority,
  /** the time the signature claims (/M); now by default */
  signingTime = new Date(),
) => {
  const prep = await addSignaturePlaceholder({ pdf, role, signerName: signer.name, signingTime })
  return embedSignature(prep.pdf, prep.byteRange, await signPrepared({ prep, signer, ca }))
}
