/**
 * Zimbra web client (classic Ajax UI and the modern UI): the compose view's Send toolbar
 * button and attachment bubbles.
 * @module
 */
import { fieldValue, namesIn, type PageAdapter, sendControlMatching } from './types.ts'

const SEND = [
  '[id^="zb__COMPOSE"][id$="__SEND"]',
  '[id$="__SEND_MENU"]',
  '.ZmComposeView .ZToolbarButton[id*="SEND"]',
  'button[data-testid="BtnSendMail"]',
].join(',')

export const zimbraAdapter: PageAdapter = {
  id: 'zimbra',
  detect: (doc) =>
    doc.querySelector('.ZmComposeView, [id^="zv__COMPOSE"], [data-testid="composer"]') !== null,
  ...sendControlMatching(SEND),
  attachmentNames: (doc) =>
    namesIn(
      doc,
      '.attBubbleContainer .attBubbleHolder, .AttachmentBubble, [data-testid="attachment-container"] [data-testid="attachment"]',
    ),
  subject: (doc) =>
    fieldValue(doc.querySelector('input[id$="_subject_control"], [data-testid="subject"] input')),
  bodyText: (doc) => fieldValue(doc.querySelector('textarea[id$="_body"], [data-testid="composer-body"]')),
  documentNumber: () => '',
  threadKey: (doc) => `zimbra:${doc.querySelector('[id^="zv__COMPOSE"]')?.id ?? doc.location.hash}`,
}
