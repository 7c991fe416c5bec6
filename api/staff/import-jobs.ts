/**
 * Imports started from the console: each runs in the import worker while the console polls
 * its progress (records read, then written), then its report (warnings counted by code, each
 * with its line and record) and the records it put in the work queue. Jobs live in the
 * process that runs them; the last few are kept for an hour.
 * @module
 */
import { randomUUID } from 'node:crypto'
import { mkdtemp, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import type { Db } from '../../knowledge/db/client.ts'
import { AppError } from '../../knowledge/errors.ts'
import type { KnowledgeBase } from '../../knowledge/knowledge-base.ts'
import { flagImportedRecords } from '../../knowledge/procedures/flag-imported-records.ts'
import type { ImportSummary, ImportWarning } from '../../knowledge/procedures/import-procedures.ts'
import { importProceduresInWorker } from '../../knowledge/procedures/import-procedures-in-worker.ts'
import { listProcedures } from '../../knowledge/procedures/list-procedures.ts'

/** Warnings listed one by one per code in a report (all are counted). */
const MAX_LISTED = 200
const KEEP = 10
const KEEP_MS = 60 * 60 * 1000

export type ImportJob = {
  id: string
  status: 'running' | 'done' | 'failed'
  phase: 'upload' | 'parse' | 'write' | 'index' | 'done'
  done: number
  total: number
  startedBy: string
  startedAt: string
  finishedAt: string | null
  error: { code: string; message: string } | null
  summary: Omit<ImportSummary, 'warnings' | 'insertedCodes' | 'updatedCodes'> | null
  report: { byCode: { code: string; count: number }[]; warnings: ImportWarning[]; listed: number } | null
  /** Records put in (or refreshed in) the work queue. */
  flagged: number
}

export type ImportJobs = {
  start: (options: { bytes: Uint8Array; asOf: string | undefined; actor: string }) => Promise<ImportJob>
  get: (id: string) => ImportJob | null
}

const report = (warnings: ImportWarning[]): NonNullable<ImportJob['report']> => {
  const counts = new Map<string, number>()
  for (const w of warnings) counts.set(w.code, (counts.get(w.code) ?? 0) + 1)
  const byCode = [...counts].map(([code, count]) => ({ code, count })).sort((a, b) => b.count - a.count)
  const listed = new Map<string, number>()
  const kept = warnings.filter((w) => {
    const n = (listed.get(w.code) ?? 0) + 1
    listed.set(w.code, n)
    return n <= MAX_LISTED
  })
  return { byCode, warnings: kept, listed: kept.length }
}

export const createImportJobs = ({
  db,
  kb,
  database,
}: {
  db: Db
  kb: KnowledgeBase
  database: { url: string; authToken?: string | undefined }
}): ImportJobs => {
  const jobs = new Map<string, ImportJob>()
  const forget = () => {
    const now = Date.now()
    const list = [...jobs.values()]
    list.forEach((job, i) => {
      const old = job.finishedAt && now - Date.parse(job.finishedAt) > KEEP_MS
      if (job.status !== 'running' && (old || i < list.length - KEEP)) jobs.delete(job.id)
    })
  }

  const run = async (job: ImportJob, bytes: Uint8Array, asOf: string | undefined) => {
    const dir = await mkdtemp(join(tmpdir(), 'trolyso-import-'))
    try {
      const filePath = join(dir, 'upload.jsonl')
      await writeFile(filePath, bytes)
      job.phase = 'parse'
      const summary = await importProceduresInWorker({
        db,
        database,
        filePath,
        asOf: asOf ?? new Date().toISOString().slice(0, 10),
        actor: job.startedBy === 'admin' ? 'admin:import' : job.startedBy,
        onProgress: ({ phase, done, total }) => Object.assign(job, { phase, done, total }),
      })
      job.phase = 'index'
      await kb.refresh()
      const { warnings, insertedCodes: _i, updatedCodes: _u, ...counts } = summary
      job.flagged = await flagImportedRecords({
        db,
        importId: job.id,
        warnings,
        records: await listProcedures({ db }),
      })
      Object.assign(job, { status: 'done', phase: 'done', summary: counts, report: report(warnings) })
    } catch (error) {
      const known = error instanceof AppError
      job.status = 'failed'
      job.error = {
        code: known ? error.code : 'INTERNAL',
        message: known ? error.message : 'Nhập dữ liệu thất bại.',
      }
    } finally {
      job.finishedAt = new Date().toISOString()
      await rm(dir, { recursive: true, force: true })
    }
  }

  return {
    start: async ({ bytes, asOf, actor }) => {
      if ([...jobs.values()].some((j) => j.status === 'running'))
        throw new AppError('CONFLICT', 'Đang có một lần nhập dữ liệu chạy; hãy đợi nó xong.')
      forget()
      const job: ImportJob = {
        id: randomUUID(),
        status: 'running',
        phase: 'upload',
        done: 0,
        total: 0,
        startedBy: actor,
        startedAt: new Date().toISOString(),
        finishedAt: null,
        error: null,
        summary: null,
        report: null,
        flagged: 0,
      }
      jobs.set(job.id, job)
      void run(job, bytes, asOf)
      return job
    },
    get: (id) => jobs.get(id) ?? null,
  }
}
