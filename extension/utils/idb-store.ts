/**
 * One IndexedDB object store of the extension (the signing key, pending consents' PDF bytes):
 * `run` opens the database, performs one request in its own transaction, and closes it.
 * @module
 */
export type IdbStore = <T>(
  mode: IDBTransactionMode,
  action: (store: IDBObjectStore) => IDBRequest<T>,
) => Promise<T>

export const createIdbStore = (dbName: string, storeName: string): IdbStore => {
  const openDb = (): Promise<IDBDatabase> =>
    new Promise((resolve, reject) => {
      const request = indexedDB.open(dbName, 1)
      request.onupgradeneeded = () => request.result.createObjectStore(storeName)
      request.onsuccess = () => resolve(request.result)
      request.onerror = () => reject(request.error)
    })
  return async (mode, action) => {
    const db = await openDb()
    try {
      return await new Promise((resolve, reject) => {
        const request = action(db.transaction(storeName, mode).objectStore(storeName))
        request.onsuccess = () => resolve(request.result)
        request.onerror = () => reject(request.error)
      })
    } finally {
      db.close()
    }
  }
}
