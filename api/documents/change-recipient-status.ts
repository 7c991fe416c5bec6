/**
 * QCVN 102:2016 status changes of a recipient's copy: the recipient moves it through
 * 02/03/04/05/06, the sender recalls it (13), the recipient answers the recall (15/16).
 * The guarded update, its document event and the audit row run in one transaction; a
 * concurrent change that got there first makes the guard fail and nothing is written.
 * @module
 */
import { AppError } from '../../knowledge/errors.ts'
import type { Caller } from './authenticate-official.ts'
import { RECALLABLE, RECIPIENT_TRANSITIONS, STATUS_LABELS } from './document-header.ts'
import type { DocumentsService } from './documents-service.ts'
import { findVisibleDocument } from './find-visible-document.ts'
import { requireRole } from './official-roles.ts'
import { refuseFrozenDocument } from './refuse-frozen-document.ts'

export type ChangeRecipientStatusOptions = {
  svc: DocumentsService
  caller: Caller
  id: string
  status: string
  note?: string | undefined
  /** for a recall: only this recipient (default: every recipient that can be recalled) */
  agencyCode?: string | undefined
}

const label = (code: string) => `${code} (${(STATUS_LABELS as Record<string, string>)[code] ?? '?'})`

/**
 * @returns the recipients' statuses after the change
 * @throws AppError 404 (not visible), 403 (role, or a recall by a recipient), 409 (transition not
 *   allowed, or the document is revoked or its signatures do not hold)
 */
export const changeRecipientStatus = async ({
  svc,
  caller,
  id,
  status,
  note,
  agencyCode,
}: ChangeRecipientStatusOptions) => {
  const { doc, isSender } = await findVisibleDocument(svc, caller, id)
  requireRole(caller.official.role, 'changeStatus')
  await refuseFrozenDocument({ db: svc.db, caller, doc, action: status === '13' ? 'recall' : 'status' })
  const client = svc.db.$client
  const current = await client.execute({
    sql: 'SELECT agency_code, status FROM document_recipients WHERE document_id = ?',
    args: [id],
  })
  const rows = current.rows.map((r) => ({
    agencyCode: String(r['agency_code']),
    status: String(r['status']),
  }))
  let targets: { agencyCode: string; from: readonly string[] }[]
  if (status === '13') {
    if (!isSender) throw new AppError('FORBIDDEN', 'Chỉ cơ quan gửi mới lấy lại (13) được văn bản.')
    const chosen = rows.filter((r) => (agencyCode ? r.agencyCode === agencyCode : true))
    if (agencyCode && chosen.length === 0)
      throw new AppError('NOT_FOUND', `Văn bản không gửi tới ${agencyCode}.`)
    targets = chosen
      .filter((r) => (RECALLABLE as readonly string[]).includes(r.status))
      .map((r) => ({ agencyCode: r.agencyCode, from: RECALLABLE }))
    if (targets.length === 0) {
      throw new AppError(
        'CONFLICT',
        `Không lấy lại được: bên nhận đang ở ${chosen.map((r) => label(r.status)).join(', ')}.`,
      )
    }
  } else {
    const mine = rows.find((r) => r.agencyCode === caller.agency.code)
    if (!mine) throw new AppError('FORBIDDEN', `Chỉ cơ quan nhận mới chuyển sang ${label(status)} được.`)
    const from = Object.entries(RECIPIENT_TRANSITIONS)
      .filter(([, next]) => next.includes(status))
      .map(([f]) => f)
    if (!from.includes(mine.status)) {
      throw new AppError('CONFLICT', `Không chuyển được từ ${label(mine.status)} sang ${label(status)}.`)
    }
    targets = [{ agencyCode: mine.agencyCode, from }]
  }
  const at = new Date().toISOString()
  const actor = caller.official.id
  const statements = targets.flatMap((t) => {
    const placeholders = t.from.map(() => '?').join(', ')
    return [
      {
        sql: `UPDATE document_recipients SET status = ?, updated_at = ? WHERE document_id = ? AND agency_code = ? AND status IN (${placeholders})
              AND NOT EXISTS (SELECT 1 FROM documents WHERE id = document_id AND state = 'revoked')`,
        args: [status, at, id, t.agencyCode, ...t.from],
      },
      {
        sql: 'INSERT INTO document_events (document_id, agency_code, status, actor_official_id, note, at) SELECT ?, ?, ?, ?, ?, ? WHERE changes() = 1',
        args: [id, t.agencyCode, status, actor, note ?? null, at],
      },
      {
        sql: "INSERT INTO audit_log (actor, action, entity, entity_id, detail, at) SELECT ?, 'document.status', 'document', ?, ?, ? WHERE changes() = 1",
        args: [
          `official:${actor}`,
          id,
          JSON.stringify({ agencyCode: t.agencyCode, status, note: note ?? null }),
          at,
        ],
      },
    ]
  })
  const results = await client.batch(statements, 'write')
  const changed = results.filter((_, i) => i % 3 === 0).reduce((n, r) => n + r.rowsAffected, 0)
  if (changed === 0)
    throw new AppError('CONFLICT', 'Trạng thái vừa được người khác thay đổi; tải lại rồi thử lại.')
  const after = await client.execute({
    sql: 'SELECT agency_code, status FROM document_recipients WHERE document_id = ?',
    args: [id],
  })
  return {
    id: doc.id,
    recipients: after.rows
      .map((r) => ({ agencyCode: String(r['agency_code']), status: String(r['status']) }))
      .filter((r) => isSender || r.agencyCode === caller.agency.code),
  }
}
