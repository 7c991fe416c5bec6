/**
 * The PDF objects of an embedded font for a few lines of Vietnamese text: a Type0 font
 * (Identity-H) over a CIDFontType2 subset of the bundled TrueType font, with a ToUnicode
 * map so the text can be searched and copied (pdftotext reads it back). Objects are
 * returned as latin1 strings, ready to append in an incremental update.
 * @module
 */
import { deflateSync } from 'node:zlib'
import { loadTrueTypeFont, subsetTrueTypeFont, type TrueTypeFont } from './subset-truetype-font.ts'

export type PdfTextFont = {
  /** the text as a hex string of glyph ids, for Tj */
  encode: (text: string) => string
  /** width of the text in points at `size` */
  widthOf: (text: string, size: number) => number
  /** ascent and descent (negative) per point of font size */
  ascent: number
  descent: number
  /** the font's objects, numbered from `first`; the Type0 font is `first` */
  objects: (first: number) => { num: number; body: string }[]
  /** how many objects `objects` returns */
  objectCount: number
}

const hex4 = (n: number) => n.toString(16).padStart(4, '0').toUpperCase()

const utf16Hex = (text: string) => Buffer.from(text, 'utf16le').swap16().toString('hex').toUpperCase()

const stream = (dict: string, data: Buffer) =>
  `<< ${dict} /Length ${data.length} >>\nstream\n${data.toString('latin1')}\nendstream`

/** A subset tag of six capitals derived from the glyphs, as PDF 32000 §9.6.4 asks. */
const subsetTag = (glyphs: number[]) => {
  let h = 7
  for (const g of glyphs) h = (h * 31 + g) >>> 0
  let tag = ''
  for (let i = 0; i < 6; i++) {
    tag += String.fromCharCode(65 + (h % 26))
    h = Math.floor(h / 26) + i * 7
  }
  return tag
}

/**
 * @param texts every string that will be drawn with the font (NFC)
 * @param font the TrueType font (default: the bundled DejaVu Serif)
 */
export const buildPdfTextFont = (texts: string[], font: TrueTypeFont = loadTrueTypeFont()): PdfTextFont => {
  const toUnicode = new Map<number, string>()
  for (const text of texts)
    for (const ch of text.normalize('NFC')) {
      const g = font.glyphOf(ch.codePointAt(0) ?? 0)
      if (g && !toUnicode.has(g)) toUnicode.set(g, ch)
    }
  const glyphs = [...toUnicode.keys()].sort((a, b) => a - b)
  const scale = 1000 / font.unitsPerEm
  const glyphsOf = (text: string) =>
    [...text.normalize('NFC')].map((ch) => font.glyphOf(ch.codePointAt(0) ?? 0))
  return {
    encode: (text) => `<${glyphsOf(text).map(hex4).join('')}>`,
    widthOf: (text, size) =>
      (glyphsOf(text).reduce((sum, g) => sum + font.advanceOf(g), 0) / font.unitsPerEm) * size,
    ascent: font.ascent / font.unitsPerEm,
    descent: font.descent / font.unitsPerEm,
    objectCount: 5,
    objects: (first) => {
      const [type0, cid, descriptor, file, cmap] = [first, first + 1, first + 2, first + 3, first + 4]
      const name = `${subsetTag(glyphs)}+${font.postScriptName}`
      const widths = glyphs.map((g) => `${g} [${Math.round(font.advanceOf(g) * scale)}]`).join(' ')
      const subset = subsetTrueTypeFont(font, glyphs)
      const cmapText = [
        '/CIDInit /ProcSet findresource begin 12 dict begin begincmap',
        '/CIDSystemInfo << /Registry (Adobe) /Ordering (UCS) /Supplement 0 >> def',
        '/CMapName /Adobe-Identity-UCS def /CMapType 2 def',
        '1 begincodespacerange <0000> <FFFF> endcodespacerange',
        // at most 100 entries per bfchar block
        ...Array.from({ length: Math.ceil(glyphs.length / 100) }, (_, i) => {
          const chunk = glyphs.slice(i * 100, i * 100 + 100)
          return `${chunk.length} beginbfchar\n${chunk.map((g) => `<${hex4(g)}> <${utf16Hex(toUnicode.get(g) ?? '')}>`).join('\n')}\nendbfchar`
        }),
        'endcmap CMapName currentdict /CMap defineresource pop end end',
      ].join('\n')
      const [x1, y1, x2, y2] = font.bbox.map((v) => Math.round(v * scale))
      return [
        {
          num: type0,
          body: `<< /Type /Font /Subtype /Type0 /BaseFont /${name} /Encoding /Identity-H /DescendantFonts [${cid} 0 R] /ToUnicode ${cmap} 0 R >>`,
        },
        {
          num: cid,
          body: `<< /Type /Font /Subtype /CIDFontType2 /BaseFont /${name} /CIDSystemInfo << /Registry (Adobe) /Ordering (Identity) /Supplement 0 >> /FontDescriptor ${descriptor} 0 R /CIDToGIDMap /Identity /DW 1000 /W [${widths}] >>`,
        },
        {
          num: descriptor,
          body: `<< /Type /FontDescriptor /FontName /${name} /Flags 34 /FontBBox [${x1} ${y1} ${x2} ${y2}] /ItalicAngle 0 /Ascent ${Math.round(font.ascent * scale)} /Descent ${Math.round(font.descent * scale)} /CapHeight ${Math.round(font.capHeight * scale)} /StemV 80 /FontFile2 ${file} 0 R >>`,
        },
        { num: file, body: stream(`/Filter /FlateDecode /Length1 ${subset.length}`, deflateSync(subset)) },
        { num: cmap, body: stream('/Filter /FlateDecode', deflateSync(Buffer.from(cmapText, 'latin1'))) },
      ]
    },
  }
}
