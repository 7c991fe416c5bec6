/**
 * The official's signing key: a non-extractable ECDSA P-256 WebCrypto key pair kept in the
 * extension's IndexedDB (CryptoKey objects survive structured cloning; the private key's bytes
 * never leave the browser's key store).
 * @module
 */
import { createIdbStore } from './idb-store.ts'

const DB_NAME = 'trolyso-keys'
const STORE = 'keys'
const KEY_ID = 'signing'

const run = createIdbStore(DB_NAME, STORE)

export const generateSigningKeys = (): Promise<CryptoKeyPair> =>
  crypto.subtle.generateKey({ name: 'ECDSA', namedCurve: 'P-256' }, false, ['sign', 'verify'])

/** @returns the stored key pair, creating and storing one on first use */
export const loadOrCreateSigningKeys = async (): Promise<{ keys: CryptoKeyPair; created: boolean }> => {
  const existing = await run<CryptoKeyPair | undefined>('readonly', (store) => store.get(KEY_ID))
  if (existing) return { keys: existing, created: false }
  const keys = await generateSigningKeys()
  await run('readwrite', (store) => store.put(keys, KEY_ID))
  return { keys, created: true }
}

export const deleteSigningKeys = async (): Promise<void> => {
  await run('readwrite', (store) => store.delete(KEY_ID))
}

/** @returns base64 of the 64-byte P1363 (r||s) ECDSA signature over `data` */
export const signBytes = async (privateKey: CryptoKey, data: Uint8Array<ArrayBuffer>): Promise<string> => {
  const signature = new Uint8Array(
    await crypto.subtle.sign({ name: 'ECDSA', hash: 'SHA-256' }, privateKey, data),
  )
  let binary = ''
  for (const byte of signature) binary += String.fromCharCode(byte)
  return btoa(binary)
}
