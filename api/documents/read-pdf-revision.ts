/**
 * A small reader for one revision of a PDF: the cross-reference chain from a `startxref`
 * (classic tables, cross-reference streams with PNG predictors, hybrid files), the
 * trailer, and objects by number (plain or inside object streams). Enough to compare a
 * signed revision with the final file without loading either into a document model.
 * @module
 */
import { inflateSync } from 'node:zlib'

export type PdfName = { kind: 'name'; name: string }
export type PdfRef = { kind: 'ref'; num: number; gen: number }
/** `text` holds the bytes (latin1) of a literal string, or the hex digits of a hex string as written */
export type PdfString = {
  kind: 'string'
  text: string
  hex: boolean
  /** a long hex string (a signature's /Contents) is not copied: it is known by where it is */
  span?: string
}
export type PdfDict = { kind: 'dict'; entries: Map<string, PdfValue> }
export type PdfArray = PdfValue[]
export type PdfValue = null | boolean | number | PdfName | PdfRef | PdfString | PdfDict | PdfArray

/** `at`: where the raw data starts in the file */
export type PdfStream = { dict: PdfDict; data: Uint8Array; at: number }

/**
 * Decoded streams and object-stream indexes shared by readers of revisions of one file:
 * raw bytes at the same place are the same bytes in every revision that contains them.
 */
export type RevisionCache = {
  /** objects parsed at a byte offset (or object-stream place) whose bytes fully determine them */
  parsed: Map<string, PdfObject>
  decoded: Map<string, Uint8Array>
  objectStreams: Map<string, { offsets: number[]; first: number; data: Uint8Array }>
}

export const createRevisionCache = (): RevisionCache => ({
  parsed: new Map(),
  decoded: new Map(),
  objectStreams: new Map(),
})
/** `end`: where the bytes the object was read from end (a stream's data, or its object stream's) */
export type PdfObject = { value: PdfValue; stream: PdfStream | null; end: number }

/** Where an object lives in a revision: at a byte offset, or at an index in an object stream. */
export type XrefEntry =
  | { type: 'free' }
  | { type: 'offset'; offset: number; gen: number }
  | { type: 'compressed'; stream: number; index: number }

export type PdfRevision = {
  /** object number → where the revision takes it from */
  entries: Map<number, XrefEntry>
  trailer: PdfDict
  /** the object's value, or undefined when the revision has no such object */
  object: (num: number) => PdfObject | undefined
  /** the value behind a reference (one level), or the value itself */
  resolve: (value: PdfValue | undefined) => PdfValue | undefined
  /** a stable identity for an object's bytes: equal keys, equal objects */
  locationOf: (num: number) => string | null
}

const WS = new Set([0x00, 0x09, 0x0a, 0x0c, 0x0d, 0x20])
const DELIM = new Set([0x28, 0x29, 0x3c, 0x3e, 0x5b, 0x5d, 0x7b, 0x7d, 0x2f, 0x25])

export const isName = (v: PdfValue | undefined, name?: string): v is PdfName =>
  typeof v === 'object' && v !== null && !Array.isArray(v) && v.kind === 'name' && (!name || v.name === name)
export const isRef = (v: PdfValue | undefined): v is PdfRef =>
  typeof v === 'object' && v !== null && !Array.isArray(v) && v.kind === 'ref'
export const isString = (v: PdfValue | undefined): v is PdfString =>
  typeof v === 'object' && v !== null && !Array.isArray(v) && v.kind === 'string'

/** The bytes of a string, latin1; hex strings are decoded on demand (signature /Contents stay as written). */
export const stringBytes = (v: PdfString) => {
  if (!v.hex) return v.text
  const hex = v.text.replace(/[^0-9a-fA-F]/g, '')
  return Buffer.from(hex.length % 2 ? `${hex}0` : hex, 'hex').toString('latin1')
}

export const isDict = (v: PdfValue | undefined): v is PdfDict =>
  typeof v === 'object' && v !== null && !Array.isArray(v) && v.kind === 'dict'

