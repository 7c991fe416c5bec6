/**
 * The built-in data of `knowledge/data/`: a JSON file read and checked against its zod schema,
 * and what is compiled from it built once, on first use, then kept.
 * @module
 */
import { readFileSync } from 'node:fs'
import type { z } from 'zod'

/** Reads a JSON file and validates it (a malformed file throws zod's error naming the field). */
export const loadDataFile = <S extends z.ZodType>(schema: S, path: URL | string): z.output<S> =>
  schema.parse(JSON.parse(readFileSync(path, 'utf8')))

/** `create`'s value, built on the first call and returned by every later one. */
export const builtOnce = <T>(create: () => T): (() => T) => {
  let value: T | undefined
  return () => {
    value ??= create()
    return value
  }
}
