/**
 * Importing an edXML package (QCVN 102:2016), in our layout or the vendors' SDK layout:
 * - from the caller's own agency: sent like any submission to the agencies of To;
 * - from another agency and addressed to the caller's agency (To): received into the
 *   caller's inbox under the sending agency, which must be registered;
 * - addressed elsewhere: refused (403).
 * Bussiness/BussinessDocType 0 is a new document; 1 revokes, 2 updates the header of, and 3
 * replaces the earlier document named by Bussiness/DocumentId (or ReplacementInfo/DocumentId),
 * which must come from the same sender. Each change is audited in the same transaction.
 * Status packages are passed to {@link importEdxmlStatus}.
 * @module
 */
import { and, desc, eq, ne } from 'drizzle-orm'
import { recordAudit } from '../../knowledge/db/record-audit.ts'
import { agencies, documents } from '../../knowledge/db/schema/documents.ts'
import { AppError } from '../../knowledge/errors.ts'
import { parseInput } from '../../platform/validate.ts'
import type { Caller } from './authenticate-official.ts'
import { type DocumentHeader, ZDocumentHeader } from './document-header.ts'
import type { DocumentsService } from './documents-service.ts'
import { documentTypeName, joinNotation, parseEdxmlDate } from './edxml-format.ts'
import { isVisibleTo } from './find-visible-document.ts'
import { importEdxmlStatus } from './import-edxml-status.ts'
import { requireRole } from './official-roles.ts'
import { asArray, documentPdfOf, type Node, readEdxmlPackage, text } from './read-edxml-package.ts'
import { refuseFrozenDocument } from './refuse-frozen-document.ts'
import { submitDocument } from './submit-document.ts'
import { validateAgencyCode } from './validate-agency-code.ts'

const PRIORITY = ['normal', 'urgent', 'very_urgent', 'flash'] as const

export const BUSINESS_DOC_TYPES: Record<string, string> = {
  '0': 'new',
  '1': 'revoke',
  '2': 'update',
  '3': 'replace',
}

/** The header fields a MessageHeader carries (only those present). */
const headerFieldsOf = (mh: Node) => {
  const priority = text(mh?.OtherInfo?.Priority)
  const pages = Number(text(mh?.OtherInfo?.PageAmount))
  const notation = text(mh?.Code?.CodeNotation)
  const fields = {
    notation: notation ? joinNotation(text(mh?.Code?.CodeNumber), notation) : undefined,
    codeNumber: text(mh?.Code?.CodeNumber),
    place: text(mh?.PromulgationInfo?.Place),
    promulgatedAt: parseEdxmlDate(text(mh?.PromulgationInfo?.PromulgationDate))?.date,
    type: documentTypeName({
      type: text(mh?.DocumentType?.Type),
      typeDetail: text(mh?.DocumentType?.TypeDetail),
      typeName: text(mh?.DocumentType?.TypeName),
    }),
    subject: text(mh?.Subject),
    signerName: text(mh?.SignerInfo?.FullName),
    signerCompetence: text(mh?.SignerInfo?.Competence),
    signerPosition: text(mh?.SignerInfo?.Position),
    dueDate: parseEdxmlDate(text(mh?.DueDate))?.date,
    priority: priority === undefined ? undefined : (PRIORITY[Number(priority)] ?? 'normal'),
    steeringType: text(mh?.SteeringType),
    pages: Number.isInteger(pages) && pages > 0 ? pages : undefined,
  }
  return Object.fromEntries(
    Object.entries(fields).filter(([, v]) => v !== undefined),
  ) as Partial<DocumentHeader>
}

type Resolved = { row: typeof documents.$inferSelect }

/**
 * The earlier document a revoke/update/replace package names, from the same sender, visible
 * to the caller (its sender, or one of its recipients).
 */
