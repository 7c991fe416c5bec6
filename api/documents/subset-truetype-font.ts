/**
 * A TrueType font cut down to the glyphs a text needs, for embedding in a PDF as a
 * CIDFontType2 (Identity-H, CIDs = glyph ids). Glyph ids stay as in the full font; glyphs
 * not used (and not parts of used composite glyphs) become empty, and the tables a PDF
 * reader does not need (cmap, names, kerning, layout) are left out, so a stamp or signature
 * appearance adds tens of kilobytes instead of the whole font.
 * @module
 */
import { readFileSync } from 'node:fs'

/** The bundled font with Vietnamese glyphs (DejaVu Serif; licence in fonts/LICENSE). */
export const DEFAULT_FONT_PATH = new URL('./fonts/DejaVuSerif.ttf', import.meta.url)

export type TrueTypeFont = {
  bytes: Buffer
  tables: Map<string, { offset: number; length: number }>
  unitsPerEm: number
  numGlyphs: number
  ascent: number
  descent: number
  capHeight: number
  bbox: [number, number, number, number]
  postScriptName: string
  /** glyph id for a code point (0 when the font lacks it) */
  glyphOf: (codePoint: number) => number
  /** advance width in font units */
  advanceOf: (glyph: number) => number
}

const fontCache = new Map<string, TrueTypeFont>()

const parseCmap = (b: Buffer, at: number) => {
  const count = b.readUInt16BE(at + 2)
  let format4 = -1
  let format12 = -1
  for (let i = 0; i < count; i++) {
    const platform = b.readUInt16BE(at + 4 + i * 8)
    const encoding = b.readUInt16BE(at + 6 + i * 8)
    const sub = at + b.readUInt32BE(at + 8 + i * 8)
    const format = b.readUInt16BE(sub)
    if (platform === 3 && encoding === 1 && format === 4) format4 = sub
    if (platform === 3 && encoding === 10 && format === 12) format12 = sub
  }
  const map = new Map<number, number>()
  if (format12 >= 0) {
    const groups = b.readUInt32BE(format12 + 12)
    for (let g = 0; g < groups; g++) {
      const start = b.readUInt32BE(format12 + 16 + g * 12)
      const end = b.readUInt32BE(format12 + 20 + g * 12)
      const gid = b.readUInt32BE(format12 + 24 + g * 12)
      for (let c = start; c <= end && c <= 0x10ffff; c++) map.set(c, gid + c - start)
    }
    return map
  }
  if (format4 < 0) throw new Error('font has no Unicode cmap')
  const segs = b.readUInt16BE(format4 + 6) / 2
  const ends = format4 + 14
  const starts = ends + segs * 2 + 2
  const deltas = starts + segs * 2
  const ranges = deltas + segs * 2
  for (let s = 0; s < segs; s++) {
    const end = b.readUInt16BE(ends + s * 2)
    const start = b.readUInt16BE(starts + s * 2)
    const delta = b.readInt16BE(deltas + s * 2)
    const range = b.readUInt16BE(ranges + s * 2)
    for (let c = start; c <= end && c !== 0xffff; c++) {
      let gid: number
      if (range === 0) gid = (c + delta) & 0xffff
      else {
        const raw = b.readUInt16BE(ranges + s * 2 + range + (c - start) * 2)
        gid = raw === 0 ? 0 : (raw + delta) & 0xffff
      }
      if (gid) map.set(c, gid)
    }
  }
  return map
}

/** Reads a TrueType font (cached per path). @throws Error for a file that is not TrueType */
export const loadTrueTypeFont = (path: string | URL = DEFAULT_FONT_PATH): TrueTypeFont => {
  const key = String(path)
  const cached = fontCache.get(key)
  if (cached) return cached
  const bytes = readFileSync(path)
  if (bytes.readUInt32BE(0) !== 0x00010000 && bytes.toString('latin1', 0, 4) !== 'true')
    throw new Error('not a TrueType font')
  const tables = new Map<string, { offset: number; length: number }>()
  const numTables = bytes.readUInt16BE(4)
  for (let i = 0; i < numTables; i++) {
    const rec = 12 + i * 16
    tables.set(bytes.toString('latin1', rec, rec + 4), {
      offset: bytes.readUInt32BE(rec + 8),
      length: bytes.readUInt32BE(rec + 12),
    })
  }
  const table = (tag: string) => {
    const t = tables.get(tag)
    if (!t) throw new Error(`font lacks the ${tag} table`)
    return t.offset
  }
  const head = table('head')
  const hhea = table('hhea')
  const hmtx = table('hmtx')
  const unitsPerEm = bytes.readUInt16BE(head + 18)
  const numHMetrics = bytes.readUInt16BE(hhea + 34)
  const os2 = tables.get('OS/2')
  const ascent = bytes.readInt16BE(hhea + 4)
  const cmap = parseCmap(bytes, table('cmap'))
  const font: TrueTypeFont = {
    bytes,
    tables,
    unitsPerEm,
    numGlyphs: bytes.readUInt16BE(table('maxp') + 4),
    ascent,
    descent: bytes.readInt16BE(hhea + 6),
    capHeight: os2 && bytes.readUInt16BE(os2.offset) >= 2 ? bytes.readInt16BE(os2.offset + 88) : ascent,
    bbox: [0, 2, 4, 6].map((o) => bytes.readInt16BE(head + 36 + o)) as TrueTypeFont['bbox'],
    postScriptName: 'DejaVuSerif',
    glyphOf: (cp) => cmap.get(cp) ?? 0,
    advanceOf: (glyph) => bytes.readUInt16BE(hmtx + Math.min(glyph, numHMetrics - 1) * 4),
  }
  fontCache.set(key, font)
  return font
}

