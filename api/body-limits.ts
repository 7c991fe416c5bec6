/**
 * Which routes take bodies larger than the default 256 KB: PDFs (multipart, drafts in the
 * 'chờ phát hành' queue, and edXML packages
 * carrying a PDF in base64) up to DOCUMENTS_MAX_BYTES, the admin import (both routes) up to 200 MB, and the
 * Telegram webhook up to 1 MB. Everything else is JSON and gets the default.
 * @module
 */

import type { BodyLimitRule } from '../platform/http/limit-body.ts'
import type { Config } from './config.ts'

export const MAX_IMPORT_BYTES = 200 * 1024 * 1024

/** room for the multipart boundaries and the header field next to the PDF */
export const FORM_OVERHEAD = 64 * 1024

export const bodyLimitRules = (config: Config): BodyLimitRule[] => {
  const pdf = config.documents.maxBytes
  return [
    { method: 'POST', path: '/v1/documents', maxBytes: pdf + FORM_OVERHEAD, setting: 'DOCUMENTS_MAX_BYTES' },
    {
      method: 'POST',
      path: '/v1/signing/sessions',
      maxBytes: pdf + FORM_OVERHEAD,
      setting: 'DOCUMENTS_MAX_BYTES',
    },
    {
      method: 'POST',
      path: '/v1/documents/edxml',
      maxBytes: Math.ceil((pdf * 4) / 3) + FORM_OVERHEAD,
      setting: 'DOCUMENTS_MAX_BYTES',
    },
    { method: 'POST', path: '/v1/drafts', maxBytes: pdf + FORM_OVERHEAD, setting: 'DOCUMENTS_MAX_BYTES' },
    {
      method: 'POST',
      path: /^\/v1\/drafts\/[^/]+\/issue$/,
      maxBytes: pdf + FORM_OVERHEAD,
      setting: 'DOCUMENTS_MAX_BYTES',
    },
    { method: 'POST', path: '/v1/admin/import', maxBytes: MAX_IMPORT_BYTES, setting: 'tối đa 200 MB' },
    { method: 'POST', path: '/v1/admin/imports', maxBytes: MAX_IMPORT_BYTES, setting: 'tối đa 200 MB' },
    { method: 'POST', path: '/webhooks/telegram', maxBytes: 1024 * 1024 },
  ]
}
