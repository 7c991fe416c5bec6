/**
 * What the file itself says, read from its bytes with pdf.js (the page's number and the mail
 * subject are only hints): page count, number/notation and date written in the document, and
 * the SHA-256 of the file. The number and date found fill the routing fields.
 * @module
 */
import { h } from '../../components/dom.ts'
import { sha256Hex } from '../../utils/base64.ts'
import { findDocumentDate, firstDocumentNumber, sameNotation } from '../../utils/document-number.ts'
import type { ConsentWindowView } from '../../utils/messages.ts'
import { openPdfPreview } from '../../utils/pdf-preview.ts'
import type { RoutingFields } from './routing-fields.ts'

const groupHex = (hex: string) => hex.match(/.{1,8}/g)?.join(' ') ?? hex

export const createDocumentFacts = ({ view, fields }: { view: ConsentWindowView; fields: RoutingFields }) => {
  const shaOut = h('code', { id: 'sha256' }, '—')
  const pagesOut = h('span', { id: 'pdf-pages' }, '—')
  const pdfNotationOut = h('strong', { id: 'pdf-notation' }, '—')
  const pdfDateOut = h('span', { id: 'pdf-date' }, '—')
  const mismatch = h('p', { class: 'error', id: 'notation-mismatch', hidden: true })
  const problem = h('p', { class: 'error', id: 'file-problem', hidden: true })
  const elements = [
    h('p', {}, 'Số, ký hiệu trong văn bản: ', pdfNotationOut),
    h('p', {}, 'Ngày ghi trong văn bản: ', pdfDateOut),
    h('p', {}, 'Số trang: ', pagesOut),
    h(
      'p',
      { class: 'muted' },
      'Số, ký hiệu trên trang: ',
      h('span', { id: 'found-notation' }, view.notation ?? '—'),
    ),
    mismatch,
    h('p', {}, 'SHA-256 của tệp: ', shaOut),
    problem,
  ]

  /** @returns the file's SHA-256 and page count (null when pdf.js cannot read it) */
  const show = async (bytes: Uint8Array<ArrayBuffer>, fileName: string | null) => {
    const sha256 = await sha256Hex(bytes)
    shaOut.textContent = groupHex(sha256)
    problem.hidden = true
    try {
      const preview = await openPdfPreview(bytes)
      pagesOut.textContent = String(preview.pages)
      const found = firstDocumentNumber(preview.text) ?? (fileName ? firstDocumentNumber(fileName) : null)
      const written = findDocumentDate(preview.text)
      pdfNotationOut.textContent = found?.notation ?? 'không tìm thấy trong văn bản'
      pdfDateOut.textContent = written?.display ?? 'không tìm thấy trong văn bản'
      if (found) {
        // the page's form of the same number keeps its marks (QĐ), otherwise the document's wins
        const { notation, type } = fields
        if (!notation.value || !sameNotation(notation.value, found.notation)) notation.value = found.notation
        type.value = found.typeName
      }
      if (written) fields.date.value = written.iso
      const onPage = view.notation
      mismatch.hidden = !(found && onPage && !sameNotation(found.notation, onPage))
      mismatch.textContent = `Số, ký hiệu trong văn bản (${found?.notation ?? ''}) khác với số trên trang (${onPage ?? ''}). Hãy kiểm tra kỹ trước khi ký.`
      await preview.close()
      return { sha256, pages: preview.pages }
    } catch (error) {
      problem.hidden = false
      problem.textContent = `Không hiển thị được tệp: ${(error as Error).message}. Không nên ký tệp này.`
      return { sha256, pages: null }
    }
  }
  return { elements, show, pages: () => Number(pagesOut.textContent) || undefined }
}

export { groupHex }