/** A canonical text of a value: equal text, equal value (dictionary keys sorted). */
export const canonical = (v: PdfValue | undefined): string => {
  if (v === undefined || v === null) return 'null'
  if (typeof v === 'boolean' || typeof v === 'number') return String(v)
  if (Array.isArray(v)) return `[${v.map(canonical).join(' ')}]`
  switch (v.kind) {
    case 'name':
      return `/${v.name}`
    case 'ref':
      return `${v.num} ${v.gen} R`
    case 'string':
      if (v.span) return `<@${v.span}>`
      return `<${v.hex ? v.text.replace(/[^0-9a-fA-F]/g, '').toLowerCase() : Buffer.from(v.text, 'latin1').toString('hex')}>`
    case 'dict':
      return `<<${[...v.entries.keys()]
        .sort()
        .map((k) => `/${k} ${canonical(v.entries.get(k))}`)
        .join(' ')}>>`
  }
}

class Lexer {
  pos: number
  readonly buf: Buffer
  constructor(buf: Uint8Array, pos: number) {
    this.buf = Buffer.isBuffer(buf) ? buf : Buffer.from(buf.buffer, buf.byteOffset, buf.byteLength)
    this.pos = pos
  }

  skip() {
    const { buf } = this
    while (this.pos < buf.length) {
      const c = buf[this.pos] as number
      if (WS.has(c)) this.pos++
      else if (c === 0x25) {
        while (this.pos < buf.length && buf[this.pos] !== 0x0a && buf[this.pos] !== 0x0d) this.pos++
      } else break
    }
  }

  word(): string {
    this.skip()
    const start = this.pos
    while (this.pos < this.buf.length) {
      const c = this.buf[this.pos] as number
      if (WS.has(c) || DELIM.has(c)) break
      this.pos++
    }
    return this.buf.toString('latin1', start, this.pos)
  }

  peekWord(): string {
    const at = this.pos
    const w = this.word()
    this.pos = at
    return w
  }

  value(depth = 0): PdfValue {
    if (depth > 64) throw new Error('PDF nested too deeply')
    this.skip()
    const { buf } = this
    const c = buf[this.pos]
    if (c === undefined) throw new Error('PDF truncated')
    if (c === 0x2f) {
      this.pos++
      const start = this.pos
      while (this.pos < buf.length && !WS.has(buf[this.pos] as number) && !DELIM.has(buf[this.pos] as number))
        this.pos++
      const raw = buf.toString('latin1', start, this.pos)
      return {
        kind: 'name',
        name: raw.replace(/#([0-9a-fA-F]{2})/g, (_, h: string) =>
          String.fromCharCode(Number.parseInt(h, 16)),
        ),
      }
    }
    if (c === 0x3c && buf[this.pos + 1] === 0x3c) {
      this.pos += 2
      const entries = new Map<string, PdfValue>()
      for (;;) {
        this.skip()
        if (buf[this.pos] === 0x3e && buf[this.pos + 1] === 0x3e) {
          this.pos += 2
          return { kind: 'dict', entries }
        }
        const key = this.value(depth + 1)
        if (!isName(key)) throw new Error('PDF dictionary key is not a name')
        entries.set(key.name, this.value(depth + 1))
      }
    }
    if (c === 0x3c) {
      const end = buf.indexOf(0x3e, this.pos)
      if (end < 0) throw new Error('PDF hex string unterminated')
      const start = this.pos + 1
      this.pos = end + 1
      if (end - start > 1024) return { kind: 'string', text: '', hex: true, span: `${start}:${end}` }
      return { kind: 'string', text: buf.toString('latin1', start, end), hex: true }
    }
    if (c === 0x28) return this.literal()
    if (c === 0x5b) {
      this.pos++
      const items: PdfArray = []
      for (;;) {
        this.skip()
        if (buf[this.pos] === 0x5d) {
          this.pos++
          return items
        }
        items.push(this.value(depth + 1))
      }
    }
    const w = this.word()
    if (w === 'true') return true
    if (w === 'false') return false
    if (w === 'null') return null
    if (!/^[+-]?(\d+\.?\d*|\.\d+)$/.test(w)) throw new Error(`PDF token not understood: ${w.slice(0, 20)}`)
    const n = Number(w)
    if (/^\d+$/.test(w)) {
      const at = this.pos
      const gen = this.word()
      if (/^\d+$/.test(gen) && this.word() === 'R') return { kind: 'ref', num: n, gen: Number(gen) }
      this.pos = at
    }
    return n
  }

