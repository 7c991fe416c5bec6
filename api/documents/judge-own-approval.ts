/**
 * Whether a verified PDF carries the sending agency's own approval (NĐ 30/2020): the
 * approver's and the organisation's signatures, valid and in that order, each by an official
 * of the sending agency. A valid signature of another agency's approver is still shown as
 * valid, but the verdict says whose it is and that it is not the sender's approval, and
 * /minh-bach does not count it.
 * @module
 */
import { inArray } from 'drizzle-orm'
import type {
  SenderSignatureCheck,
  SenderVerification,
  Verification,
} from '../../contracts/document-verification.ts'
import type { Db } from '../../knowledge/db/client.ts'
import { certificates } from '../../knowledge/db/schema/documents.ts'

export type { SenderSignatureCheck, SenderVerification } from '../../contracts/document-verification.ts'

/**
 * @param verification the verifier's verdict (not changed)
 * @param senderAgency the agency that sends the document
 * @param signerAgencies the signers' agencies by certificate serial when already read (see
 *   `DocumentsService.verifyPdf`); otherwise they are read here
 */
export const judgeOwnApproval = async ({
  db,
  verification,
  senderAgency,
  signerAgencies,
}: {
  db: Db
  verification: Verification
  senderAgency: string
  signerAgencies?: ReadonlyMap<string, string | null> | undefined
}): Promise<SenderVerification> => {
  const serials = [
    ...new Set(verification.signatures.map((s) => s.certificateSerial).filter((s): s is string => !!s)),
  ]
  const rows =
    signerAgencies || serials.length === 0
      ? []
      : await db
          .select({ serial: certificates.serial, agencyCode: certificates.agencyCode })
          .from(certificates)
          .where(inArray(certificates.serial, serials))
  const agencyOf = signerAgencies ?? new Map(rows.map((r) => [r.serial, r.agencyCode]))
  const notes: string[] = []
  const signatures = verification.signatures.map((s): SenderSignatureCheck => {
    const signerAgency = (s.certificateSerial && agencyOf.get(s.certificateSerial)) || null
    if (s.role && signerAgency !== senderAgency) {
      const who = s.signerName ? `"${s.signerName}"` : 'người ký'
      notes.push(
        signerAgency
          ? `Chữ ký ${s.role === 'approver' ? 'phê duyệt' : 'của cơ quan'} của ${who} thuộc cơ quan ${signerAgency}, không phải cơ quan gửi ${senderAgency}: không được tính là phê duyệt của cơ quan gửi.`
          : `Chữ ký ${s.role === 'approver' ? 'phê duyệt' : 'của cơ quan'} của ${who} không thuộc cán bộ nào của cơ quan gửi ${senderAgency}: không được tính là phê duyệt của cơ quan gửi.`,
      )
    }
    return { ...s, signerAgency }
  })
  const ownApproval =
    verification.status === 'signed_valid' && verification.rolesComplete && notes.length === 0
  return { ...verification, signatures, ownApproval, approvalNotes: notes }
}
