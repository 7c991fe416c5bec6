/**
 * A webmail client's adapter from its selectors: the compose screen is there when its
 * selector matches, and the send control, attachment list, subject and body are each found by
 * one selector. Webmail has no document number field.
 * @module
 */
import { fieldValue, namesIn, type PageAdapter, sendControlMatching } from './types.ts'

export type WebmailSelectors = {
  id: string
  /** matches only on the compose screen */
  compose: string
  /** the send control, or an element inside it */
  send: string
  /** each entry of the attachment list */
  attachment: string
  /** the file's name inside an entry, when the entry holds more than the name */
  attachmentName?: string
  subject: string
  body: string
  threadKey: (doc: Document) => string
}

export const createWebmailAdapter = (selectors: WebmailSelectors): PageAdapter => ({
  id: selectors.id,
  detect: (doc) => doc.querySelector(selectors.compose) !== null,
  ...sendControlMatching(selectors.send),
  attachmentNames: (doc) => namesIn(doc, selectors.attachment, selectors.attachmentName),
  subject: (doc) => fieldValue(doc.querySelector(selectors.subject)),
  bodyText: (doc) => fieldValue(doc.querySelector(selectors.body)),
  documentNumber: () => '',
  threadKey: selectors.threadKey,
})
