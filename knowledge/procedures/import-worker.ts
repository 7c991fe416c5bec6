/**
 * Entry of the import worker thread (started by import-procedures-in-worker.ts): opens its
 * own connection to the database, imports the file and posts its progress, then the summary or
 * the error.
 * @module
 */
import { parentPort, workerData } from 'node:worker_threads'
import { createDb } from '../db/client.ts'
import { AppError } from '../errors.ts'
import { type ImportProceduresOptions, type ImportProgress, importProcedures } from './import-procedures.ts'

type Input = { database: { url: string; authToken?: string | undefined } } & Omit<
  ImportProceduresOptions,
  'db'
>

const { database, ...options } = workerData as Input
const db = await createDb(database)
try {
  const onProgress = (progress: ImportProgress) => parentPort?.postMessage({ progress })
  parentPort?.postMessage({ summary: await importProcedures({ db, ...options, onProgress }) })
} catch (error) {
  const known = error instanceof AppError
  parentPort?.postMessage({
    error: {
      code: known ? error.code : 'INTERNAL',
      message: known ? error.message : String(error),
    },
  })
} finally {
  db.$client.close()
}
