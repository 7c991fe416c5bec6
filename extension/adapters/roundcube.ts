/**
 * Roundcube (Elastic and Larry skins): compose screen `?_task=mail&_action=compose`.
 * Send buttons call `rcmail.command('send')`; attachments are listed in `#attachment-list`,
 * where an upload in progress shows as `li.uploading` (a placeholder without the file's name)
 * until Roundcube replaces it with the file's entry.
 * @module
 */
import { createWebmailAdapter } from './create-webmail-adapter.ts'
import type { PageAdapter } from './types.ts'

const SUBJECT = '#compose-subject, input[name="_subject"]'

const webmail = createWebmailAdapter({
  id: 'roundcube',
  compose: 'body.action-compose',
  send: [
    'button.send',
    'a.button.send',
    'a.send',
    '#rcmbtn_send',
    '[onclick*="command(\'send\'"]',
    '[data-command="send"]',
  ].join(','),
  attachment: '#attachment-list > li:not(.uploading)',
  attachmentName: '.attachment-name, a.filename, .filename',
  subject: SUBJECT,
  body: '#composebody, textarea[name="_message"]',
  threadKey: (doc) => {
    const params = new URL(doc.location.href).searchParams
    return `roundcube:${params.get('_id') ?? params.get('_reply_uid') ?? params.get('_draft_uid') ?? doc.location.pathname}`
  },
})

export const roundcubeAdapter: PageAdapter = {
  ...webmail,
  // skins without the body class: a subject field beside an attachment list
  detect: (doc) =>
    webmail.detect(doc) ||
    (doc.querySelector(SUBJECT) !== null &&
      doc.querySelector('#attachment-list, #compose-attachments') !== null),
  attachmentListComplete: (doc) =>
    doc.querySelector('#attachment-list') !== null &&
    doc.querySelector('#attachment-list > li.uploading') === null,
}
