/**
 * Finds the signature dictionaries' `/ByteRange [a b c d]` entries of a PDF in one pass, in
 * time linear in the file: each candidate is read with a bounded pattern at the position
 * `indexOf` found, and the scan stops after `limit` entries. A file made of nothing but
 * `/ByteRange` entries therefore costs one pass over its bytes, however it is built.
 * @module
 */

/** More signatures than any real document carries (an approver and an organisation, a few countersignatures). */
export const MAX_SIGNATURES = 16

/** How far before a `/ByteRange` the start of its object is looked for, and after `/Contents` its end. */
export const DICT_WINDOW = 64 * 1024

/** Largest `/Contents` accepted, in bytes of DER (a CMS with a chain and a timestamp is a few KB). */
export const MAX_CONTENTS_BYTES = 512 * 1024

// each part bounded, so one attempt reads at most a few hundred characters
const ENTRY =
  /\/ByteRange\s{0,32}\[\s{0,32}(\d{1,12})\s{1,32}(\d{1,12})\s{1,32}(\d{1,12})\s{1,32}(\d{1,12})\s{0,32}\]/y

/**
 * @param latin1 the PDF as a latin1 string (one character per byte)
 * @param limit stop after this many entries (pass `MAX_SIGNATURES + 1` to detect "too many")
 * @returns the entries in file order, each a match with groups 1–4 and its `index`
 */
export const findByteRanges = (latin1: string, limit: number): RegExpExecArray[] => {
  const found: RegExpExecArray[] = []
  for (let at = latin1.indexOf('/ByteRange'); at >= 0 && found.length < limit; ) {
    ENTRY.lastIndex = at
    const match = ENTRY.exec(latin1)
    if (match) found.push(match)
    at = latin1.indexOf('/ByteRange', at + 10)
  }
  return found
}

/** The start of the object holding a signature dictionary, looked for within DICT_WINDOW. */
export const objectStartBefore = (latin1: string, at: number) => {
  const from = Math.max(0, at - DICT_WINDOW)
  const found = latin1.slice(from, at).lastIndexOf(' obj')
  return found < 0 ? from : from + found
}

/** The end of the object holding a signature dictionary, looked for within DICT_WINDOW. */
export const objectEndAfter = (latin1: string, at: number) => {
  const found = latin1.slice(at, at + DICT_WINDOW).indexOf('endobj')
  return found < 0 ? Math.min(latin1.length, at + 2000) : at + found
}

/** The last entry of the file (the signature the server prepared), read from the end. */
export const lastByteRange = (latin1: string): RegExpExecArray | null => {
  for (let at = latin1.lastIndexOf('/ByteRange'); at >= 0; at = latin1.lastIndexOf('/ByteRange', at - 1)) {
    ENTRY.lastIndex = at
    const match = ENTRY.exec(latin1)
    if (match) return match
    if (at === 0) break
  }
  return null
}
