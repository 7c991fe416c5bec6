/**
 * Incremental updates for tests of integrity between signatures: load a PDF with pdf-lib,
 * edit it in memory, and append only the objects the edit changed or added (plus a
 * cross-reference section and trailer), as an editing tool would between two signatures.
 * @module
 */
import { PDFArray, PDFDocument, PDFName, type PDFObject, type PDFPageLeaf, PDFRef } from 'pdf-lib'

const bytesOf = (obj: PDFObject) => {
  const out = new Uint8Array(obj.sizeInBytes())
  obj.copyBytesInto(out, 0)
  return Buffer.from(out)
}

const highestSize = (pdf: Buffer) =>
  Math.max(0, ...[...pdf.toString('latin1').matchAll(/\/Size\s+(\d+)/g)].map((m) => Number(m[1])))

const lastStartXref = (pdf: Buffer) => {
  const m = [...pdf.toString('latin1').matchAll(/startxref\s+(\d+)/g)].at(-1)
  return Number(m?.[1])
}

/**
 * @param edit changes the document in memory (pages, form fields, annotations, …)
 * @returns the PDF with one more revision holding the changed and new objects
 */
export const appendRevision = async (pdf: Buffer, edit: (doc: PDFDocument) => void | Promise<void>) => {
  const doc = await PDFDocument.load(pdf, { updateMetadata: false })
  // pdf-lib forgets cross-reference and object streams; new objects must not reuse their numbers
  doc.context.largestObjectNumber = Math.max(doc.context.largestObjectNumber, highestSize(pdf) - 1)
  const before = new Map<string, string>()
  for (const [ref, obj] of doc.context.enumerateIndirectObjects())
    before.set(ref.toString(), bytesOf(obj).toString('latin1'))
  await edit(doc)
  await doc.flush()
  const parts: Buffer[] = []
  let offset = pdf.length + 1
  const entries: { ref: PDFRef; offset: number }[] = []
  for (const [ref, obj] of doc.context.enumerateIndirectObjects()) {
    const body = bytesOf(obj)
    if (before.get(ref.toString()) === body.toString('latin1')) continue
    const text = Buffer.concat([
      Buffer.from(`${ref.objectNumber} ${ref.generationNumber} obj\n`),
      body,
      Buffer.from('\nendobj\n'),
    ])
    entries.push({ ref, offset })
    parts.push(text)
    offset += text.length
  }
  const xref = ['xref', '0 1', '0000000000 65535 f ']
  for (const e of entries.sort((a, b) => a.ref.objectNumber - b.ref.objectNumber))
    xref.push(`${e.ref.objectNumber} 1`, `${String(e.offset).padStart(10, '0')} 00000 n `)
  const root = doc.context.trailerInfo.Root
  if (!(root instanceof PDFRef)) throw new Error('no /Root')
  const trailer = `trailer\n<< /Size ${doc.context.largestObjectNumber + 1} /Root ${root.toString()} /Prev ${lastStartXref(pdf)} >>\nstartxref\n${offset}\n%%EOF\n`
  return Buffer.concat([pdf, Buffer.from('\n'), ...parts, Buffer.from(`${xref.join('\n')}\n${trailer}`)])
}

/** Appends a revision that re-points objects to other (older) offsets, without new bytes for them. */
export const appendXrefOnly = (pdf: Buffer, offsets: Record<number, number>, root: string) => {
  const xref = ['xref', '0 1', '0000000000 65535 f ']
  for (const [num, off] of Object.entries(offsets))
    xref.push(`${num} 1`, `${String(off).padStart(10, '0')} 00000 n `)
  const at = pdf.length
  const size = highestSize(pdf)
  return Buffer.concat([
    pdf,
    Buffer.from(
      `${xref.join('\n')}\ntrailer\n<< /Size ${size} /Root ${root} /Prev ${lastStartXref(pdf)} >>\nstartxref\n${at}\n%%EOF\n`,
    ),
  ])
}

/** The first page's dictionary; unlike getPage(), it leaves the page's content streams alone. */
export const firstPageNode = (doc: PDFDocument): PDFPageLeaf =>
  doc.context.lookup(doc.catalog.Pages().lookup(PDFName.of('Kids'), PDFArray).get(0)) as PDFPageLeaf

/** Adds an annotation to the first page without pdf-lib's normalising of the page's content. */
export const addAnnotation = (doc: PDFDocument, annot: PDFRef) => {
  const node = firstPageNode(doc)
  const annots = node.lookupMaybe(PDFName.of('Annots'), PDFArray)
  if (annots) annots.push(annot)
  else node.set(PDFName.of('Annots'), doc.context.obj([annot]))
}