const resolveEarlier = async (
  svc: DocumentsService,
  caller: Caller,
  from: string,
  reference: string | undefined,
  kind: string,
): Promise<Resolved> => {
  if (!reference) {
    throw new AppError(
      'UNPROCESSABLE',
      `Gói edXML ${kind} (BussinessDocType) cần Bussiness/DocumentId của văn bản trước (dạng mã cơ quan,yyyy/MM/dd,số/ký hiệu).`,
    )
  }
  const row = await svc.db
    .select()
    .from(documents)
    .where(and(eq(documents.edxmlDocumentId, reference), eq(documents.senderAgency, from)))
    .orderBy(desc(documents.createdAt))
    .get()
  if (!row || !(await isVisibleTo(svc, caller, row)))
    throw new AppError('NOT_FOUND', `Không có văn bản ${reference} của ${from} để ${kind}.`)
  return { row }
}

const referenceOf = (bussiness: Node) =>
  text(bussiness?.DocumentId) ?? text(asArray(bussiness?.ReplacementInfoList?.ReplacementInfo)[0]?.DocumentId)

export type ImportEdxmlOptions = {
  svc: DocumentsService
  caller: Caller
  xml: string
  allowUnsigned?: boolean
}

/**
 * @returns the HTTP status to answer with and the body: the document for 0 and 3 (with
 *   `replaces` for 3), `{ id, state, businessDocType }` for 1 and 2, the status result for status packages
 * @throws AppError 400 (not edXML), 403 (not from nor to the caller's agency), 404 (earlier document),
 *   409 (updating a revoked or invalid document, replacing a revoked one), 413, 422
 */
