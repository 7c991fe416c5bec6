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
import { enrolCertificate } from '../../api/documents/issue-certificate.ts'
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

export const signLocally = async (
  pdf: Uint8Array,
  signer: LocalSigner,
  role: 'approver' | 'organisation',
  ca: CertificateAuthority,
  /** the time the signature claims (/M); now by default */
  signingTime = new Date(),
) => {
  const prep = await addSignaturePlaceholder({ pdf, role, signerName: signer.name, signingTime })
  const h = createHash('sha256')
  for (const p of signedBytes(prep.pdf, prep.byteRange)) h.update(p)
  const { attributes, toBeSigned } = buildSignedAttributes({
    messageDigest: h.digest(),
    certificate: signer.cert,
    certificateDer: signer.der,
  })
  const sig = new Uint8Array(
    await crypto.subtle.sign({ name: 'ECDSA', hash: 'SHA-256' }, signer.privateKey, toBeSigned),
  )
  const cms = assembleCms({
    attributes,
    signature: ecdsaSignatureToDer(sig),
    certificate: signer.cert,
    chain: [ca.certificate],
  })
  return embedSignature(prep.pdf, prep.byteRange, cms)
}
