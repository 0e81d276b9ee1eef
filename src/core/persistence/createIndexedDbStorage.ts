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
  let connection: Promise<IDBDatabase | null> | null = null;
  // Opening a missing database creates it, and nothing may be created on the device before
  // consent (`consent: 'required'`), so reads and deletes open the database only if it exists.
  const connect = (create: boolean) => {
    const pending: Promise<IDBDatabase | null> = new Promise<IDBDatabase | null>((resolve, reject) => {
      let missing = false;
      const request = factory.open(DB_NAME, 1);
      request.onupgradeneeded = (event) => {
        if (!create && event.oldVersion === 0) {
          // Aborting the upgrade of a new database leaves no database behind.
          missing = true;
          request.transaction?.abort();
          return;
        }
        if (!request.result.objectStoreNames.contains(STORE)) request.result.createObjectStore(STORE);
      };
      request.onsuccess = () => {
        const opened = request.result;
        // Another tab upgrading the schema or deleting the database (its `clear()`) must not be
        // blocked by us holding it open; the next call here opens afresh.
        opened.onversionchange = () => {
          opened.close();
          if (connection === pending) connection = null;
        };
        resolve(opened);
      };
      request.onerror = () => {
        if (missing) resolve(null);
        else reject(request.error ?? new Error('IndexedDB open failed'));
      };
      request.onblocked = () => reject(new Error('IndexedDB open blocked'));
    });
    return pending;
  };
  const open = async (create: boolean): Promise<IDBDatabase | null> => {
    const pending = (connection ??= connect(create));
    const database = await pending;
    if (database) return database;
    // There was none: the next read looks again (another tab may create it), a write creates it.
    if (connection === pending) connection = null;
    return create ? open(true) : null;
  };

  const run = async <T>(
    mode: IDBTransactionMode,
    body: (store: IDBObjectStore) => IDBRequest<T> | void,
    create = false,
  ): Promise<T | undefined> => {
    // Only a write creates the database; reading or deleting from one that is missing is a no-op.
    const database = await open(create);
    if (!database) return undefined;
    return new Promise<T | undefined>((resolve, reject) => {
      const tx = database.transaction(STORE, mode);
      const request = body(tx.objectStore(STORE));
      tx.oncomplete = () => resolve(request ? request.result : undefined);
      tx.onerror = () => reject(tx.error ?? new Error('IndexedDB transaction failed'));
      tx.onabort = () => reject(tx.error ?? new Error('IndexedDB transaction aborted'));
    });
  };
  const keyOf = (key: PersistedKey) => `${namespace}:${key}`;
  // Widget ids have no ':' and every namespace in one origin's database has the same host, so a
  // key is ours exactly when our prefix is followed by a name without one.
  const isOwnKey = (key: IDBValidKey) =>
    typeof key === 'string' && key.startsWith(`${namespace}:`) && !key.slice(namespace.length + 1).includes(':');

  return {
    kind: 'indexeddb',
    durable: true,
    get: (key) => run('readonly', (store) => store.get(keyOf(key))),
    set: async (key, value) => {
      // JSON round trip: only plain data is persisted, whatever a caller hands us.
      const plain = JSON.parse(JSON.stringify(value)) as unknown;
      await run('readwrite', (store) => store.put(plain, keyOf(key)), true);
    },
    remove: async (key) => {
      await run('readwrite', (store) => store.delete(keyOf(key)));
    },
    clear: async () => {
      // One `parley` database holds every widget of the origin, each under its own namespace:
      // delete only ours, and the database itself once nothing else is in it, so `clear()`
      // leaves no trace on the device (not even an empty database) unless another widget uses it.
      let remaining: IDBRequest<number> | undefined;
      await run('readwrite', (store) => {
        for (const key of PERSISTED_KEYS) store.delete(keyOf(key));
        // Also keys of ours that an older version saved and the allow-list no longer names.
        const keys = store.getAllKeys();
        keys.onsuccess = () => {
          for (const key of keys.result) if (isOwnKey(key)) store.delete(key);
          remaining = store.count();
        };
      });
      if (!remaining || remaining.result > 0) return;
      const database = await open(false);
      if (!database) return;
      database.close();
      connection = null;
      await new Promise<void>((resolve, reject) => {
        const request = factory.deleteDatabase(DB_NAME);
        request.onsuccess = () => resolve();
        request.onerror = () => reject(request.error ?? new Error('IndexedDB delete failed'));
        // A tab running code without our `onversionchange` holds it open: the delete is queued
        // and runs when that tab closes it; our data is already gone, so `clear()` need not wait.
        request.onblocked = () => resolve();
      });
    },
  };
}