  literal(): PdfString {
    const { buf } = this
    let depth = 0
    let out = ''
    this.pos++
    while (this.pos < buf.length) {
      const c = buf[this.pos++] as number
      if (c === 0x5c) {
        const e = buf[this.pos++] as number
        const map: Record<number, string> = { 110: '\n', 114: '\r', 116: '\t', 98: '\b', 102: '\f' }
        if (map[e]) out += map[e]
        else if (e >= 0x30 && e <= 0x37) {
          let oct = String.fromCharCode(e)
          while (oct.length < 3 && (buf[this.pos] ?? 0) >= 0x30 && (buf[this.pos] ?? 0) <= 0x37)
            oct += String.fromCharCode(buf[this.pos++] as number)
          out += String.fromCharCode(Number.parseInt(oct, 8) & 0xff)
        } else if (e === 0x0d) {
          if (buf[this.pos] === 0x0a) this.pos++
        } else if (e !== 0x0a) out += String.fromCharCode(e)
      } else if (c === 0x28) {
        depth++
        out += '('
      } else if (c === 0x29) {
        if (depth === 0) return { kind: 'string', text: out, hex: false }
        depth--
        out += ')'
      } else out += String.fromCharCode(c)
    }
    throw new Error('PDF string unterminated')
  }
}

/** Undoes the PNG predictors (10–15) of a cross-reference or object stream. */
const unpredict = (data: Uint8Array, parms: PdfDict | undefined) => {
  const predictor = parms?.entries.get('Predictor')
  if (typeof predictor !== 'number' || predictor < 10) return data
  const columns = Number(parms?.entries.get('Columns') ?? 1)
  const row = columns + 1
  const out = new Uint8Array(Math.floor(data.length / row) * columns)
  const prev = new Uint8Array(columns)
  for (let r = 0; r * row + row <= data.length; r++) {
    const type = data[r * row] as number
    const line = out.subarray(r * columns, (r + 1) * columns)
    for (let i = 0; i < columns; i++) {
      const x = data[r * row + 1 + i] as number
      const left = i > 0 ? (line[i - 1] as number) : 0
      const up = prev[i] as number
      const upLeft = i > 0 ? (prev[i - 1] as number) : 0
      let v = x
      if (type === 1) v = x + left
      else if (type === 2) v = x + up
      else if (type === 3) v = x + Math.floor((left + up) / 2)
      else if (type === 4) {
        const p = left + up - upLeft
        const [pa, pb, pc] = [Math.abs(p - left), Math.abs(p - up), Math.abs(p - upLeft)]
        v = x + (pa <= pb && pa <= pc ? left : pb <= pc ? up : upLeft)
      }
      line[i] = v & 0xff
    }
    prev.set(line)
  }
  return out
}

/** The decoded bytes of a stream (FlateDecode with predictors, or none). */
export const decodeStream = (stream: PdfStream): Uint8Array => {
  const filter = stream.dict.entries.get('Filter')
  const filters = Array.isArray(filter) ? filter : filter ? [filter] : []
  const parmsRaw = stream.dict.entries.get('DecodeParms')
  const parms = Array.isArray(parmsRaw) ? parmsRaw[0] : parmsRaw
  let data = stream.data
  for (const f of filters) {
    if (!isName(f, 'FlateDecode') && !isName(f, 'Fl')) throw new Error('PDF filter not supported')
    data = unpredict(inflateSync(data), isDict(parms) ? parms : undefined)
  }
  return data
}

