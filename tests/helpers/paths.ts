/**
 * Where the shared data lives, relative to the repository (never copied into it), and the
 * repository's own evaluation fixtures.
 * @module
 */
import { fileURLToPath } from 'node:url'

export const repoRoot = fileURLToPath(new URL('../../', import.meta.url))
export const sharedDir = fileURLToPath(new URL('../../../shared/', import.meta.url))
export const proceduresFile = `${sharedDir}data/procedures/dichvucong-2026-07.jsonl`
export const devEvalFile = `${repoRoot}tests/fixtures/eval/dev.tsv`
