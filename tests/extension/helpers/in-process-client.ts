/**
 * The extension's API client talking to the real documents API in the same process: its
 * fetch goes straight to the app, so unit tests need no port.
 * @module
 */
import { createApiClient } from '../../../extension/utils/api-client.ts'
import type { DocumentsTestApp } from '../../helpers/documents-app.ts'

export const inProcessClient = (app: DocumentsTestApp, token: string | null) =>
  createApiClient({
    baseUrl: 'http://api.test/',
    token,
    fetch: (input, init) => Promise.resolve(app.request(String(input).replace('http://api.test', ''), init)),
  })
