/**
 * Classifies a PDF without rendering it: signed (a signature dictionary with /ByteRange and
 * /Contents), scanned paper (image XObjects only: no fonts, no text-showing operators) or an
 * ordinary unsigned electronic document. Compressed content and object streams are inflated
 * with `DecompressionStream`, so the check also sees inside files written with object streams.
 * @module
 */

export type SignatureRole = 'approver' | 'organisation'

export type ScanImage = { width: number; height: number; colour: boolean; dpi: number | null }

export type PdfClassification = {
  isPdf: boolean
  signed: boolean
  /** signature dictionaries found; NĐ 30/2020 (Art. 5) wants two: the competent person's and the organisation's */
  signatureCount: number
  /** SubFilters of the signature dictionaries found (adbe.pkcs7.detached, ETSI.CAdES.detached …) */
  subFilters: string[]
  /** the NĐ 30/2020 role each signature records (`/TrolysoRole`), null for signatures that record none */
  roles: Array<SignatureRole | null>
  /** a scan of paper: image-only, or a full-page image under an invisible OCR text layer (Tr 3) */
  scanned: boolean
  hasText: boolean
  images: ScanImage[]
  /** pages from the page tree's root (/Root → /Pages → /Count), at least 1 for a PDF */
  pages: number
}

const SIGNATURE_SUBFILTERS = ['adbe.pkcs7.detached', 'ETSI.CAdES.detached', 'adbe.pkcs7.sha1', 'ETSI.RFC3161']
const MAX_INFLATE_BYTES = 8 * 1024 * 1024

const latin1 = (bytes: Uint8Array): string => new TextDecoder('latin1').decode(bytes)

const inflate = async (data: Uint8Array<ArrayBuffer>): Promise<string | null> => {
  try {
    const stream = new Blob([data]).stream().pipeThrough(new DecompressionStream('deflate'))
    const out = new Uint8Array(await new Response(stream).arrayBuffer())
    return out.length > MAX_INFLATE_BYTES ? null : latin1(out)
  } catch {
    return null
  }
}

type PdfStream = { dict: string; start: number; end: number }

const ascii = (text: string) => Uint8Array.from(text, (c) => c.charCodeAt(0))
const STREAM = ascii('stream')
const ENDSTREAM = ascii('endstream')

/** `pattern` in `bytes` from `from`, using the native single-byte search to hop between candidates */
const indexOfBytes = (bytes: Uint8Array, pattern: Uint8Array, from: number): number => {
  const first = pattern[0] ?? 0
  let at = bytes.indexOf(first, from)
  while (at !== -1 && at + pattern.length <= bytes.length) {
    let k = 1
    while (k < pattern.length && bytes[at + k] === pattern[k]) k++
    if (k === pattern.length) return at
    at = bytes.indexOf(first, at + 1)
  }
  return -1
}

/**
 * Walks the file's streams without decoding their data (a scan's image bytes are most of the
 * file): a declared /Length jumps over them. Returns the streams and the text outside them.
 */
const splitStreams = (bytes: Uint8Array): { streams: PdfStream[]; outside: string } => {
  const streams: PdfStream[] = []
  const outside: string[] = []
  let pos = 0
  while (pos < bytes.length) {
    let keyword = indexOfBytes(bytes, STREAM, pos)
    // "endstream" contains "stream"
    while (
      keyword >= 3 &&
      bytes[keyword - 3] === 0x65 &&
      bytes[keyword - 2] === 0x6e &&
      bytes[keyword - 1] === 0x64
    ) {
      keyword = indexOfBytes(bytes, STREAM, keyword + STREAM.length)
    }
    if (keyword < 0) break
    let start = keyword + STREAM.length
    if (bytes[start] === 0x0d) start++
    if (bytes[start] !== 0x0a) {
      outside.push(latin1(bytes.subarray(pos, keyword + STREAM.length)))
      pos = keyword + STREAM.length
      continue
    }
    start++
    const before = latin1(bytes.subarray(pos, keyword))
    outside.push(before)
    const dictStart = before.lastIndexOf('obj')
    const dict = dictStart >= 0 ? before.slice(dictStart) : before.slice(-2000)
    const length = /\/Length\s+(\d+)(?!\s+\d+\s+R)/.exec(dict)
    const declared = length ? start + Number(length[1]) : -1
    const end =
      declared > start && declared <= bytes.length ? declared : indexOfBytes(bytes, ENDSTREAM, start)
    if (end < 0) break
    streams.push({ dict, start, end })
    pos = end
  }
  if (pos < bytes.length) outside.push(latin1(bytes.subarray(pos)))
  return { streams, outside: outside.join('') }
}

/**
 * Whether a content stream shows no visible text: every text object that shows text does so
 * in rendering mode 3 (invisible), set inside it or earlier in the stream (Tr is graphics state).
 */
