/**
 * Sending a document: the PDF is verified, stored content-addressed by SHA-256, and put in
 * each recipient agency's inbox with status 01 — document, blob, recipients, events and
 * audit row in one transaction, so a crash never leaves half a document. The same PDF
 * from the same agency always gets the same id; sending it again to agencies it has not
 * reached yet delivers it to them (status 01, audited as `document.add_recipients`).
 * @module
 */
import { createHash } from 'node:crypto'
import { eq } from 'drizzle-orm'
import { readStoredVerification } from '../../contracts/document-verification.ts'
import { recordAudit } from '../../knowledge/db/record-audit.ts'
import { documentEvents, documentRecipients, documents } from '../../knowledge/db/schema/documents.ts'
import { AppError } from '../../knowledge/errors.ts'
import type { Caller } from './authenticate-official.ts'
import type { DocumentHeader } from './document-header.ts'
import type { DocumentsService } from './documents-service.ts'
import { edxmlDocumentId } from './edxml-format.ts'
import { judgeOwnApproval, type SenderVerification } from './judge-own-approval.ts'
import { requireRole } from './official-roles.ts'
import { bindQuery } from './prepare-submit-queries.ts'
import { refuseFrozenDocument } from './refuse-frozen-document.ts'
import { validateAgencyCode } from './validate-agency-code.ts'
import type { Verification } from './verify-pdf-signatures.ts'

export type SubmitDocumentOptions = {
  svc: DocumentsService
  caller: Caller
  pdf: Uint8Array
  /** the PDF's SHA-256 (hex) when already computed off the request thread */
  sha256?: string | undefined
  /** the worker's verdict on these bytes when already made with the upload (roles and revocations are still checked) */
  verification?: Verification | undefined
  header: DocumentHeader
  /**
   * another agency's document received as an edXML package addressed to the caller's agency:
   * stored under that agency as sender, delivered to the caller's agency only
   */
  receivedFrom?: string | undefined
}

export type SubmittedDocument = {
  id: string
  sha256: string
  signatureStatus: string
  verification: SenderVerification
  recipients: { agencyCode: string; status: string }[]
  /** on a re-send: the agencies this request delivered to (empty when all had it already) */
  added?: string[]
}

export const documentIdOf = (sha256: string, senderAgency: string) =>
  createHash('sha256').update(`${sha256}:${senderAgency}`).digest('hex').slice(0, 32)

/** The distinct problems found, a few of them: an error message stays short whatever the file holds. */
export const problemsOf = (verification: Verification, max = 6) => {
  const all = [...(verification.problems ?? []), ...verification.signatures.flatMap((s) => s.problems)]
  const distinct = [...new Set(all)]
  const shown = distinct.slice(0, max).join(' ')
  return distinct.length > max ? `${shown} (và ${distinct.length - max} vấn đề khác)` : shown
}

const existingDocument = async (svc: DocumentsService, id: string): Promise<SubmittedDocument | null> => {
  const row = await svc.queries.byId.get({ id })
  if (!row) return null
  const recipients = await svc.db
    .select({ agencyCode: documentRecipients.agencyCode, status: documentRecipients.status })
    .from(documentRecipients)
    .where(eq(documentRecipients.documentId, id))
  return {
    id,
    sha256: row.sha256,
    signatureStatus: row.signatureStatus,
    verification: readStoredVerification(row.verification),
    recipients,
  }
}

const requireKnownAgencies = async (svc: DocumentsService, to: string[]) => {
  if (to.length === 0) return
  // the codes bind as one JSON array, so one prepared statement serves any number of them
  const known = await svc.queries.knownAgencies.all({ codes: JSON.stringify(to) })
  const missing = to.filter((code) => !known.some((k) => k.code === code))
  if (missing.length > 0) {
    throw new AppError('UNPROCESSABLE', `header.to: chưa có cơ quan mã ${missing.join(', ')} trong hệ thống.`)
  }
}

const UNSIGNED_REFUSAL =
  'Văn bản chưa có chữ ký số. Ký số trước khi gửi, hoặc gửi với allowUnsigned: true (sẽ được ghi nhận là chưa ký).'

/**
 * The same PDF sent again by the same agency: the agencies of `to` that do not have it yet
 * get it now, in one transaction with their status events and an audit entry.
 */
const addRecipients = async (
  svc: DocumentsService,
  caller: Caller,
  existing: SubmittedDocument,
  to: string[],
  header: DocumentHeader,
): Promise<SubmittedDocument> => {
  const have = new Set(existing.recipients.map((r) => r.agencyCode))
  const fresh = to.filter((code) => !have.has(code))
  if (fresh.length === 0) return { ...existing, added: [] }
  const row = await svc.db.select().from(documents).where(eq(documents.id, existing.id)).get()
  if (row) await refuseFrozenDocument({ db: svc.db, caller, doc: row, action: 'add_recipients' })
  if (existing.signatureStatus === 'unsigned' && !header.allowUnsigned) {
    throw new AppError('UNPROCESSABLE', UNSIGNED_REFUSAL)
  }
  await requireKnownAgencies(svc, fresh)
  const at = new Date().toISOString()
  const actor = caller.official.id
  const added = await svc.db.transaction(async (tx) => {
    const inserted = await tx
      .insert(documentRecipients)
      .values(
        fresh.map((agencyCode) => ({ documentId: existing.id, agencyCode, status: '01', updatedAt: at })),
      )
      .onConflictDoNothing()
      .returning({ agencyCode: documentRecipients.agencyCode })
    const codes = inserted.map((r) => r.agencyCode)
    if (codes.length === 0) return codes
    await tx.insert(documentEvents).values(
      codes.map((agencyCode) => ({
        documentId: existing.id,
        agencyCode,
        status: '01',
        actorOfficialId: actor,
        note: 'gửi bổ sung',
        at,
      })),
    )
    await recordAudit(tx, {
      actor: `official:${actor}`,
      action: 'document.add_recipients',
      entity: 'document',
      entityId: existing.id,
      detail: { sha256: existing.sha256, added: codes, notation: header.notation },
      at,
    })
    return codes
  })
  const recipients = [...existing.recipients, ...added.map((agencyCode) => ({ agencyCode, status: '01' }))]
  return { ...existing, recipients, added }
}

