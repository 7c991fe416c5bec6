/**
 * Group commit, one per database of a running app (the chat's writes; the documents
 * submissions): statements handed over at the same moment are committed in one transaction
 * (one fsync) instead of one each. Every caller still waits for its own statements to be
 * durable before it replies; if a group fails, each caller's statements are retried alone,
 * so a bad one fails only itself. libSQL's local driver runs queries
 * on the event loop, so under a burst this is the difference between one fsync per message
 * and one per batch. A statement is a drizzle query or, on hot paths that prepare their SQL
 * once, a libSQL statement with its values bound.
 * @module
 */
import type { InStatement } from '@libsql/client'
import type { BatchItem } from 'drizzle-orm/batch'
import type { Db } from './client.ts'

export type CommitStatement = BatchItem<'sqlite'> | InStatement

type Pending = { statements: InStatement[]; resolve: () => void; reject: (error: unknown) => void }

export type GroupCommit = (statements: CommitStatement[]) => Promise<void>

/** A drizzle query as the SQL and driver values it runs (JSON and booleans already encoded). */
const toStatement = (statement: CommitStatement): InStatement =>
  typeof statement === 'object' && 'toSQL' in statement && typeof statement.toSQL === 'function'
    ? (({ sql, params }: { sql: string; params: unknown[] }) => ({ sql, args: params as never }))(
        statement.toSQL(),
      )
    : (statement as InStatement)

const run = async (db: Db, statements: InStatement[]) => {
  if (statements.length > 0) await db.$client.batch(statements)
}

export const createGroupCommit = (db: Db): GroupCommit => {
  let queue: Pending[] = []
  let scheduled = false

  const flush = async () => {
    scheduled = false
    const group = queue
    queue = []
    try {
      await run(
        db,
        group.flatMap((p) => p.statements),
      )
      for (const p of group) p.resolve()
    } catch {
      // One bad statement must not fail its neighbours: retry each caller's statements alone.
      for (const p of group) await run(db, p.statements).then(p.resolve, p.reject)
    }
  }

  return (statements) => {
    if (statements.length === 0) return Promise.resolve()
    return new Promise<void>((resolve, reject) => {
      queue.push({ statements: statements.map(toStatement), resolve, reject })
      if (!scheduled) {
        scheduled = true
        setImmediate(() => void flush())
      }
    })
  }
}