const lastStartXref = (buf: Uint8Array) => {
  const tail = Buffer.from(buf.buffer, buf.byteOffset, buf.byteLength).toString(
    'latin1',
    Math.max(0, buf.length - 2048),
    buf.length,
  )
  const m = /startxref\s+(\d+)\s*%%EOF\s*$/.exec(tail) ?? [...tail.matchAll(/startxref\s+(\d+)/g)].at(-1)
  if (!m?.[1]) throw new Error('PDF has no startxref')
  return Number(m[1])
}

/**
 * Reads the revision of `pdf` that ends at `pdf.length` (pass a prefix for an earlier one).
 * @throws Error when the cross-reference chain cannot be read
 */
export const readPdfRevision = (
  pdf: Uint8Array,
  shared: RevisionCache = createRevisionCache(),
): PdfRevision => {
  const entries = new Map<number, XrefEntry>()
  const cache = new Map<number, PdfObject | undefined>()
  const decode = (stream: PdfStream) => {
    const key = `${stream.at}:${stream.data.length}:${canonical(stream.dict.entries.get('DecodeParms'))}`
    let data = shared.decoded.get(key)
    if (!data) {
      data = decodeStream(stream)
      shared.decoded.set(key, data)
    }
    return data
  }
  let trailer: PdfDict | null = null
  let ready = false

  const parseIndirect = (offset: number, expectNum: number | null): PdfObject => {
    const lx = new Lexer(pdf, offset)
    const num = Number(lx.word())
    lx.word()
    if (lx.word() !== 'obj' || (expectNum !== null && num !== expectNum))
      throw new Error(`PDF object ${expectNum} not found at ${offset}`)
    const value = lx.value()
    if (!isDict(value) || lx.peekWord() !== 'stream') return { value, stream: null, end: lx.pos }
    lx.word()
    if (pdf[lx.pos] === 0x0d) lx.pos++
    if (pdf[lx.pos] === 0x0a) lx.pos++
    const start = lx.pos
    const lengthValue = value.entries.get('Length')
    let length = typeof lengthValue === 'number' ? lengthValue : -1
    if (isRef(lengthValue) && lengthValue.num !== expectNum) {
      const resolved = object(lengthValue.num)?.value
      length = typeof resolved === 'number' ? resolved : -1
    }
    if (length < 0 || start + length > pdf.length) throw new Error('PDF stream length not readable')
    return {
      value,
      stream: { dict: value, data: pdf.subarray(start, start + length), at: start },
      end: start + length,
    }
  }

  const readSection = (offset: number, depth: number) => {
    const lx = new Lexer(pdf, offset)
    if (lx.peekWord() === 'xref') {
      lx.word()
      for (;;) {
        const first = lx.peekWord()
        if (first === 'trailer') break
        lx.word()
        const count = Number(lx.word())
        if (!/^\d+$/.test(first) || !Number.isFinite(count)) throw new Error('PDF xref table not readable')
        for (let i = 0; i < count; i++) {
          const off = Number(lx.word())
          const gen = Number(lx.word())
          const kind = lx.word()
          const num = Number(first) + i
          if (entries.has(num)) continue
          entries.set(num, kind === 'n' ? { type: 'offset', offset: off, gen } : { type: 'free' })
        }
      }
      lx.word()
      const dict = lx.value()
      if (!isDict(dict)) throw new Error('PDF trailer not readable')
      trailer ??= dict
      const stm = dict.entries.get('XRefStm')
      if (typeof stm === 'number') readSection(stm, depth + 1)
      return dict.entries.get('Prev')
    }
    const { value, stream } = parseIndirect(offset, null)
    if (!stream || !isDict(value) || !isName(value.entries.get('Type'), 'XRef'))
      throw new Error('PDF cross-reference not found')
    trailer ??= value
    const w = (value.entries.get('W') as number[] | undefined) ?? []
    const size = Number(value.entries.get('Size') ?? 0)
    const index = (value.entries.get('Index') as number[] | undefined) ?? [0, size]
    const data = decode(stream)
    const field = (at: number, width: number, fallback: number) => {
      if (width === 0) return fallback
      let n = 0
      for (let i = 0; i < width; i++) n = n * 256 + (data[at + i] ?? 0)
      return n
    }
    const [w0, w1, w2] = [Number(w[0] ?? 1), Number(w[1] ?? 0), Number(w[2] ?? 0)]
    const rowBytes = w0 + w1 + w2
    let p = 0
    for (let s = 0; s + 1 < index.length; s += 2) {
      for (let i = 0; i < Number(index[s + 1]); i++, p += rowBytes) {
        const num = Number(index[s]) + i
        const type = field(p, w0, 1)
        const a = field(p + w0, w1, 0)
        const b = field(p + w0 + w1, w2, 0)
        if (entries.has(num)) continue
        if (type === 1) entries.set(num, { type: 'offset', offset: a, gen: b })
        else if (type === 2) entries.set(num, { type: 'compressed', stream: a, index: b })
        else entries.set(num, { type: 'free' })
      }
    }
    return value.entries.get('Prev')
  }

  const seen = new Set<number>()
  let at: PdfValue | undefined = lastStartXref(pdf)
  while (typeof at === 'number' && !seen.has(at) && seen.size < 512) {
    seen.add(at)
    at = readSection(at, 0)
  }
  if (!trailer) throw new Error('PDF trailer not found')
  ready = true

  const fromObjectStream = (streamNum: number, index: number): PdfObject | undefined => {
    const holder = object(streamNum)
    if (!holder?.stream) return undefined
    const key = `${holder.stream.at}:${holder.stream.data.length}`
    let os = shared.objectStreams.get(key)
    if (!os) {
      const data = decode(holder.stream)
      const n = Number(holder.stream.dict.entries.get('N') ?? 0)
      const first = Number(holder.stream.dict.entries.get('First') ?? 0)
      const lx = new Lexer(data, 0)
      const offsets: number[] = []
      for (let i = 0; i < n; i++) {
        lx.word()
        offsets.push(Number(lx.word()))
      }
      os = { offsets, first, data }
      shared.objectStreams.set(key, os)
    }
    const off = os.offsets[index]
    if (off === undefined) return undefined
    return { value: new Lexer(os.data, os.first + off).value(), stream: null, end: holder.end }
  }

  const lookup = (num: number): PdfObject | undefined => {
    const e = entries.get(num)
    if (e?.type === 'offset') return parseIndirect(e.offset, num)
    if (e?.type === 'compressed') return fromObjectStream(e.stream, e.index)
    return undefined
  }

  function object(num: number): PdfObject | undefined {
    // while the cross-reference chain is read, locations are not final: nothing is cached
    if (!ready) return lookup(num)
    if (cache.has(num)) return cache.get(num)
    cache.set(num, undefined)
    const where = locationOf(num)
    const key = where === null ? null : `${num}${where}`
    const known = key ? shared.parsed.get(key) : undefined
    let found: PdfObject | undefined
    if (known && known.end <= pdf.length) found = known
    else {
      found = lookup(num)
      // a stream whose length is another object may read differently in another revision
      if (key && found && !isRef(found.stream?.dict.entries.get('Length'))) shared.parsed.set(key, found)
    }
    cache.set(num, found)
    return found
  }

  function locationOf(num: number, depth = 0): string | null {
    const e = entries.get(num)
    if (!e || e.type === 'free') return null
    if (e.type === 'offset') return `@${e.offset}`
    return depth > 2 ? null : `${locationOf(e.stream, depth + 1)}#${e.index}`
  }

  const resolve = (value: PdfValue | undefined) => (isRef(value) ? object(value.num)?.value : value)

  return { entries, trailer, object, resolve, locationOf: (num) => locationOf(num) }
}
