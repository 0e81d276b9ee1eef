import type { ParleyStorage, PersistedKey } from './ParleyStorage.js';
import { PERSISTED_KEYS } from './ParleyStorage.js';

/**
 * localStorage or sessionStorage under a namespace prefix. Values are JSON. Access to the
 * storage object itself can throw (Safari private mode, sandboxed iframes), so it is read lazily.
 */
export function createWebStorage(area: () => Storage, namespace: string, kind: 'local' | 'session'): ParleyStorage {
  const keyOf = (key: PersistedKey) => `${namespace}:${key}`;
  return {
    kind,
    durable: true,
    async get(key) {
      const raw = area().getItem(keyOf(key));
      return raw === null ? undefined : (JSON.parse(raw) as unknown);
    },
    async set(key, value) {
      area().setItem(keyOf(key), JSON.stringify(value));
    },
    async remove(key) {
      area().removeItem(keyOf(key));
    },
    async clear() {
      for (const key of PERSISTED_KEYS) area().removeItem(keyOf(key));
    },
  };
}
