/**
 * The text lines of PDF pages as pdf.js reads them, each character with its horizontal
 * extent (interpolated inside a text run), for finding where things are printed: the blanks
 * for number and date, the signature block.
 * @module
 */

export type Char = { ch: string; x0: number; x1: number }
/** one baseline: y and the largest text size on it, characters left to right */
export type Line = { y: number; size: number; chars: Char[]; text: string }

type TextItem = { str: string; width: number; transform: number[] }

const linesOf = (items: TextItem[]): Line[] => {
  const lines: Line[] = []
  const sorted = items
    .filter((it) => typeof it.str === 'string' && it.str.length > 0 && Array.isArray(it.transform))
    .sort(
      (a, b) =>
        (b.transform[5] ?? 0) - (a.transform[5] ?? 0) || (a.transform[4] ?? 0) - (b.transform[4] ?? 0),
    )
  for (const it of sorted) {
    const [a = 0, b = 0, c = 0, d = 0, e = 0, f = 0] = it.transform
    const size = Math.hypot(c, d) || Math.hypot(a, b)
    let line = lines.find((l) => Math.abs(l.y - f) <= Math.max(1.5, l.size * 0.2))
    if (!line) {
      line = { y: f, size: 0, chars: [], text: '' }
      lines.push(line)
    }
    if (it.str.trim()) line.size = Math.max(line.size, size)
    const str = it.str.normalize('NFC')
    const n = [...str].length
    let i = 0
    for (const ch of str) {
      line.chars.push({ ch, x0: e + (it.width * i) / n, x1: e + (it.width * (i + 1)) / n })
      i++
    }
  }
  for (const line of lines) {
    line.chars.sort((p, q) => p.x0 - q.x0)
    line.text = line.chars.map((c) => c.ch).join('')
  }
  return lines
}

/**
 * @param pages page indexes (0-based; negative counts from the end); pages that do not exist are skipped
 * @returns the lines of each page asked for, top to bottom, and the page sizes
 * @throws Error when pdf.js cannot read the file
 */
export const readPageLines = async (pdf: Uint8Array, pages: number[]) => {
  const { getDocument } = await import('pdfjs-dist/legacy/build/pdf.mjs')
  const task = getDocument({
    // pdf.js may detach the buffer it is given
    data: new Uint8Array(pdf),
    disableFontFace: true,
    useSystemFonts: false,
    stopAtErrors: false,
    verbosity: 0,
  })
  try {
    const doc = await task.promise
    const out: Line[][] = []
    for (const asked of pages) {
      const index = asked < 0 ? doc.numPages + asked : asked
      if (index < 0 || index >= doc.numPages) {
        out.push([])
        continue
      }
      const page = await doc.getPage(index + 1)
      const content = await page.getTextContent()
      out.push(linesOf(content.items as TextItem[]))
    }
    return out
  } finally {
    await task.destroy()
  }
}
