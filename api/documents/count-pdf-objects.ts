/**
 * A bound checked before a PDF is parsed: how many indirect objects (`n g obj`) the file
 * holds, counted in one pass over its bytes.
 * @module
 */
/**
 * Indirect objects a PDF may hold before its pages are counted. Reading a PDF's objects costs
 * time per object (about 15 µs each), so a file of hundreds of thousands of tiny objects would
 * hold a worker for seconds before failing; real documents, even long scans, hold a few
 * thousand. Counted in one pass over the bytes, before the parser starts.
 */
export const MAX_PDF_OBJECTS = 100_000

const OBJECT_HEADER = /\d+[ \t\r\n\f\0]+\d+[ \t\r\n\f\0]+obj\b/g

/** @returns how many `n g obj` headers the file holds, stopping once past `limit` */
export const countPdfObjects = (pdf: Uint8Array, limit = MAX_PDF_OBJECTS): number => {
  const text = Buffer.from(pdf.buffer, pdf.byteOffset, pdf.byteLength).toString('latin1')
  let count = 0
  OBJECT_HEADER.lastIndex = 0
  while (OBJECT_HEADER.exec(text) !== null) {
    count += 1
    if (count > limit) break
  }
  return count
}