const drawsNoVisibleText = (part: string): boolean => {
  for (const block of part.matchAll(/(?:^|\s)BT\s([\s\S]*?)(?:^|\s)ET(?=\s|$)/g)) {
    if (!/(?:Tj|TJ|'|")(?:\s|$)/.test(block[1] ?? '')) continue
    const upTo = part.slice(0, (block.index ?? 0) + block[0].length)
    const modes = [...upTo.matchAll(/(?:^|\s)(\d)\s+Tr(?=\s|$)/g)]
    if (modes.at(-1)?.[1] !== '3') return false
  }
  return true
}

/** an image XObject drawn at (nearly) the page's full size: `w 0 0 h x y cm /Im Do` */
const imageCoversPage = (part: string, page: { width: number; height: number } | null): boolean => {
  for (const m of part.matchAll(
    /([\d.]+)\s+0\s+0\s+([\d.]+)\s+[-\d.]+\s+[-\d.]+\s+cm(?:\s+1\s+0\s+0\s+1\s+[-\d.]+\s+[-\d.]+\s+cm)*\s*\/[^\s/]+\s+Do/g,
  )) {
    const [w, h] = [Number(m[1]), Number(m[2])]
    if (!page || (w >= page.width * 0.9 && h >= page.height * 0.9)) return true
  }
  return false
}

/** a text object that shows text: BT … Tj/TJ/'/" … ET */
const TEXT_OBJECT_RE = /(?:^|\s)BT\s[\s\S]*?(?:Tj|TJ|'|")\s[\s\S]*?(?:^|\s)ET(?:\s|$)/

const signatureInfo = (
  text: string,
): { signatureCount: number; subFilters: string[]; roles: Array<SignatureRole | null> } => {
  const subFilters = new Set<string>()
  const roles: Array<SignatureRole | null> = []
  let signatureCount = 0
  const ranges = new Set<string>()
  const byteRangeRe = /\/ByteRange\s*\[\s*(\d+)\s+(\d+)\s+(\d+)\s+(\d+)\s*\]/g
  for (const match of text.matchAll(byteRangeRe)) {
    // the signature dictionary around this /ByteRange
    const from = text.lastIndexOf('<<', match.index)
    const dictEnd = text.indexOf('>>', text.indexOf('/Contents', from) + 1)
    const dict = text.slice(Math.max(0, from - 4000), dictEnd > 0 ? dictEnd + 2 : match.index + 4000)
    const hasContents = /\/Contents\s*</.test(dict)
    const subFilter = /\/SubFilter\s*\/([A-Za-z0-9.]+)/.exec(dict)?.[1]
    const isSig =
      /\/Type\s*\/Sig\b/.test(dict) || (subFilter !== undefined && SIGNATURE_SUBFILTERS.includes(subFilter))
    // an incremental update may repeat a signature dictionary: count distinct byte ranges
    const range = match.slice(1, 5).join(' ')
    if (hasContents && isSig && !ranges.has(range)) {
      ranges.add(range)
      signatureCount++
      if (subFilter) subFilters.add(subFilter)
      const role = /\/TrolysoRole\s*\/(approver|organisation)\b/.exec(dict)?.[1]
      roles.push(role === 'approver' || role === 'organisation' ? role : null)
    }
  }
  return { signatureCount, subFilters: [...subFilters], roles }
}

const mediaBoxSize = (text: string): { width: number; height: number } | null => {
  const box = /\/MediaBox\s*\[\s*(-?[\d.]+)\s+(-?[\d.]+)\s+(-?[\d.]+)\s+(-?[\d.]+)\s*\]/.exec(text)
  if (!box) return null
  const width = Number(box[3]) - Number(box[1])
  const height = Number(box[4]) - Number(box[2])
  return width > 0 && height > 0 ? { width, height } : null
}

/**
 * The page count the page tree declares: /Count of the /Pages object the catalog names. Counting
 * `/Type /Page` objects overcounts (an incremental update rewrites a page, unused pages linger).
 * Falls back to the largest /Count of any /Pages node, then to 1.
 */
const pageCount = (objects: string): number => {
  const root = /\/Root\s+(\d+)\s+(\d+)\s+R/.exec(objects)
  const catalogAt = root ? objects.search(new RegExp(`(?:^|\\s)${root[1]}\\s+${root[2]}\\s+obj\\b`)) : -1
  const catalog = catalogAt >= 0 ? objects.slice(catalogAt, objects.indexOf('endobj', catalogAt)) : ''
  const pagesRef = /\/Pages\s+(\d+)\s+(\d+)\s+R/.exec(catalog)
  if (pagesRef) {
    // the last definition wins (incremental updates append newer versions)
    const definitions = [
      ...objects.matchAll(new RegExp(`(?:^|\\s)${pagesRef[1]}\\s+${pagesRef[2]}\\s+obj\\b`, 'g')),
    ]
    const at = definitions.at(-1)?.index
    if (at !== undefined) {
      const body = objects.slice(at, objects.indexOf('endobj', at))
      const count = /\/Count\s+(\d+)/.exec(body)
      if (count) return Math.max(1, Number(count[1]))
    }
  }
  // inside object streams objects have no "n g obj" header: the root node has the largest /Count
  const counts = [...objects.matchAll(/<<[^<>]*\/Type\s*\/Pages\b[^<>]*>>/g)].map((m) =>
    Number(/\/Count\s+(\d+)/.exec(m[0])?.[1] ?? 0),
  )
  return Math.max(1, ...counts)
}

/**
 * @param bytes the whole file
 * @returns what the nudges need to know about it
 */
export const classifyPdf = async (bytes: Uint8Array<ArrayBuffer>): Promise<PdfClassification> => {
  const empty: PdfClassification = {
    isPdf: false,
    signed: false,
    signatureCount: 0,
    subFilters: [],
    roles: [],
    scanned: false,
    hasText: false,
    images: [],
    pages: 0,
  }
  if (!latin1(bytes.subarray(0, 1024)).includes('%PDF-')) return empty
  const { streams, outside } = splitStreams(bytes)
  // signature dictionaries are plain objects: their /Contents must sit in the file itself
  const { signatureCount, subFilters, roles } = signatureInfo(outside)

  // the text outside streams plus every inflated non-image stream (content streams, object streams)
  const parts: string[] = []
  const contentParts: string[] = []
  const imageDicts: string[] = []
  for (const stream of streams) {
    if (/\/Subtype\s*\/Image/.test(stream.dict)) {
      imageDicts.push(stream.dict)
      continue
    }
    if (/\/Type\s*\/XRef/.test(stream.dict)) continue
    const data = bytes.subarray(stream.start, stream.end)
    let decoded: string | null = null
    if (/\/FlateDecode/.test(stream.dict)) decoded = await inflate(new Uint8Array(data))
    else if (!/\/Filter/.test(stream.dict)) decoded = latin1(data)
    if (decoded === null) continue
    parts.push(decoded)
    if (!/\/Type\s*\/ObjStm/.test(stream.dict)) contentParts.push(decoded)
  }
  const objects = `${outside}\n${parts.join('\n')}`

  // a page may carry an empty /Font << >> dictionary; only a named font entry counts
  const hasFont = /\/Type\s*\/Font\b/.test(objects) || /\/Font\s*<<\s*\/[A-Za-z0-9]/.test(objects)
  const hasTextOperators = contentParts.some((p) => TEXT_OBJECT_RE.test(p))
  const hasText = hasFont || hasTextOperators
  const page = mediaBoxSize(objects)
  // a searchable scan: a picture of the whole page under an OCR layer nobody sees (Tr 3)
  const ocrLayerOnly = hasTextOperators && contentParts.every(drawsNoVisibleText)
  const coversPage = contentParts.some((part) => imageCoversPage(part, page))
  const pages = pageCount(objects)
  const images = imageDicts.map((dict): ScanImage => {
    const width = Number(/\/Width\s+(\d+)/.exec(dict)?.[1] ?? 0)
    const height = Number(/\/Height\s+(\d+)/.exec(dict)?.[1] ?? 0)
    const colour = /\/DeviceRGB|\/DeviceCMYK|\/ICCBased|\/Indexed/.test(dict) && !/\/DeviceGray/.test(dict)
    const dpi =
      page && width > 0 && height > 0
        ? Math.round(Math.min(width / (page.width / 72), height / (page.height / 72)))
        : null
    return { width, height, colour, dpi }
  })
  return {
    isPdf: true,
    signed: signatureCount > 0,
    signatureCount,
    subFilters,
    roles,
    scanned: images.length > 0 && (!hasText || (ocrLayerOnly && coversPage)),
    hasText,
    images,
    pages,
  }
}

/** Nghị định 30/2020, Phụ lục I: electronic copies of paper must be colour PDF at 200 dpi or more. */
export const scanMeetsMinimum = (images: ScanImage[]): boolean =>
  images.length > 0 && images.every((image) => image.colour && image.dpi !== null && image.dpi >= 200)

/**
 * Where a PDF stands under NĐ 30/2020 (Art. 5, 32), judged by the roles its signatures record:
 * complete once it has the competent person's and then the organisation's signature (two
 * approver signatures are not complete). Signatures from other systems record no role; only
 * for those the number of signatures stands in, as before the server verifies them.
 */
export const signatureState = (c: Pick<PdfClassification, 'roles' | 'signatureCount'>) => {
  const known = c.roles.filter((r) => r !== null)
  if (known.length > 0) {
    const approverAt = known.indexOf('approver')
    if (approverAt >= 0 && known.indexOf('organisation') > approverAt) return 'complete'
    return approverAt >= 0 ? 'leader' : 'none'
  }
  if (c.signatureCount >= 2) return 'complete'
  return c.signatureCount === 1 ? 'leader' : 'none'
}
