/**
 * A document that is revoked or whose signatures do not hold cannot move on: no status
 * change (by the recipient, a recall by the sender, or an edXML status package) and no new
 * recipients. Three reasons freeze a document:
 * - its sender revoked it (edXML BussinessDocType 1, `state: "revoked"`);
 * - its signature was found invalid when it arrived (`verification.status: "signed_invalid"`,
 *   kept as unsigned with `allowUnsigned`);
 * - a signer's certificate is revoked (now, on the CA's CRL) and nothing proves the signature
 *   was made before the revocation: trolyso received the document after it and the signature
 *   has no valid timestamp earlier than it. A document trolyso already held, or timestamped,
 *   before the revocation was signed before it and keeps moving (PAdES: revoked later, valid).
 * An edXML update (BussinessDocType 2) of such a document is refused too; a replacement (3) only
 * of a revoked one (replacing is how a sender remedies an invalid signature).
 * A refusal is audited (`document.change_refused`) and answered 409 in Vietnamese and English.
 * @module
 */
import { inArray } from 'drizzle-orm'
import type { Db } from '../../knowledge/db/client.ts'
import { recordAudit } from '../../knowledge/db/record-audit.ts'
import { certificates, type documents } from '../../knowledge/db/schema/documents.ts'
import { AppError } from '../../knowledge/errors.ts'
import type { Caller } from './authenticate-official.ts'
import { vietnamTime } from './read-signature-time.ts'

export type FrozenReason = {
  reason: 'revoked' | 'signature_invalid' | 'certificate_revoked'
  message: string
}

/** What is being refused, for the audit row and the message. */
export type FrozenAction =
  | 'status'
  | 'recall'
  | 'status_edxml'
  | 'add_recipients'
  | 'update_header'
  | 'replace'

type DocumentRow = Pick<
  typeof documents.$inferSelect,
  'id' | 'state' | 'stateReason' | 'verification' | 'createdAt'
>

type SignatureFacts = {
  signerName?: string | null
  certificateSerial?: string | null
  timestampValid?: boolean | null
  timestampedAt?: string | null
  problems?: string[]
}

const ACTION_LABELS: Record<FrozenAction, string> = {
  status: 'đổi trạng thái',
  recall: 'lấy lại',
  status_edxml: 'áp dụng gói trạng thái edXML cho',
  add_recipients: 'gửi thêm nơi nhận cho',
  update_header: 'cập nhật (gói edXML loại 2)',
  replace: 'thay thế (gói edXML loại 3)',
}

const second = (iso: string) => Math.floor(Date.parse(iso) / 1000)

/** The reason a document is frozen, or null when it may still move on. */
export const frozenReasonOf = async (db: Db, doc: DocumentRow): Promise<FrozenReason | null> => {
  if (doc.state === 'revoked') {
    const why = doc.stateReason ? `: ${doc.stateReason}` : ''
    return {
      reason: 'revoked',
      message: `Văn bản đã bị cơ quan gửi thu hồi (gói edXML thu hồi${why}). The document was revoked by its sender.`,
    }
  }
  const verification = doc.verification as { status?: string; signatures?: SignatureFacts[] }
  const signatures = verification.signatures ?? []
  if (verification.status === 'signed_invalid') {
    const problems = [...new Set(signatures.flatMap((s) => s.problems ?? []))].slice(0, 3).join(' ')
    return {
      reason: 'signature_invalid',
      message: `Chữ ký số của văn bản không hợp lệ${problems ? ` (${problems})` : ''}. The document's signature is invalid.`,
    }
  }
  const serials = [...new Set(signatures.map((s) => s.certificateSerial).filter((s): s is string => !!s))]
  if (serials.length === 0) return null
  const revoked = await db
    .select({ serial: certificates.serial, revokedAt: certificates.revokedAt })
    .from(certificates)
    .where(inArray(certificates.serial, serials))
  for (const row of revoked) {
    if (!row.revokedAt) continue
    const revokedAt = row.revokedAt
    const signs = signatures.filter((s) => s.certificateSerial === row.serial)
    // trolyso held the document before the revocation: every signature in it is older
    if (Date.parse(revokedAt) > Date.parse(doc.createdAt)) continue
    // a valid timestamp proves when the signature existed (whole seconds: the same second is doubtful)
    const proven = signs.every(
      (s) => s.timestampValid === true && s.timestampedAt && second(s.timestampedAt) < second(revokedAt),
    )
    if (proven) continue
    const who = signs.find((s) => s.signerName)?.signerName ?? 'người ký'
    return {
      reason: 'certificate_revoked',
      message:
        `Chứng thư số của ${who} (số hiệu ${row.serial}) đã bị thu hồi lúc ${vietnamTime(new Date(revokedAt))}, trước khi văn bản đến hệ thống, ` +
        'và không có dấu thời gian nào chứng minh chữ ký có trước đó. ' +
        "The signer's certificate was revoked before the document arrived and nothing proves it was signed earlier.",
    }
  }
  return null
}

export type RefuseFrozenDocumentOptions = {
  db: Db
  caller: Caller
  doc: DocumentRow
  action: FrozenAction
  /** only these reasons refuse (a replacement is the remedy for an invalid signature, not for a revocation) */
  only?: FrozenReason['reason'][]
}

/**
 * @throws AppError 409 when the document is frozen, after writing the refusal to the audit log
 */
export const refuseFrozenDocument = async ({
  db,
  caller,
  doc,
  action,
  only,
}: RefuseFrozenDocumentOptions) => {
  const frozen = await frozenReasonOf(db, doc)
  if (!frozen || (only && !only.includes(frozen.reason))) return
  await recordAudit(db, {
    actor: `official:${caller.official.id}`,
    action: 'document.change_refused',
    entity: 'document',
    entityId: doc.id,
    detail: { action, reason: frozen.reason, agencyCode: caller.agency.code },
  })
  throw new AppError(
    'CONFLICT',
    `Không ${ACTION_LABELS[action]} văn bản này được nữa. ${frozen.message} A document that is revoked or whose signature does not hold cannot change status or get new recipients.`,
    { details: { reason: frozen.reason } },
  )
}
