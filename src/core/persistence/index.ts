export { PERSISTED_KEYS, isPersistedKey } from './ParleyStorage.js';
export type { ParleyStorage, PersistedKey } from './ParleyStorage.js';
export { createMemoryStorage } from './createMemoryStorage.js';
export { createWebStorage } from './createWebStorage.js';
export { withConsent } from './withConsent.js';
export type { ConsentStorage } from './withConsent.js';
export { createIndexedDbStorage } from './createIndexedDbStorage.js';
export { createFallbackStorage } from './createFallbackStorage.js';
export { isQuotaError } from './isQuotaError.js';