export const importEdxml = async ({ svc, caller, xml, allowUnsigned = false }: ImportEdxmlOptions) => {
  const pkg = readEdxmlPackage(xml)
  if (pkg.kind === 'status') {
    return { status: 200 as const, body: await importEdxmlStatus({ svc, caller, pkg }) }
  }
  const mh = pkg.header
  const from = text(mh?.From?.OrganId)
  if (!from) throw new AppError('BAD_REQUEST', 'edXML thiếu MessageHeader/From/OrganId.')
  const to = asArray(mh?.To)
    .map((t: Node) => text(t?.OrganId))
    .filter((c): c is string => c !== undefined)
  const own = caller.agency.code
  const receiving = from !== own
  if (receiving && !to.includes(own)) {
    throw new AppError(
      'FORBIDDEN',
      `Gói edXML của ${from} gửi tới ${to.join(', ') || '(không ai)'}, không gửi tới cơ quan của bạn (${own}); chỉ nhập được gói do cơ quan mình gửi hoặc gửi tới cơ quan mình.`,
    )
  }
  requireRole(caller.official.role, receiving ? 'changeStatus' : 'send')
  if (receiving) {
    const sender = await svc.db
      .select()
      .from(agencies)
      .where(eq(agencies.code, validateAgencyCode(from, 'From/OrganId')))
      .get()
    if (!sender) {
      throw new AppError(
        'UNPROCESSABLE',
        `Cơ quan gửi ${from} chưa được đăng ký trong hệ thống; nhờ quản trị thêm cơ quan này (POST /v1/agencies) rồi nhập lại.`,
      )
    }
  }
  const businessDocType = text(pkg.bussiness?.BussinessDocType) ?? '0'
  const kind = BUSINESS_DOC_TYPES[businessDocType]
  if (!kind) {
    throw new AppError(
      'UNPROCESSABLE',
      `BussinessDocType ${businessDocType} không được hỗ trợ: 0 (mới), 1 (thu hồi), 2 (cập nhật), 3 (thay thế).`,
    )
  }
  const reason = text(pkg.bussiness?.BussinessDocReason) ?? null
  const actor = `official:${caller.official.id}`
  const fields = headerFieldsOf(mh)

  if (kind === 'revoke' || kind === 'update') {
    const { row } = await resolveEarlier(
      svc,
      caller,
      from,
      referenceOf(pkg.bussiness),
      kind === 'revoke' ? 'thu hồi' : 'cập nhật',
    )
    if (kind === 'update')
      await refuseFrozenDocument({ db: svc.db, caller, doc: row, action: 'update_header' })
    const at = new Date().toISOString()
    /** Changes the document and records why, from which sender, in one transaction. */
    const change = (
      set: Partial<typeof documents.$inferInsert>,
      action: string,
      detail: Record<string, unknown>,
    ) =>
      svc.db.batch([
        svc.db.update(documents).set(set).where(eq(documents.id, row.id)),
        recordAudit(svc.db, {
          actor,
          action,
          entity: 'document',
          entityId: row.id,
          detail: { via: 'edxml', from, reason, ...detail },
          at,
        }),
      ])
    if (kind === 'revoke') {
      if (row.state !== 'revoked')
        await change({ state: 'revoked', stateReason: reason }, 'document.revoke', {
          documentId: row.edxmlDocumentId,
        })
      return { status: 200 as const, body: { id: row.id, state: 'revoked', businessDocType: 1, reason } }
    }
    const before = row.header
    // only what the package carries changes; recipients and the unsigned flag stay
    const after = parseInput(ZDocumentHeader, { ...before, ...fields }, 'edXML')
    const changed = Object.keys(fields).filter(
      (k) =>
        JSON.stringify(before[k as keyof DocumentHeader]) !==
        JSON.stringify(after[k as keyof DocumentHeader]),
    )
    if (changed.length > 0) {
      const diff = changed.map((k) => [
        k,
        {
          before: before[k as keyof DocumentHeader] ?? null,
          after: after[k as keyof DocumentHeader] ?? null,
        },
      ])
      await change(
        { header: after, notation: after.notation, subject: after.subject, stateReason: reason },
        'document.update_header',
        { changed: Object.fromEntries(diff) },
      )
    }
    return { status: 200 as const, body: { id: row.id, state: row.state, businessDocType: 2, changed } }
  }

  const earlier =
    kind === 'replace'
      ? await resolveEarlier(svc, caller, from, referenceOf(pkg.bussiness), 'thay thế')
      : undefined
  if (earlier) {
    // before anything is stored: a revoked document is not replaced (send a new one)
    await refuseFrozenDocument({ db: svc.db, caller, doc: earlier.row, action: 'replace', only: ['revoked'] })
  }
  const pdf = documentPdfOf(pkg, svc.maxBytes)
  if (!pdf) {
    throw new AppError(
      'BAD_REQUEST',
      'edXML thiếu tệp PDF đính kèm (AttachmentEncoded/Attachment, application/pdf).',
    )
  }
  const header = parseInput(
    ZDocumentHeader,
    {
      ...fields,
      to: receiving ? [own] : to,
      paperCopy: text(pkg.bussiness?.Paper) === '1',
      allowUnsigned,
    },
    'edXML',
  )
  const { created, doc } = await submitDocument({
    svc,
    caller,
    pdf,
    header,
    receivedFrom: receiving ? from : undefined,
  })
  if (!earlier) return { status: created ? (201 as const) : (200 as const), body: doc }
  if (earlier.row.id === doc.id) {
    throw new AppError('UNPROCESSABLE', 'Văn bản thay thế trùng với văn bản bị thay thế.')
  }
  if (earlier.row.replacedBy !== doc.id) {
    const at = new Date().toISOString()
    await svc.db.batch([
      svc.db
        .update(documents)
        .set({ state: 'replaced', stateReason: reason, replacedBy: doc.id })
        .where(and(eq(documents.id, earlier.row.id), ne(documents.id, doc.id))),
      svc.db.update(documents).set({ replaces: earlier.row.id }).where(eq(documents.id, doc.id)),
      recordAudit(svc.db, {
        actor,
        action: 'document.replace',
        entity: 'document',
        entityId: earlier.row.id,
        detail: { via: 'edxml', from, reason, replacedBy: doc.id, documentId: earlier.row.edxmlDocumentId },
        at,
      }),
    ])
  }
  return {
    status: created ? (201 as const) : (200 as const),
    body: { ...doc, replaces: earlier.row.id },
  }
}
