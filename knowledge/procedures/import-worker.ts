/**
 * Entry of the import worker thread (started by import-procedures-in-worker.ts): opens its
 * own connection to the database, imports the file and posts the summary or the error.
 * @module
 */
import { parentPort, workerData } from 'node:worker_threads'
import { createDb } from '../db/client.ts'
import { AppError } from '../errors.ts'
import { type ImportProceduresOptions, importProcedures } from './import-procedures.ts'

type Input = { database: { url: string; authToken?: string | undefined } } & Omit<
  ImportProceduresOptions,
  'db'
>

const { database, ...options } = workerData as Input
const db = await createDb(database)
try {
  parentPort?.postMessage({ summary: await importProcedures({ db, ...options }) })
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
