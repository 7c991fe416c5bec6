/**
 * The QCVN 102 status transitions of a recipient's copy. The header and the status labels
 * are the shared contract (`contracts/documents.ts`), re-exported here for the documents domain.
 * @module
 */
export {
  type DocumentHeader,
  STATUS_LABELS,
  statusLabel,
  ZDocumentHeader,
} from '../../contracts/documents.ts'

/** Recipient transitions: from → allowed next codes (the sender's recall 13 is separate). */
export const RECIPIENT_TRANSITIONS: Record<string, readonly string[]> = {
  '01': ['02', '03'],
  '03': ['04', '05', '06'],
  '04': ['05', '06'],
  '05': ['06'],
  '13': ['15', '16'],
}

/** States a sender may recall from (13). */
export const RECALLABLE = ['01', '03', '04', '05'] as const
