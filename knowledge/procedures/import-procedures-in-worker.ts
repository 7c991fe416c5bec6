/**
 * The portal import (parsing, validating and writing thousands of records) in a worker
 * thread with its own database connection, so a server answering citizens keeps answering
 * while an admin imports. An in-memory database cannot be shared with a thread: it is
 * imported in place.
 * @module
 */
import { Worker } from 'node:worker_threads'
import type { Db } from '../db/client.ts'
import { AppError, AppErrorCode } from '../errors.ts'
import {
  type ImportProceduresOptions,
  type ImportProgress,
  type ImportSummary,
  importProcedures,
} from './import-procedures.ts'

export type ImportProceduresInWorkerOptions = ImportProceduresOptions & {
  /** how the worker reaches the same database */
  database: { url: string; authToken?: string | undefined }
}

/**
 * @returns the import summary, as `importProcedures` returns it
 * @throws AppError as `importProcedures` throws it
 */
export const importProceduresInWorker = ({
  db,
  database,
  onProgress,
  ...options
}: ImportProceduresInWorkerOptions & { db: Db }): Promise<ImportSummary> => {
  if (database.url.includes(':memory:'))
    return importProcedures({ db, ...options, ...(onProgress ? { onProgress } : {}) })
  return new Promise((resolve, reject) => {
    const worker = new Worker(new URL('./import-worker.ts', import.meta.url), {
      workerData: { database, ...options },
    })
    let settled = false
    type Message = {
      progress?: ImportProgress
      summary?: ImportSummary
      error?: { code: string; message: string }
    }
    worker.on('message', (msg: Message) => {
      if (msg.progress) return onProgress?.(msg.progress)
      settled = true
      if (msg.summary) return resolve(msg.summary)
      const code = msg.error && msg.error.code in AppErrorCode ? (msg.error.code as AppErrorCode) : 'INTERNAL'
      reject(new AppError(code, msg.error?.message ?? 'Nhập dữ liệu thất bại.'))
    })
    worker.once('error', (error) => {
      settled = true
      reject(error)
    })
    worker.once('exit', (code) => {
      if (!settled) reject(new Error(`import worker exited with code ${code}`))
    })
  })
}
