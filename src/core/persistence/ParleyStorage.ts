/**
 * What Parley may persist: an explicit allow-list, so a new piece of state is never saved by
 * accident (Rocket.Chat Livechat's deny-list saved every new key by default).
 */
export const PERSISTED_KEYS = [
  'session',
  'conversation',
  'transcript',
  'outbox',
  'cursor',
  'draft',
  'locale',
  'notices',
  'config',
] as const;

export type PersistedKey = (typeof PERSISTED_KEYS)[number];

/** Where state is kept. All methods may reject (quota, blocked storage); callers tolerate it. */
export interface ParleyStorage {
  readonly kind: 'indexeddb' | 'local' | 'session' | 'memory';
  /** False when this storage does not outlive the page (memory), so the UI can say so. */
  readonly durable: boolean;
  get(key: PersistedKey): Promise<unknown>;
  set(key: PersistedKey, value: unknown): Promise<void>;
  remove(key: PersistedKey): Promise<void>;
  /** Removes every key of this namespace, and nothing else. */
  clear(): Promise<void>;
}

export function isPersistedKey(key: string): key is PersistedKey {
  return (PERSISTED_KEYS as readonly string[]).includes(key);
}
