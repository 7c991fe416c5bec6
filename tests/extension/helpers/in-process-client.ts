/**
 * The extension's API client talking to the real documents API in the same process: its
 * fetch goes straight to the app, so unit tests need no port.
 * @module
 */

import type { DocumentsOptions } from '../../../api/documents/documents-service.ts'
import { createApiClient } from '../../../extension/utils/api-client.ts'
import type { DocumentsTestApp } from '../../helpers/documents-app.ts'
import { startScenario } from '../../helpers/documents-scenario.ts'

export const inProcessClient = (app: DocumentsTestApp, token: string | null) =>
  createApiClient({
    baseUrl: 'http://api.test/',
    token,
    fetch: (input, init) => Promise.resolve(app.request(String(input).replace('http://api.test', ''), init)),
  })

/**
 * The extension's usual cast: Sở Tư pháp with its leader (approver) and văn thư (clerk), and
 * Sở Nội vụ with the văn thư who receives.
 * @param documents options of the documents service (e.g. a fake remote-signing provider)
 */
export const startSenderAndRecipient = async ({ documents }: { documents?: DocumentsOptions } = {}) => {
  const app = await startScenario({
    ...(documents ? { documents } : {}),
    agencies: [
      ['000.00.01.H56', 'Sở Tư pháp tỉnh Hà Nam'],
      ['000.00.02.H56', 'Sở Nội vụ tỉnh Hà Nam'],
    ],
  })
  return {
    app,
    leader: await app.official('000.00.01.H56', 'approver', 'Nguyễn Văn Lãnh'),
    clerk: await app.official('000.00.01.H56', 'clerk', 'Trần Thị Văn Thư'),
    recipient: await app.official('000.00.02.H56', 'clerk', 'Lê Văn Nhận'),
  }
}
