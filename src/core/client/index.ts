export { createClient } from './createClient.js';
export type { ClientEvents, ParleyClient, SendOptions } from './ParleyClient.js';
export type { ClientOptions, NetworkMonitor } from './clientOptions.js';
export type { ClientMessage, DeliveryState } from './ClientMessage.js';
export type { ClientStores, ConnectionState, SessionState, SessionStatus, StorageInfo } from './createStores.js';
export type { DraftUpload } from './persistedState.js';
export type { Clock } from './Clock.js';
export { systemClock } from './Clock.js';
export type { TabChannel } from './createTabSync.js';
