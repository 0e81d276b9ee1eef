/**
 * Just enough of IndexedDB for `createIndexedDbStorage` (happy-dom has none): open with an
 * upgrade that can be aborted (which, as in browsers, leaves no new database behind),
 * get/put/delete/count/getAllKeys in one object store, close, and deleteDatabase (which, as in
 * browsers, sends `versionchange` to open connections and is blocked while any stays open). It
 * records every open and delete, so tests can tell whether a database was created or removed.
 */
export interface FakeIndexedDb {
  factory: IDBFactory;
  /** The databases that exist: name → object store → key → value. */
  databases: Map<string, Map<string, Map<IDBValidKey, unknown>>>;
  /** Every `open()`: whether it ran an upgrade, and whether that upgrade was aborted. */
  opens: Array<{ name: string; upgraded: boolean; aborted: boolean }>;
  /** Every `deleteDatabase()`: whether it was blocked by an open connection, and whether it ran. */
  deletes: Array<{ name: string; blocked: boolean; done: boolean }>;
  /** Connections opened and not yet closed, per database name. */
  openConnections(name: string): number;
}

export function createFakeIndexedDb(): FakeIndexedDb {
  const databases = new Map<string, Map<string, Map<IDBValidKey, unknown>>>();
  const versions = new Map<string, number>();
  const opens: FakeIndexedDb['opens'] = [];
  const deletes: FakeIndexedDb['deletes'] = [];
  type Connection = ReturnType<typeof connection>;
  const live = new Map<string, Set<Connection>>();
  const waiting: Array<() => boolean> = [];

  const connection = (dbName: string, stores: Map<string, Map<IDBValidKey, unknown>>) => ({
    objectStoreNames: { contains: (name: string) => stores.has(name) },
    createObjectStore: (name: string) => void stores.set(name, new Map()),
    onversionchange: null as null | ((event: unknown) => void),
    closed: false,
    close() {
      if (this.closed) return;
      this.closed = true;
      live.get(dbName)?.delete(this);
      // A delete that waited for this connection may run now.
      for (const run of [...waiting]) if (run()) waiting.splice(waiting.indexOf(run), 1);
    },
    transaction(name: string, mode: IDBTransactionMode) {
      if (this.closed) throw new DOMException('The database connection is closing.', 'InvalidStateError');
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
        count: () => ({ result: data.size }),
        getAllKeys() {
          const request = { result: [...data.keys()], onsuccess: null as null | (() => void) };
          // As in browsers, a request's success comes before its transaction completes.
          queueMicrotask(() => request.onsuccess?.());
          return request;
        },
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
        const opened = connection(name, stores);
        request.result = opened;
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
        if (!live.has(name)) live.set(name, new Set());
        live.get(name)!.add(opened);
        request.onsuccess?.();
      }, 0);
      return request;
    },
    deleteDatabase(name: string) {
      const record = { name, blocked: false, done: false };
      deletes.push(record);
      const request = {
        result: undefined,
        error: null,
        onsuccess: null as null | (() => void),
        onerror: null,
        onblocked: null as null | (() => void),
      };
      const run = () => {
        if (live.get(name)?.size) return false;
        databases.delete(name);
        versions.delete(name);
        record.done = true;
        request.onsuccess?.();
        return true;
      };
      setTimeout(() => {
        for (const open of [...(live.get(name) ?? [])]) open.onversionchange?.({ oldVersion: versions.get(name), newVersion: null });
        if (run()) return;
        record.blocked = true;
        request.onblocked?.();
        waiting.push(run);
      }, 0);
      return request;
    },
    databases: async () => [...versions].map(([name, version]) => ({ name, version })),
  };
  return {
    factory: factory as unknown as IDBFactory,
    databases,
    opens,
    deletes,
    openConnections: (name) => live.get(name)?.size ?? 0,
  };
}
