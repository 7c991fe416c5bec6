/**
 * Which buffers can be moved (transferred) between the request thread and a PDF worker
 * instead of copied: copying a 100 KB PDF through postMessage costs about a millisecond of
 * the request thread, moving it nothing.
 * @module
 */

/**
 * @param values candidate byte arrays (anything else is skipped)
 * @param minBytes smaller arrays are left to be copied
 * @returns the ArrayBuffers that each belong wholly to one of `values`, without duplicates
 * @example worker.postMessage(job, movableBuffers([job.pdf]))
 */
export const movableBuffers = (values: unknown[], minBytes = 0): ArrayBuffer[] => {
  const found = new Set<ArrayBuffer>()
  for (const v of values) {
    if (!(v instanceof Uint8Array) || v.byteLength < minBytes) continue
    const buffer = v.buffer
    if (!(buffer instanceof ArrayBuffer) || v.byteOffset !== 0 || v.byteLength !== buffer.byteLength) continue
    found.add(buffer)
  }
  return [...found]
}
