/**
 * True when a storage write failed because the device's quota is full: a DOMException named
 * `QuotaExceededError` (IndexedDB and Web Storage), or the legacy code 22 that older WebKit
 * throws from `localStorage.setItem`.
 */
export function isQuotaError(error: unknown): boolean {
  const e = error as { name?: unknown; code?: unknown } | null | undefined;
  return e?.name === 'QuotaExceededError' || e?.code === 22;
}
