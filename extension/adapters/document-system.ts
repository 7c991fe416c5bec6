/**
 * Document-management systems differ per province, so their adapter is configured (options
 * page or enterprise policy) with selectors for the attachment list, the send button and the
 * document number field.
 * @module
 */
import type { DocumentSystemConfig } from '../utils/storage.ts'
import { fieldValue, namesIn, type PageAdapter, sendControlMatching } from './types.ts'

export const hostMatches = (configured: string, hostname: string): boolean => {
  const host =
    configured
      .trim()
      .toLowerCase()
      .replace(/^https?:\/\//, '')
      .split(/[/:]/)[0] ?? ''
  if (host.startsWith('*.')) return hostname === host.slice(2) || hostname.endsWith(host.slice(1))
  return hostname === host
}

export const createDocumentSystemAdapter = (config: DocumentSystemConfig): PageAdapter => ({
  id: `document-system:${config.host}`,
  // several systems (and webmail) can share a host: the configured send button must be there too
  detect: (doc) =>
    hostMatches(config.host, doc.location.hostname) && doc.querySelector(config.sendButton) !== null,
  ...sendControlMatching(config.sendButton),
  attachmentNames: (doc) => namesIn(doc, config.attachmentList),
  subject: (doc) => (config.subjectField ? fieldValue(doc.querySelector(config.subjectField)) : doc.title),
  bodyText: () => '',
  documentNumber: (doc) => (config.numberField ? fieldValue(doc.querySelector(config.numberField)) : ''),
  threadKey: (doc) => `document-system:${doc.location.pathname}${doc.location.search}`,
})
