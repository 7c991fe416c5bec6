/**
 * Where the tests' data lives: everything inside the repository (the national export shipped
 * with trolyso, evaluation sets under tests/fixtures/).
 * @module
 */

import { readdirSync, readFileSync } from 'node:fs'
import { fileURLToPath } from 'node:url'
import { gunzipSync } from 'node:zlib'
import { NATIONAL_EXPORT_FILE } from '../../knowledge/procedures/read-export.ts'

export const repoRoot = fileURLToPath(new URL('../../', import.meta.url))
/** The official export as shipped (gzip-compressed JSONL, 2,642 procedures). */
export const proceduresFile = NATIONAL_EXPORT_FILE
export const fixturesDir = `${repoRoot}tests/fixtures/`
export const devEvalFile = `${fixturesDir}eval/dev.tsv`
const evalDir = `${fixturesDir}eval/`

/** Every evaluation set (tests/fixtures/eval/*.tsv), in name order. */
export const evalFiles = (): string[] =>
  readdirSync(evalDir)
    .filter((file) => file.endsWith('.tsv'))
    .sort()
    .map((file) => `${evalDir}${file}`)

/** The citizen questions (fourth column) of evaluation sets, without their comment and blank lines. */
export const readEvalQuestions = (files: string[] = evalFiles()): string[] =>
  files
    .flatMap((file) => readFileSync(file, 'utf8').split(/\r?\n/))
    .filter((line) => line.trim() && !line.startsWith('#'))
    .map((line) => line.split('\t')[3] ?? '')
    .filter(Boolean)

let cachedText: string | null = null
/** The shipped export's text (decompressed once per test file). */
export const readProceduresText = (): string => {
  cachedText ??= gunzipSync(readFileSync(proceduresFile)).toString('utf8')
  return cachedText
}
