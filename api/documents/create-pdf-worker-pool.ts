/**
 * A small pool of PDF worker threads with a bounded queue and a time budget per job, so a
 * crafted document costs at most one worker for a bounded time and the thread that serves
 * citizens' chat never waits for a PDF. Workers start on demand, stop after a while idle
 * and never keep the process alive on their own.
 * @module
 */
import type { X509Certificate } from 'node:crypto'
import { Worker } from 'node:worker_threads'
import { AppError, AppErrorCode } from '../../knowledge/errors.ts'
import type { PdfJob, PdfJobResult } from './run-pdf-job.ts'

export type PdfWorkerPoolOptions = {
  trustRoots: X509Certificate[]
  /** worker threads at most */
  size: number
  /** jobs waiting for a worker at most; more are refused with 503 and Retry-After */
  queueLimit: number
  /** a job still running after this long is stopped (its worker is replaced) and refused with 422 */
  budgetMs: number
  /** stop a worker unused for this long */
  idleMs?: number
  /** the worker's entry (tests pass their own) */
  workerUrl?: URL
  /** called when a job starts in a worker */
  onStart?: (job: PdfJob) => void
}

export type PdfWorkerPool = {
  /** @param transfer buffers moved to the worker rather than copied (unusable here afterwards) */
  run: <K extends PdfJob['op']>(
    job: Extract<PdfJob, { op: K }>,
    transfer?: ArrayBuffer[],
  ) => Promise<PdfJobResult[K]>
  stats: () => { workers: number; running: number; queued: number }
  close: () => Promise<void>
}

type Task = {
  job: PdfJob
  transfer: ArrayBuffer[]
  resolve: (value: unknown) => void
  reject: (error: unknown) => void
}
type Slot = { worker: Worker; task: Task | null; timer: NodeJS.Timeout | null; id: number }

const RETRY_AFTER_SECONDS = 2

/**
 * An uploaded PDF's twin in shared memory (made by the worker that read the upload): jobs
 * about those bytes send the twin, which reaches a worker without being copied on the thread
 * that serves requests (20 MB took that thread over 100 ms to copy). Keyed weakly: the twin
 * lives as long as the request's bytes. Uploaded bytes are never changed in place.
 */
const sharedTwins = new WeakMap<Uint8Array, Uint8Array>()

/** Jobs about `bytes` send `shared` (the same bytes in a SharedArrayBuffer) instead. */
export const shareWithWorkers = (bytes: Uint8Array, shared: Uint8Array): void => {
  if (shared.byteLength === bytes.byteLength) sharedTwins.set(bytes, shared)
}

const withSharedPdf = (job: PdfJob): PdfJob => {
  const pdf = (job as { pdf?: unknown }).pdf
  const twin = pdf instanceof Uint8Array ? sharedTwins.get(pdf) : undefined
  return twin ? ({ ...job, pdf: twin } as PdfJob) : job
}

const tooComplex = (seconds: number) =>
  new AppError(
    'UNPROCESSABLE',
    `Tệp PDF quá phức tạp: không kiểm tra xong trong ${seconds} giây. The PDF took too long to process.`,
  )

/**
 * @example const pool = createPdfWorkerPool({ trustRoots, size: 2, queueLimit: 64, budgetMs: 10_000 })
 *          const verification = await pool.run({ op: 'verify', pdf, budgetMs: 10_000 })
 */
