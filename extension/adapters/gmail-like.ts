/**
 * Gmail-like webmail (Gmail and clones using ARIA roles): a compose dialog with a
 * `role=button` Send control, a subject box and a contenteditable body.
 * @module
 */
import { fieldValue, namesIn, type PageAdapter, sendControlMatching } from './types.ts'

const SEND = [
  '[role="button"][data-tooltip^="Send"]',
  '[role="button"][aria-label^="Send"]',
  '[role="button"][data-tooltip^="Gửi"]',
  '[role="button"][aria-label^="Gửi"]',
].join(',')

export const gmailLikeAdapter: PageAdapter = {
  id: 'gmail-like',
  detect: (doc) =>
    doc.querySelector('[name="subjectbox"], [role="dialog"] [aria-label="Message Body"]') !== null,
  ...sendControlMatching(SEND),
  attachmentNames: (doc) => namesIn(doc, '[role="dialog"] [download], [aria-label^="Attachment:"]'),
  subject: (doc) => fieldValue(doc.querySelector('[name="subjectbox"]')),
  bodyText: (doc) =>
    fieldValue(doc.querySelector('[role="textbox"][contenteditable="true"], [aria-label="Message Body"]')),
  documentNumber: () => '',
  threadKey: (doc) => `gmail:${doc.location.hash || doc.location.pathname}`,
}