/**
 * @returns `created: false` with the stored document when this sender already sent this PDF
 *   (delivered to the agencies of `to` that did not have it yet, listed in `added`)
 * @throws AppError 403 (role), 400/422 (recipients), 422 (unsigned or invalid signature without allowUnsigned),
 *   409 (new recipients for a document that is revoked or whose signatures do not hold)
 */
export const submitDocument = async ({
  svc,
  caller,
  pdf: uploaded,
  header,
  receivedFrom,
  ...known
}: SubmitDocumentOptions) => {
  let pdf = uploaded
  requireRole(caller.official.role, receivedFrom ? 'changeStatus' : 'send')
  const senderAgency = receivedFrom ?? caller.agency.code
  if (Buffer.from(pdf.subarray(0, 1024)).toString('latin1').indexOf('%PDF-') < 0) {
    throw new AppError('UNPROCESSABLE', 'file: tệp không phải PDF (thiếu %PDF-).')
  }
  const to = [...new Set(header.to.map((code, i) => validateAgencyCode(code, `header.to[${i}]`)))]
  const sha256 = known.sha256 ?? createHash('sha256').update(pdf).digest('hex')
  const id = documentIdOf(sha256, senderAgency)
  // one submission per document at a time: a concurrent one waits, then adds its recipients
  const { submitting } = svc
  for (let running = submitting.get(id); running; running = submitting.get(id)) await running.catch(() => {})
  const work = (async () => {
    const existing = await existingDocument(svc, id)
    if (existing) return { created: false, doc: await addRecipients(svc, caller, existing, to, header) }
    await requireKnownAgencies(svc, to)
    const verified = await svc.verifyPdf(pdf, known.verification)
    pdf = verified.pdf
    const checked = verified.verification
    if (checked.problems?.length) {
      // not a document with a bad signature but a file that is not checked at all: refused even as unsigned
      throw new AppError('UNPROCESSABLE', `Tệp PDF bị từ chối: ${problemsOf(checked)}`)
    }
    const verification = await judgeOwnApproval({
      db: svc.db,
      verification: checked,
      senderAgency,
      signerAgencies: verified.signerAgencies,
    })
    if (verification.status !== 'signed_valid' && !header.allowUnsigned) {
      throw new AppError(
        'UNPROCESSABLE',
        verification.status === 'unsigned'
          ? UNSIGNED_REFUSAL
          : `Chữ ký số không hợp lệ: ${problemsOf(verification)} Gửi với allowUnsigned: true để gửi như văn bản chưa ký.`,
        { details: verification },
      )
    }
    const signatureStatus = verification.status === 'signed_valid' ? 'signed_valid' : 'unsigned'
    const pages = header.pages ?? (await svc.pdf.run({ op: 'countPages', pdf }))
    const at = new Date().toISOString()
    const actor = caller.official.id
    const inserts = svc.queries
    const perRecipient = inserts.perRecipient(to.length)
    const codes = Object.fromEntries(to.map((code, i) => [`agencyCode${i}`, code]))
    // submissions arriving together share one transaction (one fsync acknowledges many documents)
    await svc.commit([
      bindQuery(inserts.blob, { sha256, bytes: Buffer.from(pdf), size: pdf.byteLength }),
      bindQuery(inserts.document, {
        id,
        sha256,
        senderAgency,
        senderOfficialId: receivedFrom ? null : actor,
        header,
        notation: header.notation,
        subject: header.subject,
        pages,
        paperCopy: header.paperCopy ?? false,
        signatureStatus,
        verification,
        ownApproval: signatureStatus === 'signed_valid' && verification.ownApproval,
        createdAt: at,
        edxmlDocumentId: edxmlDocumentId(senderAgency, header.promulgatedAt, header.notation),
      }),
      ...(to.length > 0
        ? [
            bindQuery(perRecipient.recipients, { id, at, ...codes }),
            bindQuery(perRecipient.events, { id, at, actor, ...codes }),
          ]
        : []),
      bindQuery(inserts.audit, {
        actor: `official:${actor}`,
        action: receivedFrom ? 'document.receive_edxml' : 'document.submit',
        entityId: id,
        detail: {
          sha256,
          to,
          signatureStatus,
          notation: header.notation,
          ...(receivedFrom ? { from: receivedFrom } : {}),
        },
        at,
      }),
    ])
    const doc: SubmittedDocument = {
      id,
      sha256,
      signatureStatus,
      verification,
      recipients: to.map((agencyCode) => ({ agencyCode, status: '01' })),
    }
    return { created: true, doc }
  })()
  submitting.set(id, work)
  try {
    return await work
  } finally {
    submitting.delete(id)
  }
}
