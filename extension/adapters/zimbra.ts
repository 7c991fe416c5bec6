/**
 * Zimbra web client (classic Ajax UI and the modern UI): the compose view's Send toolbar
 * button and attachment bubbles.
 * @module
 */
import { createWebmailAdapter } from './create-webmail-adapter.ts'

export const zimbraAdapter = createWebmailAdapter({
  id: 'zimbra',
  compose: '.ZmComposeView, [id^="zv__COMPOSE"], [data-testid="composer"]',
  send: [
    '[id^="zb__COMPOSE"][id$="__SEND"]',
    '[id$="__SEND_MENU"]',
    '.ZmComposeView .ZToolbarButton[id*="SEND"]',
    'button[data-testid="BtnSendMail"]',
  ].join(','),
  attachment:
    '.attBubbleContainer .attBubbleHolder, .AttachmentBubble, [data-testid="attachment-container"] [data-testid="attachment"]',
  subject: 'input[id$="_subject_control"], [data-testid="subject"] input',
  body: 'textarea[id$="_body"], [data-testid="composer-body"]',
  threadKey: (doc) => `zimbra:${doc.querySelector('[id^="zv__COMPOSE"]')?.id ?? doc.location.hash}`,
})
