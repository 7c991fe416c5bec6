/**
 * The statements of a document submission with their SQL built once per database: each
 * submission only binds its values (drizzle still encodes them, JSON and booleans included).
 * Built by the documents service, so a running app prepares them once.
 * @module
 */
import type { InArgs, InStatement } from '@libsql/client'
import { eq, fillPlaceholders, inArray, sql } from 'drizzle-orm'
import type { Db } from '../../knowledge/db/client.ts'
import {
  agencies,
  documentBlobs,
  documentEvents,
  documentRecipients,
  documents,
} from '../../knowledge/db/schema/documents.ts'
import { auditLog } from '../../knowledge/db/schema/procedures.ts'

const ph = sql.placeholder

/** Up to this many recipients, the rows of a submission go in with statements built once. */
const PREPARED_RECIPIENTS = 32

/**
 * The inserts of a new document with their SQL built once per database (each submission only
 * binds its values; drizzle still maps them, JSON and booleans included). Recipients and
 * their events are one multi-row statement per number of recipients.
 */
export const prepareSubmitQueries = (db: Db) => {
  const byCount = new Map<number, { recipients: Prepared; events: Prepared }>()
  return {
    /** the document by id: every submission looks it up first */
    byId: db
      .select()
      .from(documents)
      .where(eq(documents.id, ph('id')))
      .prepare(),
    /** which of the given agency codes (a JSON array) exist */
    knownAgencies: db
      .select({ code: agencies.code })
      .from(agencies)
      .where(inArray(agencies.code, sql`(select value from json_each(${ph('codes')}))`))
      .prepare(),
    blob: db
      .insert(documentBlobs)
      .values({ sha256: ph('sha256'), bytes: ph('bytes'), size: ph('size') })
      .onConflictDoNothing()
      .prepare(),
    document: db
      .insert(documents)
      .values({
        id: ph('id'),
        sha256: ph('sha256'),
        senderAgency: ph('senderAgency'),
        senderOfficialId: ph('senderOfficialId'),
        header: ph('header'),
        notation: ph('notation'),
        subject: ph('subject'),
        pages: ph('pages'),
        paperCopy: ph('paperCopy'),
        signatureStatus: ph('signatureStatus'),
        verification: ph('verification'),
        ownApproval: ph('ownApproval'),
        createdAt: ph('createdAt'),
        edxmlDocumentId: ph('edxmlDocumentId'),
      })
      .prepare(),
    audit: db
      .insert(auditLog)
      .values({
        actor: ph('actor'),
        action: ph('action'),
        entity: 'document',
        entityId: ph('entityId'),
        detail: ph('detail'),
        at: ph('at'),
      })
      .prepare(),
    /** the statements for `count` recipients (`agencyCode0`, `agencyCode1`, …) */
    perRecipient: (count: number) => {
      let found = byCount.get(count)
      if (!found) {
        const codes = Array.from({ length: count }, (_, i) => ph(`agencyCode${i}`))
        found = {
          recipients: db
            .insert(documentRecipients)
            .values(
              codes.map((agencyCode) => ({
                documentId: ph('id'),
                agencyCode,
                status: '01',
                updatedAt: ph('at'),
              })),
            )
            .prepare(),
          events: db
            .insert(documentEvents)
            .values(
              codes.map((agencyCode) => ({
                documentId: ph('id'),
                agencyCode,
                status: '01',
                actorOfficialId: ph('actor'),
                note: null,
                at: ph('at'),
              })),
            )
            .prepare(),
        }
        if (count <= PREPARED_RECIPIENTS) byCount.set(count, found)
      }
      return found
    },
  }
}
export type SubmitQueries = ReturnType<typeof prepareSubmitQueries>
type Prepared = { getQuery: () => { sql: string; params: unknown[] } }

/** A statement's SQL with the values bound (undefined binds as SQL NULL). */
export const bindQuery = (query: Prepared, values: Record<string, unknown>): InStatement => {
  const { sql: text, params } = query.getQuery()
  const args = fillPlaceholders(params, values).map((v) => (v === undefined ? null : v))
  return { sql: text, args: args as InArgs }
}
