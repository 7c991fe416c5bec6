/**
 * Reads a dichvucong.gov.vn export as text: a `.jsonl` file, its gzip-compressed `.jsonl.gz`
 * (recognised by its magic bytes, whatever the name), or standard input (`-`).
 * @module
 */
import { readFile } from 'node:fs/promises'
import { fileURLToPath } from 'node:url'
import { gunzipSync } from 'node:zlib'
import { AppError } from '../errors.ts'

/** The national export shipped with trolyso (see knowledge/data/procedures/NOTICE.md). */
export const NATIONAL_EXPORT_FILE = fileURLToPath(
  new URL('../data/procedures/dichvucong-2026-07.jsonl.gz', import.meta.url),
)

/**
 * The date trolyso gives the shipped export's facts: the records were taken from the portal in
 * June–July 2026 (NOTICE.md); earlier releases dated them the same.
 */
export const NATIONAL_EXPORT_AS_OF = '2026-07-15'

/** `filePath` that means "read standard input". */
export const STDIN = '-'

const isGzip = (bytes: Uint8Array): boolean => bytes.length > 2 && bytes[0] === 0x1f && bytes[1] === 0x8b

const readStdin = async (input: NodeJS.ReadableStream): Promise<Buffer> => {
  const chunks: Buffer[] = []
  for await (const chunk of input) chunks.push(typeof chunk === 'string' ? Buffer.from(chunk) : chunk)
  return Buffer.concat(chunks)
}

/** Decodes an export's bytes (plain or gzip) to UTF-8 text. */
export const decodeExport = (bytes: Uint8Array, name: string): string => {
  try {
    return Buffer.from(isGzip(bytes) ? gunzipSync(bytes) : bytes).toString('utf8')
  } catch (error) {
    throw new AppError('UNPROCESSABLE', `Tệp ${name} nén gzip nhưng bị hỏng: ${(error as Error).message}`, {
      cause: error,
    })
  }
}

/**
 * @param filePath a path, or `-` for standard input
 * @throws AppError NOT_FOUND when the file cannot be read, UNPROCESSABLE for a broken gzip
 * @example const text = await readExport({ filePath: NATIONAL_EXPORT_FILE })
 */
export const readExport = async ({
  filePath,
  stdin = process.stdin,
}: {
  filePath: string
  stdin?: NodeJS.ReadableStream
}): Promise<string> => {
  let bytes: Buffer
  try {
    bytes = filePath === STDIN ? await readStdin(stdin) : await readFile(filePath)
  } catch (error) {
    throw new AppError('NOT_FOUND', `Không đọc được tệp ${filePath}`, { cause: error })
  }
  return decodeExport(bytes, filePath === STDIN ? 'từ đầu vào chuẩn' : filePath)
}
