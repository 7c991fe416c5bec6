/**
 * Roundcube (Elastic and Larry skins): compose screen `?_task=mail&_action=compose`.
 * Send buttons call `rcmail.command('send')`; attachments are listed in `#attachment-list`,
 * where an upload in progress shows as `li.uploading` (a placeholder without the file's name)
 * until Roundcube replaces it with the file's entry.
 * @module
 */
import { fieldValue, namesIn, type PageAdapter, sendControlMatching } from './types.ts'

const SEND = [
  'button.send',
  'a.button.send',
  'a.send',
  '#rcmbtn_send',
  '[onclick*="command(\'send\'"]',
  '[data-command="send"]',
].join(',')

export const roundcubeAdapter: PageAdapter = {
  id: 'roundcube',
  detect: (doc) =>
    doc.body?.classList.contains('action-compose') === true ||
    (doc.querySelector('#compose-subject, input[name="_subject"]') !== null &&
      doc.querySelector('#attachment-list, #compose-attachments') !== null),
  ...sendControlMatching(SEND),
  attachmentNames: (doc) =>
    namesIn(doc, '#attachment-list > li:not(.uploading)', '.attachment-name, a.filename, .filename'),
  attachmentListComplete: (doc) =>
    doc.querySelector('#attachment-list') !== null &&
    doc.querySelector('#attachment-list > li.uploading') === null,
  subject: (doc) => fieldValue(doc.querySelector('#compose-subject, input[name="_subject"]')),
  bodyText: (doc) => fieldValue(doc.querySelector('#composebody, textarea[name="_message"]')),
  documentNumber: () => '',
  threadKey: (doc) => {
    const params = new URL(doc.location.href).searchParams
    return `roundcube:${params.get('_id') ?? params.get('_reply_uid') ?? params.get('_draft_uid') ?? doc.location.pathname}`
  },
}
