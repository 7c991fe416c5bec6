/**
 * Where the approver signs (NĐ 30/2020, Phụ lục I): the signature block at the foot of the
 * document, opened by the authority line ("TM.", "KT.", "Q.", "TL.", "TUQ." + title),
 * then the title ("PHÓ GIÁM ĐỐC"), room for the signature and the signer's name. Found by
 * a text search on the last pages; the result is the empty box between title and name.
 * @module
 */
import { type Line, readPageLines } from './read-page-lines.ts'

export type SignatureBox = { pageIndex: number; x1: number; y1: number; x2: number; y2: number }

const AUTHORITY = /(?:^|\s)(?:TM|KT|Q|TL|TUQ)\.\s*\p{Lu}/u
const HALF_WIDTH = 100

const comparable = (s: string) => s.normalize('NFC').toLocaleLowerCase('vi').replace(/\s+/g, ' ').trim()

/** the characters of a line near a centre, as text with its extent */
const near = (line: Line, cx: number, reach = 130) => {
  const chars = line.chars.filter((c) => Math.abs((c.x0 + c.x1) / 2 - cx) <= reach)
  const text = chars.map((c) => c.ch).join('')
  return text.trim() ? { text, x0: chars[0]?.x0 ?? cx, x1: chars[chars.length - 1]?.x1 ?? cx } : null
}

const blockOn = (lines: Line[], signerName: string) => {
  const name = comparable(signerName)
  for (const [i, line] of lines.entries()) {
    const m = AUTHORITY.exec(line.text)
    if (!m) continue
    const start = m.index + (m[0].length - m[0].trimStart().length)
    const chars = line.chars.slice(start)
    const last = [...chars].reverse().find((c) => c.ch.trim())
    const cx = ((chars[0]?.x0 ?? 0) + (last?.x1 ?? 0)) / 2
    let titleY = line.y
    let titleSize = line.size
    let j = i + 1
    // the title continues on the next lines ("PHÓ GIÁM ĐỐC")
    for (; j < lines.length; j++) {
      const next = lines[j] as Line
      if (titleY - next.y > Math.max(next.size, titleSize) * 1.9 || !near(next, cx)) break
      const part = near(next, cx)
      if (part && comparable(part.text) === name) break
      titleY = next.y
      titleSize = next.size
    }
    let nameY: number | null = null
    let nameSize = titleSize
    for (let k = j; k < lines.length; k++) {
      const part = near(lines[k] as Line, cx)
      if (!part) continue
      if (comparable(part.text).includes(name) || nameY === null) {
        nameY = (lines[k] as Line).y
        nameSize = (lines[k] as Line).size
        if (comparable(part.text).includes(name)) break
      }
    }
    const y2 = titleY - titleSize * 0.4
    const y1 = nameY !== null && titleY - nameY > titleSize * 2.5 ? nameY + nameSize * 0.95 : y2 - 72
    return { x1: cx - HALF_WIDTH, y1, x2: cx + HALF_WIDTH, y2 }
  }
  // no authority line: above the signer's name, when it stands in the right half
  for (const line of lines) {
    const at = comparable(line.text).indexOf(name)
    const first = line.chars[at]
    if (at < 0 || !first || first.x0 < 250) continue
    const lastChar = line.chars[at + [...name].length - 1] ?? first
    const cx = (first.x0 + lastChar.x1) / 2
    const y1 = line.y + line.size * 0.95
    return { x1: cx - HALF_WIDTH, y1, x2: cx + HALF_WIDTH, y2: y1 + 72 }
  }
  return null
}

/**
 * @returns the box for the approver's signature, searched on the last page, then the one
 *   before; null when neither has a signature block
 */
export const findSignatureBlock = async ({
  pdf,
  signerName,
}: {
  pdf: Uint8Array
  signerName: string
}): Promise<SignatureBox | null> => {
  const [last = [], before = []] = await readPageLines(pdf, [-1, -2])
  const found = blockOn(last, signerName)
  if (found) return { pageIndex: -1, ...found }
  const earlier = blockOn(before, signerName)
  return earlier ? { pageIndex: -2, ...earlier } : null
}
