import {
  createFallbackStorage,
  createIndexedDbStorage,
  createMemoryStorage,
  createWebStorage,
  type ParleyStorage,
} from '../core/index.js';
import type { StorageMode } from './widgetOptions.js';

/**
 * The storage for a mode: `local` prefers IndexedDB, then localStorage; `session` uses
 * sessionStorage; each falls back to memory when the browser blocks it (private modes,
 * sandboxed iframes), which the UI reports as "history will not be kept".
 */
export function chooseStorage(win: Window, mode: StorageMode, namespace: string, warn: (message: string) => void): ParleyStorage {
  if (mode === 'none') return createMemoryStorage();
  const onFallback = (from: string, error: unknown) =>
    warn(`Parley: ${from} storage is unavailable (${String(error)}); trying the next option`);
  if (mode === 'session') {
    return createFallbackStorage([() => createWebStorage(() => win.sessionStorage, namespace, 'session'), createMemoryStorage], onFallback);
  }
  return createFallbackStorage(
    [
      () => {
        if (!win.indexedDB) throw new Error('no IndexedDB');
        return createIndexedDbStorage(win.indexedDB, namespace);
      },
      () => createWebStorage(() => win.localStorage, namespace, 'local'),
      createMemoryStorage,
    ],
    onFallback,
  );
}

/** Storage keys are scoped per site and widget id, so two widgets never share state. */
export function storageNamespace(win: Window, widgetId: string): string {
  return `parley:${win.location.host}:${widgetId}`;
}
