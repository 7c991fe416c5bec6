/**
 * Finds the document number (`123/QĐ-UBND`) in the document system's number field, the
 * subject, the body or an attachment's file name, so the routing form opens pre-filled.
 * @module
 */
import { firstDocumentNumber } from '../utils/document-number.ts'
import type { Feature } from './types.ts'

export const documentNumberPrefill: Feature = {
  id: 'document-number-prefill',
  init: ({ doc, adapter, attachments, setDocumentNumberProvider }) => {
    setDocumentNumberProvider(() => {
      const page = adapter()
      return firstDocumentNumber(
        page.documentNumber(doc),
        page.subject(doc),
        ...attachments.current(page.attachmentNames(doc)).map((a) => a.name),
        page.bodyText(doc),
      )
    })
  },
}
