/**
 * Gmail-like webmail (Gmail and clones using ARIA roles): a compose dialog with a
 * `role=button` Send control, a subject box and a contenteditable body.
 * @module
 */
import { createWebmailAdapter } from './create-webmail-adapter.ts'

export const gmailLikeAdapter = createWebmailAdapter({
  id: 'gmail-like',
  compose: '[name="subjectbox"], [role="dialog"] [aria-label="Message Body"]',
  send: [
    '[role="button"][data-tooltip^="Send"]',
    '[role="button"][aria-label^="Send"]',
    '[role="button"][data-tooltip^="Gửi"]',
    '[role="button"][aria-label^="Gửi"]',
  ].join(','),
  attachment: '[role="dialog"] [download], [aria-label^="Attachment:"]',
  subject: '[name="subjectbox"]',
  body: '[role="textbox"][contenteditable="true"], [aria-label="Message Body"]',
  threadKey: (doc) => `gmail:${doc.location.hash || doc.location.pathname}`,
})
