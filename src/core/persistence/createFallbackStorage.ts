import type { ParleyStorage } from './ParleyStorage.js';

/**
 * Uses the first candidate that works: each is probed with a real write and read before it is
 * trusted, because blocked storage often looks available (Safari private mode throws only on
 * write; some browsers fail IndexedDB open asynchronously). The last candidate should be
 * memory, which always works; `kind` and `durable` then tell the UI history will not be kept.
 */
export function createFallbackStorage(candidates: Array<() => ParleyStorage>, onFallback?: (from: string, error: unknown) => void): ParleyStorage {
  let active: ParleyStorage | null = null;
  let choosing: Promise<ParleyStorage> | null = null;

  const choose = () =>
    (choosing ??= (async () => {
      for (const [index, make] of candidates.entries()) {
        let storage: ParleyStorage | null = null;
        try {
          storage = make();
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

  return {
    get kind() {
      return active?.kind ?? 'memory';
    },
    get durable() {
      return active?.durable ?? false;
    },
    get: async (key) => (await choose()).get(key),
    set: async (key, value) => (await choose()).set(key, value),
    remove: async (key) => (await choose()).remove(key),
    clear: async () => (await choose()).clear(),
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
