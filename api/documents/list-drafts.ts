/**
 * The agency's "chờ phát hành" queue, for its văn thư (and its leaders): pending drafts with
 * who signed them, newest first; and one draft's PDF, only inside the agency.
 * @module
 */
import { and, desc, eq } from 'drizzle-orm'
import { documentDrafts, officials } from '../../knowledge/db/schema/documents.ts'
import { AppError } from '../../knowledge/errors.ts'
import { type DraftSummary, summaryOf } from './create-draft.ts'
import type { ByIdOptions, CallerOptions } from './documents-service.ts'
import { requireRole } from './official-roles.ts'

export type ListDraftsOptions = CallerOptions & {
  status?: 'pending' | 'issued'
}

export const listDrafts = async ({
  svc,
  caller,
  status = 'pending',
}: ListDraftsOptions): Promise<Array<DraftSummary & { approverName: string | null }>> => {
  requireRole(caller.official.role, 'read')
  const rows = await svc.db
    .select({ draft: documentDrafts, approverName: officials.name })
    .from(documentDrafts)
    .leftJoin(officials, eq(officials.id, documentDrafts.approverOfficialId))
    .where(and(eq(documentDrafts.agencyCode, caller.agency.code), eq(documentDrafts.status, status)))
    .orderBy(desc(documentDrafts.createdAt))
    .limit(100)
  return rows.map((r) => ({ ...summaryOf(r.draft), approverName: r.approverName }))
}

/** @throws AppError 404 when the draft is not this agency's (other agencies cannot probe ids) */
export const getDraft = async ({ svc, caller, id }: ByIdOptions) => {
  requireRole(caller.official.role, 'read')
  const row = await svc.db
    .select()
    .from(documentDrafts)
    .where(and(eq(documentDrafts.id, id), eq(documentDrafts.agencyCode, caller.agency.code)))
    .get()
  if (!row) throw new AppError('NOT_FOUND', `Không có bản chờ phát hành ${id} của cơ quan bạn.`)
  return row
}
