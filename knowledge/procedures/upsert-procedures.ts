/**
 * Writes procedures by code in one transaction, keeping a revision history: unchanged
 * content is left alone, changed content gets the next revision, a revision row and an
 * audit entry, and the knowledge-base version moves only when something changed.
 * @module
 */
import { createHash } from 'node:crypto'
import { setImmediate as nextTurn } from 'node:timers/promises'
import { eq, sql } from 'drizzle-orm'
import type { Db } from '../db/client.ts'
import { auditLog, kbMeta, procedureRevisions, procedures } from '../db/schema/index.ts'
import { KB_VERSION_KEY } from './list-procedures.ts'
import { type ProcedureInput, ZProcedure } from './procedure.types.ts'

export type UpsertProceduresOptions = {
  db: Db
  procedures: ProcedureInput[]
  /** Who makes the change, e.g. "import:dichvucong-2026-07.jsonl", "admin:lan", "seed". */
  actor: string
  /** Why, stored with each revision; defaults to the actor. */
  reason?: string
  now?: Date
}

export type UpsertProceduresResult = {
  inserted: number
  updated: number
  unchanged: number
  insertedCodes: string[]
  updatedCodes: string[]
}

const CHUNK = 200

const sortKeys = (value: unknown): unknown => {
  if (Array.isArray(value)) return value.map(sortKeys)
  if (value !== null && typeof value === 'object') {
    return Object.fromEntries(
      Object.keys(value)
        .sort()
        .map((key) => [key, sortKeys((value as Record<string, unknown>)[key])]),
    )
  }
  return value
}

/**
 * Hash of the facts of a procedure. `asOf` is left out on purpose: re-reading the same
 * facts from a newer export is not a change.
 */
export const hashProcedure = (input: ProcedureInput): string => {
  const { asOf: _asOf, ...facts } = input
  return createHash('sha256')
    .update(JSON.stringify(sortKeys(facts)))
    .digest('hex')
}

const changedFields = (before: Record<string, unknown>, after: ProcedureInput): string[] =>
  Object.keys(after).filter(
    (key) =>
      key !== 'asOf' &&
      JSON.stringify(sortKeys(before[key])) !== JSON.stringify(sortKeys(after[key as keyof ProcedureInput])),
  )

const chunks = <T>(items: T[]): T[][] => {
  const out: T[][] = []
  for (let i = 0; i < items.length; i += CHUNK) out.push(items.slice(i, i + CHUNK))
  return out
}

/**
 * @throws ZodError when an input is not a valid procedure (callers validate first)
 * @example await upsertProcedures({ db, procedures: [input], actor: 'admin:lan' })
 */
export const upsertProcedures = async ({
  db,
  procedures: inputs,
  actor,
  reason = actor,
  now = new Date(),
}: UpsertProceduresOptions): Promise<UpsertProceduresResult> => {
  const at = now.toISOString()
  // One entry per code; when a code repeats, the last one wins.
  const valid = [...new Map(inputs.map((input) => [input.code, ZProcedure.parse(input)])).values()]
  return db.transaction(async (tx) => {
    const existing = new Map((await tx.select().from(procedures)).map((row) => [row.code, row] as const))
    const toInsert: (typeof procedures.$inferInsert)[] = []
    const revisions: (typeof procedureRevisions.$inferInsert)[] = []
    const audits: (typeof auditLog.$inferInsert)[] = []
    const result: UpsertProceduresResult = {
      inserted: 0,
      updated: 0,
      unchanged: 0,
      insertedCodes: [],
      updatedCodes: [],
    }
    for (const input of valid) {
      const contentHash = hashProcedure(input)
      const current = existing.get(input.code)
      if (current?.contentHash === contentHash) {
        result.unchanged++
        continue
      }
      const revision = current ? current.revision + 1 : 1
      const row = { ...input, revision, contentHash, updatedAt: at }
      if (current) {
        await tx.update(procedures).set(row).where(eq(procedures.code, input.code))
        audits.push({
          actor,
          action: 'procedure.update',
          entity: 'procedure',
          entityId: input.code,
          detail: { revision, reason, fields: changedFields(current, input) },
          at,
        })
        result.updated++
        result.updatedCodes.push(input.code)
      } else {
        toInsert.push(row)
        result.inserted++
        result.insertedCodes.push(input.code)
      }
      revisions.push({ code: input.code, revision, data: input, changedBy: actor, reason, changedAt: at })
    }
    // Between chunks the event loop turns, so a large import does not stall other requests.
    for (const chunk of chunks(toInsert))
      await tx
        .insert(procedures)
        .values(chunk)
        .then(() => nextTurn())
    for (const chunk of chunks(revisions))
      await tx
        .insert(procedureRevisions)
        .values(chunk)
        .then(() => nextTurn())
    for (const chunk of chunks(audits))
      await tx
        .insert(auditLog)
        .values(chunk)
        .then(() => nextTurn())
    if (result.inserted + result.updated > 0) {
      await tx
        .insert(kbMeta)
        .values({ key: KB_VERSION_KEY, value: '1' })
        .onConflictDoUpdate({ target: kbMeta.key, set: { value: sql`CAST(${kbMeta.value} AS INTEGER) + 1` } })
    }
    return result
  })
}
