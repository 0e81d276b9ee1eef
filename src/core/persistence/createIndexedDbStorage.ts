import type { ParleyStorage, PersistedKey } from './ParleyStorage.js';
import { PERSISTED_KEYS } from './ParleyStorage.js';

const DB_NAME = 'parley';
const STORE = 'state';

/**
 * IndexedDB under a namespace: the default for `storage: 'local'`, because it holds far more
 * than localStorage's ~5 MB and never blocks the main thread. Values are stored as structured
 * clones of plain JSON data. Opening can fail (Firefox private mode before v115, blocked
 * cookies); every method then rejects and the caller falls back.
 */
export function createIndexedDbStorage(factory: IDBFactory, namespace: string): ParleyStorage {
  let db: Promise<IDBDatabase> | null = null;
  const open = () =>
    (db ??= new Promise<IDBDatabase>((resolve, reject) => {
      const request = factory.open(DB_NAME, 1);
      request.onupgradeneeded = () => {
        if (!request.result.objectStoreNames.contains(STORE)) request.result.createObjectStore(STORE);
      };
      request.onsuccess = () => {
        const opened = request.result;
        // Another tab upgrading the schema must not be blocked by us holding it open.
        opened.onversionchange = () => opened.close();
        resolve(opened);
      };
      request.onerror = () => reject(request.error ?? new Error('IndexedDB open failed'));
      request.onblocked = () => reject(new Error('IndexedDB open blocked'));
    }));

  const run = async <T>(mode: IDBTransactionMode, body: (store: IDBObjectStore) => IDBRequest<T> | void): Promise<T | undefined> => {
    const database = await open();
    return new Promise<T | undefined>((resolve, reject) => {
      const tx = database.transaction(STORE, mode);
      const request = body(tx.objectStore(STORE));
      tx.oncomplete = () => resolve(request ? request.result : undefined);
      tx.onerror = () => reject(tx.error ?? new Error('IndexedDB transaction failed'));
      tx.onabort = () => reject(tx.error ?? new Error('IndexedDB transaction aborted'));
    });
  };
  const keyOf = (key: PersistedKey) => `${namespace}:${key}`;

  return {
    kind: 'indexeddb',
    durable: true,
    get: (key) => run('readonly', (store) => store.get(keyOf(key))),
    set: async (key, value) => {
      // JSON round trip: only plain data is persisted, whatever a caller hands us.
      const plain = JSON.parse(JSON.stringify(value)) as unknown;
      await run('readwrite', (store) => store.put(plain, keyOf(key)));
    },
    remove: async (key) => {
      await run('readwrite', (store) => store.delete(keyOf(key)));
    },
    clear: async () => {
      await run('readwrite', (store) => {
        for (const key of PERSISTED_KEYS) store.delete(keyOf(key));
      });
    },
  };
}
