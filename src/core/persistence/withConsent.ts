import type { ParleyStorage, PersistedKey } from './ParleyStorage.js';

export interface ConsentStorage extends ParleyStorage {
  /** Writes everything held so far and lets later writes through. */
  grant(): Promise<void>;
  readonly granted: boolean;
}

/**
 * Holds writes in memory until consent is given (`consent: 'required'`), so nothing touches the
 * visitor's device before they interact or the host's consent banner says yes. Reads see the
 * held values first, so the widget behaves the same either way. Until then a storage with
 * `peek` (the fallback storage, whose first `get` probes with a write) is read through `peek`.
 */
export function withConsent(storage: ParleyStorage & { peek?: ParleyStorage['get'] }, granted: boolean): ConsentStorage {
  const held = new Map<PersistedKey, { value: unknown } | null>();
  let open = granted;
  return {
    // Getters: a fallback storage learns which candidate works only on first use.
    get kind() {
      return storage.kind;
    },
    get durable() {
      return storage.durable;
    },
    get granted() {
      return open;
    },
    async get(key) {
      const pending = held.get(key);
      if (pending !== undefined) return pending === null ? undefined : pending.value;
      return !open && storage.peek ? storage.peek(key) : storage.get(key);
    },
    async set(key, value) {
      if (open) return storage.set(key, value);
      held.set(key, { value });
    },
    async remove(key) {
      if (open) return storage.remove(key);
      held.set(key, null);
    },
    async clear() {
      held.clear();
      // Clearing is always allowed: it only ever removes what we wrote (and creates nothing).
      await storage.clear();
    },
    async grant() {
      if (open) return;
      open = true;
      for (const [key, entry] of held) {
        if (entry === null) await storage.remove(key);
        else await storage.set(key, entry.value);
      }
      held.clear();
    },
  };
}
