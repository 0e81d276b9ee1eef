import type { ParleyStorage } from './ParleyStorage.js';

/** Keeps state for the life of the page only: the fallback when the browser blocks storage. */
export function createMemoryStorage(): ParleyStorage {
  const data = new Map<string, unknown>();
  return {
    kind: 'memory',
    durable: false,
    get: async (key) => structuredCloneSafe(data.get(key)),
    set: async (key, value) => {
      data.set(key, structuredCloneSafe(value));
    },
    remove: async (key) => {
      data.delete(key);
    },
    clear: async () => data.clear(),
  };
}

// A copy, so callers cannot mutate what was stored (the same semantics as real storage).
function structuredCloneSafe<T>(value: T): T {
  return value === undefined ? value : (JSON.parse(JSON.stringify(value)) as T);
}
