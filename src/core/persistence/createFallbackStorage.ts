import type { ParleyStorage, PersistedKey } from './ParleyStorage.js';

export interface FallbackStorage extends ParleyStorage {
  /**
   * Reads without writing anything: from the chosen candidate once there is one, otherwise from
   * the first that can be read. `withConsent` reads through this until consent is given.
   */
  peek(key: PersistedKey): Promise<unknown>;
}

/**
 * Uses the first candidate that works: each is probed with a real write and read before it is
 * trusted, because blocked storage often looks available (Safari private mode throws only on
 * write; some browsers fail IndexedDB open asynchronously). The last candidate should be
 * memory, which always works; `kind` and `durable` then tell the UI history will not be kept.
 * The probe writes, so it runs on first use but never through `peek` and `clear`.
 */
export function createFallbackStorage(candidates: Array<() => ParleyStorage>, onFallback?: (from: string, error: unknown) => void): FallbackStorage {
  let active: ParleyStorage | null = null;
  let readable: ParleyStorage | null = null;
  let choosing: Promise<ParleyStorage> | null = null;
  let reading: Promise<ParleyStorage> | null = null;
  // One instance per candidate, so reading and then choosing share a connection.
  const made = new Map<number, ParleyStorage>();
  const make = (index: number) => {
    let storage = made.get(index);
    if (!storage) made.set(index, (storage = candidates[index]!()));
    return storage;
  };

  const choose = () =>
    (choosing ??= (async () => {
      for (const index of candidates.keys()) {
        let storage: ParleyStorage | null = null;
        try {
          storage = make(index);
          if (index < candidates.length - 1) {
            // Write back what is there, so probing never costs saved state.
            const existing = await readProbe(storage);
            await storage.set('cursor', existing ?? { probe: true });
            if (existing === undefined) await storage.remove('cursor');
          }
          active = storage;
          return storage;
        } catch (error) {
          onFallback?.(storage?.kind ?? `candidate ${index}`, error);
        }
      }
      throw new Error('Parley: no storage candidate works');
    })());

  // A read-only probe: whether writes work is learnt only when writing is allowed. A candidate
  // that fails here is skipped silently; `choose` warns if it fails for writing too.
  const reader = () =>
    (reading ??= (async () => {
      for (const index of candidates.keys()) {
        try {
          const storage = make(index);
          if (index < candidates.length - 1) await readProbe(storage);
          readable = storage;
          return storage;
        } catch {
          continue;
        }
      }
      throw new Error('Parley: no storage candidate can be read');
    })());

  return {
    get kind() {
      return (active ?? readable)?.kind ?? 'memory';
    },
    get durable() {
      return (active ?? readable)?.durable ?? false;
    },
    get: async (key) => (await choose()).get(key),
    set: async (key, value) => (await choose()).set(key, value),
    remove: async (key) => (await choose()).remove(key),
    // Clearing only removes, so it needs no probe: before a choice it clears what reads came from.
    clear: async () => (active ?? (await reader())).clear(),
    peek: async (key) => (active ?? (await reader())).get(key),
  };
}

/**
 * The saved cursor, or undefined when there is none or it is not valid JSON: a corrupt value
 * says nothing about whether the storage works, and must not push the widget into memory-only
 * mode (it is overwritten by the probe instead).
 */
async function readProbe(storage: ParleyStorage): Promise<unknown> {
  try {
    return await storage.get('cursor');
  } catch (error) {
    if (error instanceof SyntaxError) return undefined;
    throw error;
  }
}