const KEEP = ['OS/2', 'cvt ', 'fpgm', 'glyf', 'head', 'hhea', 'hmtx', 'loca', 'maxp', 'post', 'prep']

const checksum = (b: Buffer) => {
  let sum = 0
  const padded = Buffer.concat([b, Buffer.alloc((4 - (b.length % 4)) % 4)])
  for (let i = 0; i < padded.length; i += 4) sum = (sum + padded.readUInt32BE(i)) >>> 0
  return sum
}

/**
 * @param glyphs glyph ids the text uses (.notdef and composite parts are added)
 * @returns a TrueType file with the same glyph ids, only those glyphs drawn
 */
export const subsetTrueTypeFont = (font: TrueTypeFont, glyphs: Iterable<number>): Buffer => {
  const b = font.bytes
  const t = (tag: string) => font.tables.get(tag) as { offset: number; length: number }
  const head = t('head').offset
  const longLoca = b.readInt16BE(head + 50) === 1
  const loca = t('loca').offset
  const glyf = t('glyf').offset
  const glyphRange = (g: number) =>
    longLoca
      ? [b.readUInt32BE(loca + g * 4), b.readUInt32BE(loca + g * 4 + 4)]
      : [b.readUInt16BE(loca + g * 2) * 2, b.readUInt16BE(loca + g * 2 + 2) * 2]
  const keep = new Set<number>([0])
  const stack = [...glyphs]
  while (stack.length > 0) {
    const g = stack.pop() as number
    if (keep.has(g) && g !== 0) continue
    keep.add(g)
    const [start = 0, end = 0] = glyphRange(g)
    if (end <= start || b.readInt16BE(glyf + start) >= 0) continue
    // a composite glyph: its components are glyphs too
    let p = glyf + start + 10
    for (;;) {
      const flags = b.readUInt16BE(p)
      stack.push(b.readUInt16BE(p + 2))
      p += 4 + (flags & 0x1 ? 4 : 2) + (flags & 0x8 ? 2 : flags & 0x40 ? 4 : flags & 0x80 ? 8 : 0)
      if (!(flags & 0x20)) break
    }
  }
  const parts: Buffer[] = []
  const newLoca = Buffer.alloc((font.numGlyphs + 1) * 4)
  let at = 0
  for (let g = 0; g < font.numGlyphs; g++) {
    newLoca.writeUInt32BE(at, g * 4)
    if (!keep.has(g)) continue
    const [start = 0, end = 0] = glyphRange(g)
    const data = b.subarray(glyf + start, glyf + end)
    const pad = Buffer.alloc((4 - (data.length % 4)) % 4)
    parts.push(data, pad)
    at += data.length + pad.length
  }
  newLoca.writeUInt32BE(at, font.numGlyphs * 4)
  const newHead = Buffer.from(b.subarray(head, head + t('head').length))
  newHead.writeInt16BE(1, 50)
  newHead.writeUInt32BE(0, 8)
  // post format 3: no glyph names
  const post = Buffer.from(b.subarray(t('post').offset, t('post').offset + 32))
  post.writeUInt32BE(0x00030000, 0)
  const data = new Map<string, Buffer>()
  for (const tag of KEEP) {
    if (!font.tables.has(tag)) continue
    const { offset, length } = t(tag)
    data.set(tag, b.subarray(offset, offset + length))
  }
  data.set('glyf', Buffer.concat(parts))
  data.set('loca', newLoca)
  data.set('head', newHead)
  data.set('post', post)
  const tags = [...data.keys()].sort()
  const dir = Buffer.alloc(12 + tags.length * 16)
  dir.writeUInt32BE(0x00010000, 0)
  dir.writeUInt16BE(tags.length, 4)
  const pow = 2 ** Math.floor(Math.log2(tags.length))
  dir.writeUInt16BE(pow * 16, 6)
  dir.writeUInt16BE(Math.log2(pow), 8)
  dir.writeUInt16BE(tags.length * 16 - pow * 16, 10)
  const bodies: Buffer[] = []
  let offset = dir.length
  tags.forEach((tag, i) => {
    const body = data.get(tag) as Buffer
    const rec = 12 + i * 16
    dir.write(tag, rec, 'latin1')
    dir.writeUInt32BE(checksum(body), rec + 4)
    dir.writeUInt32BE(offset, rec + 8)
    dir.writeUInt32BE(body.length, rec + 12)
    const padded = Buffer.concat([body, Buffer.alloc((4 - (body.length % 4)) % 4)])
    bodies.push(padded)
    offset += padded.length
  })
  return Buffer.concat([dir, ...bodies])
}
