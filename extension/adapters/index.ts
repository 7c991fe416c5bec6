/**
 * Picks the adapter for the current page: configured document systems first (they are
 * explicit), then the known webmail clients, then a generic one that only knows file inputs.
 * @module
 */
import type { DocumentSystemConfig } from '../utils/storage.ts'
import { createDocumentSystemAdapter } from './document-system.ts'
import { gmailLikeAdapter } from './gmail-like.ts'
import { roundcubeAdapter } from './roundcube.ts'
import type { PageAdapter } from './types.ts'
import { zimbraAdapter } from './zimbra.ts'

const SEND_WORDS = /^(gửi|gửi đi|gửi thư|send)$/i

/** Unknown pages: a button whose label is "Gửi"/"Send" counts as the send control. */
export const genericAdapter: PageAdapter = {
  id: 'generic',
  detect: () => true,
  sendControlOf: (el) => {
    const control = el.closest('button, [role="button"], input[type="submit"]')
    if (!(control instanceof HTMLElement)) return null
    const label = (control instanceof HTMLInputElement ? control.value : (control.textContent ?? '')).trim()
    return SEND_WORDS.test(label) ? control : null
  },
  sendControl: (doc) =>
    Array.from(doc.querySelectorAll<HTMLElement>('button, [role="button"]')).find((b) =>
      SEND_WORDS.test((b.textContent ?? '').trim()),
    ) ?? null,
  attachmentNames: () => [],
  subject: (doc) => doc.title,
  bodyText: () => '',
  documentNumber: () => '',
  threadKey: (doc) => `generic:${doc.location.pathname}${doc.location.search}`,
}

export const pickAdapter = (doc: Document, documentSystems: readonly DocumentSystemConfig[]): PageAdapter => {
  const candidates = [
    ...documentSystems.map(createDocumentSystemAdapter),
    roundcubeAdapter,
    zimbraAdapter,
    gmailLikeAdapter,
  ]
  return candidates.find((adapter) => adapter.detect(doc)) ?? genericAdapter
}
