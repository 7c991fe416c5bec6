/**
 * The verdict on a PDF's signatures, as the verifier produces it, as the documents table
 * keeps it (`documents.verification`) and as the API returns it. Fields added after the first
 * release carry a default, so a verdict stored by an older version reads as a complete one:
 * the column is typed with the schema's input (what any version wrote), and
 * {@link readStoredVerification} gives the current shape.
 * @module
 */
import { z } from 'zod'
import { SIGNATURE_STATUSES, SIGNING_ROLES } from './document-codes.ts'

/** One signature of the file, checked. */
export const ZSignatureCheck = z.object({
  role: z.enum(SIGNING_ROLES).nullable(),
  /** where the role comes from: an organisation certificate's policy, or the signature dictionary */
  roleSource: z.enum(['certificate', 'signature']).nullable().default(null),
  signerName: z.string().nullable(),
  certificateSerial: z.string().nullable(),
  /** the claimed signing time (the signature dictionary's /M), UTC */
  signedAt: z.string().nullable(),
  /** the same time as shown to people, ISO 8601 in Vietnam's time (+07:00) */
  signedAtLocal: z.string().nullable().default(null),
  /** PAdES baseline B-B: ETSI.CAdES.detached with content-type, message-digest and signing-certificate-v2, no signing-time */
  padesBaseline: z.boolean().default(false),
  /** the PAdES baseline level reached: B-T with a valid signature timestamp, else B-B; null when not baseline */
  level: z.enum(['B-B', 'B-T']).nullable().default(null),
  /** the signature timestamp (RFC 3161): whether it holds (null: none), its time (UTC and +07:00) and TSA */
  timestampValid: z.boolean().nullable().default(null),
  timestampedAt: z.string().nullable().default(null),
  timestampedAtLocal: z.string().nullable().default(null),
  timestampAuthority: z.string().nullable().default(null),
  /** when the signer's certificate was revoked (certificates of this deployment's CA), else null */
  revokedAt: z.string().nullable().default(null),
  /**
   * `before_signing`: revoked before the signature (invalid); `after_signing`: revoked later (the
   * signature stays valid). Compared with the timestamp's time when there is a valid one, else /M.
   */
  revocation: z.enum(['before_signing', 'after_signing']).nullable().default(null),
  integrity: z.boolean(),
  chainValid: z.boolean(),
  validAtSigningTime: z.boolean(),
  coversWholeDocument: z.boolean(),
  /** bytes of the revision this signature signed (the file up to the end of its ByteRange) */
  revisionLength: z.number().nullable().default(null),
  /** for a signature that is not the last: what changed after it that a later signature may not change */
  changesAfter: z.array(z.string()).default([]),
  /** the signer's official holds a role allowed to sign in this capacity; null when not ours to know */
  roleValid: z.boolean().nullable(),
  problems: z.array(z.string()),
})
export type SignatureCheck = z.output<typeof ZSignatureCheck>

export type SignatureStatus = (typeof SIGNATURE_STATUSES)[number]

/** The verifier's verdict on a whole file. */
export const ZVerification = z.object({
  status: z.enum(SIGNATURE_STATUSES),
  signatures: z.array(ZSignatureCheck),
  /** an approver's signature followed by the organisation's, both valid (NĐ 30/2020 art. 5) */
  rolesComplete: z.boolean(),
  checkedAt: z.string(),
  /** problems of the file as a whole (too many signatures, time budget spent), when any */
  problems: z.array(z.string()).optional(),
})
export type Verification = z.output<typeof ZVerification>

export const ZSenderSignatureCheck = ZSignatureCheck.extend({
  /** the agency of the official the certificate was issued to; null when the certificate is not ours */
  signerAgency: z.string().nullable().default(null),
})
export type SenderSignatureCheck = z.output<typeof ZSenderSignatureCheck>

/** The verdict with the sending agency's own approval judged: what a sent document keeps. */
export const ZSenderVerification = ZVerification.extend({
  signatures: z.array(ZSenderSignatureCheck),
  /** approver then organisation signatures, valid, all by officials of the sending agency */
  ownApproval: z.boolean().default(false),
  /** why a valid document is not the sending agency's approval */
  approvalNotes: z.array(z.string()).default([]),
})
export type SenderVerification = z.output<typeof ZSenderVerification>
/** A sender's verdict as any version stored it: fields added later may be missing. */
export type StoredSenderVerification = z.input<typeof ZSenderVerification>

/**
 * A stored verdict in the current shape, the fields an older version did not write set to
 * their defaults (no timestamp, no revocation, not counted as the sender's own approval).
 * @throws ZodError when the stored value is not a verdict at all
 */
export const readStoredVerification = (stored: StoredSenderVerification): SenderVerification =>
  ZSenderVerification.parse(stored)