export const createPdfWorkerPool = ({
  trustRoots,
  size,
  queueLimit,
  budgetMs,
  idleMs = 30_000,
  workerUrl = new URL('./pdf-worker.ts', import.meta.url),
  onStart,
}: PdfWorkerPoolOptions): PdfWorkerPool => {
  const rootsDer = trustRoots.map((r) => new Uint8Array(r.raw))
  const slots = new Set<Slot>()
  const queue: Task[] = []
  let nextId = 1
  let closed = false

  const retire = (slot: Slot) => {
    slots.delete(slot)
    if (slot.timer) clearTimeout(slot.timer)
    slot.worker.removeAllListeners()
    slot.worker.on('error', () => {})
    void slot.worker.terminate()
  }

  const finish = (slot: Slot) => {
    if (slot.timer) clearTimeout(slot.timer)
    slot.task = null
    slot.worker.unref()
    slot.timer = setTimeout(() => retire(slot), idleMs)
    slot.timer.unref()
    pump()
  }

  const spawn = (): Slot => {
    const worker = new Worker(workerUrl, {
      workerData: { trustRoots: rootsDer },
      resourceLimits: { maxOldGenerationSizeMb: 1024 },
    })
    const slot: Slot = { worker, task: null, timer: null, id: 0 }
    worker.on(
      'message',
      (msg: {
        id: number
        result?: unknown
        error?: { code: string; message: string; retryAfterSeconds?: number | undefined }
      }) => {
        const task = slot.task
        if (!task || msg.id !== slot.id) return
        finish(slot)
        if (msg.error) {
          const code = msg.error.code in AppErrorCode ? (msg.error.code as AppErrorCode) : 'UNPROCESSABLE'
          const { retryAfterSeconds } = msg.error
          task.reject(new AppError(code, msg.error.message, retryAfterSeconds ? { retryAfterSeconds } : {}))
        } else task.resolve(msg.result)
      },
    )
    const crashed = () => {
      const task = slot.task
      retire(slot)
      task?.reject(
        new AppError(
          'UNPROCESSABLE',
          'Không xử lý được tệp PDF (vượt giới hạn bộ nhớ hoặc hỏng). The PDF could not be processed.',
        ),
      )
      pump()
    }
    worker.on('error', crashed)
    worker.on('exit', crashed)
    worker.unref()
    slots.add(slot)
    return slot
  }

  const dispatch = (slot: Slot, task: Task) => {
    if (slot.timer) clearTimeout(slot.timer)
    slot.task = task
    slot.id = nextId++
    slot.worker.ref()
    slot.timer = setTimeout(() => {
      retire(slot)
      task.reject(tooComplex(Math.round(budgetMs / 1000)))
      pump()
    }, budgetMs)
    try {
      slot.worker.postMessage({ id: slot.id, job: withSharedPdf(task.job) }, task.transfer)
    } catch {
      // a buffer that cannot be moved (a view on shared or pooled memory) is copied instead
      slot.worker.postMessage({ id: slot.id, job: withSharedPdf(task.job) })
    }
    onStart?.(task.job)
  }

  function pump() {
    while (queue.length > 0 && !closed) {
      let idle: Slot | undefined
      for (const s of slots) if (!s.task) idle = s
      if (!idle && slots.size < size) idle = spawn()
      if (!idle) return
      dispatch(idle, queue.shift() as Task)
    }
  }

  const run = <K extends PdfJob['op']>(job: Extract<PdfJob, { op: K }>, transfer: ArrayBuffer[] = []) =>
    new Promise<PdfJobResult[K]>((resolve, reject) => {
      if (closed) return reject(new AppError('UNAVAILABLE', 'Máy chủ đang dừng. Server is shutting down.'))
      const busy = [...slots].every((s) => s.task) && slots.size >= size
      if (busy && queue.length >= queueLimit) {
        return reject(
          new AppError(
            'UNAVAILABLE',
            `Máy chủ đang xử lý nhiều văn bản; thử lại sau ${RETRY_AFTER_SECONDS} giây. Too many documents in progress.`,
            { retryAfterSeconds: RETRY_AFTER_SECONDS },
          ),
        )
      }
      queue.push({ job, transfer, resolve: resolve as (value: unknown) => void, reject })
      pump()
    })

  return {
    run,
    stats: () => ({
      workers: slots.size,
      running: [...slots].filter((s) => s.task).length,
      queued: queue.length,
    }),
    close: async () => {
      closed = true
      for (const task of queue.splice(0)) task.reject(new AppError('UNAVAILABLE', 'Máy chủ đang dừng.'))
      for (const slot of [...slots]) {
        slot.task?.reject(new AppError('UNAVAILABLE', 'Máy chủ đang dừng.'))
        retire(slot)
      }
    },
  }
}
