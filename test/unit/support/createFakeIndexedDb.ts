/**
 * Just enough of IndexedDB for `createIndexedDbStorage` (happy-dom has none): open with an
 * upgrade that can be aborted (which, as in browsers, leaves no new database behind), and
 * get/put/delete in one object store. It records every open, so tests can tell whether a
 * database was created.
 */
export interface FakeIndexedDb {
  factory: IDBFactory;
  /** The databases that exist: name → object store → key → value. */
  databases: Map<string, Map<string, Map<IDBValidKey, unknown>>>;
  /** Every `open()`: whether it ran an upgrade, and whether that upgrade was aborted. */
  opens: Array<{ name: string; upgraded: boolean; aborted: boolean }>;
}

export function createFakeIndexedDb(): FakeIndexedDb {
  const databases = new Map<string, Map<string, Map<IDBValidKey, unknown>>>();
  const versions = new Map<string, number>();
  const opens: FakeIndexedDb['opens'] = [];

  const connection = (stores: Map<string, Map<IDBValidKey, unknown>>) => ({
    objectStoreNames: { contains: (name: string) => stores.has(name) },
    createObjectStore: (name: string) => void stores.set(name, new Map()),
    onversionchange: null,
    close: () => undefined,
    transaction(name: string, mode: IDBTransactionMode) {
      const data = stores.get(name);
      if (!data) throw new DOMException(`no object store ${name}`, 'NotFoundError');
      const tx = { error: null, oncomplete: null as null | (() => void), onerror: null, onabort: null, objectStore: () => store };
      const writable = () => {
        if (mode !== 'readwrite') throw new DOMException('read-only transaction', 'ReadOnlyError');
      };
      const store = {
        get: (key: IDBValidKey) => ({ result: structuredClone(data.get(key)) }),
        put: (value: unknown, key: IDBValidKey) => (writable(), data.set(key, structuredClone(value)), { result: key }),
        delete: (key: IDBValidKey) => (writable(), data.delete(key), { result: undefined }),
      };
      setTimeout(() => tx.oncomplete?.(), 0);
      return tx;
    },
  });

  const factory = {
    open(name: string, version = 1) {
      const record = { name, upgraded: false, aborted: false };
      opens.push(record);
      const request = {
        result: undefined as unknown,
        error: null as DOMException | null,
        transaction: null as { abort(): void } | null,
        onupgradeneeded: null as null | ((event: { oldVersion: number; newVersion: number }) => void),
        onsuccess: null as null | (() => void),
        onerror: null as null | (() => void),
        onblocked: null,
      };
      setTimeout(() => {
        const existing = databases.get(name);
        const stores = existing ?? new Map<string, Map<IDBValidKey, unknown>>();
        request.result = connection(stores);
        const oldVersion = versions.get(name) ?? 0;
        if (oldVersion < version) {
          record.upgraded = true;
          request.transaction = { abort: () => void (record.aborted = true) };
          request.onupgradeneeded?.({ oldVersion, newVersion: version });
          request.transaction = null;
          if (record.aborted) {
            request.result = undefined;
            request.error = new DOMException('The upgrade was aborted', 'AbortError');
            request.onerror?.();
            return;
          }
          databases.set(name, stores);
          versions.set(name, version);
        }
        request.onsuccess?.();
      }, 0);
      return request;
    },
    databases: async () => [...versions].map(([name, version]) => ({ name, version })),
  };
  return { factory: factory as unknown as IDBFactory, databases, opens };
}
