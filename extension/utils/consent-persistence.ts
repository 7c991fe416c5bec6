/**
 * The browser's place for pending consent requests, so they survive the service worker being
 * stopped: metadata in `storage.session` (cleared when the browser closes, not readable by
 * content scripts), the PDF bytes in the extension's IndexedDB (binary, no 10 MB session quota).
 * @module
 */
import { storage } from 'wxt/utils/storage'
import type { ConsentPersistence } from './consent.ts'
import { createIdbStore } from './idb-store.ts'

const DB_NAME = 'trolyso-consents'
const STORE = 'pdf'

type Stored = Awaited<ReturnType<ConsentPersistence['readAll']>>

const requestsItem = storage.defineItem<Stored>('session:consentRequests', { fallback: [] })

const run = createIdbStore(DB_NAME, STORE)

export const browserConsentPersistence = (): ConsentPersistence => ({
  readAll: () => requestsItem.getValue(),
  writeAll: (requests) => requestsItem.setValue(requests),
  putBytes: async (id, bytes) => {
    await run('readwrite', (store) => store.put(bytes, id))
  },
  getBytes: async (id) => {
    const value = (await run('readonly', (store) => store.get(id))) as Uint8Array<ArrayBuffer> | undefined
    return value ? new Uint8Array(value) : null
  },
  deleteBytes: async (id) => {
    await run('readwrite', (store) => store.delete(id))
  },
  byteIds: async () => ((await run('readonly', (store) => store.getAllKeys())) as IDBValidKey[]).map(String),
})
