export { createHttpTransport } from './createHttpTransport.js';
export type { HttpTransportOptions } from './createHttpTransport.js';
export type { HistoryQuery, LiveHandlers, LiveOptions, Transport, UploadOptions } from './Transport.js';
export { createMemoryTransport } from './createMemoryTransport.js';
export type { MemoryOperation, MemoryTransport, MemoryTransportOptions } from './createMemoryTransport.js';
export type { MemoryClock, MemoryDesk, SeedMessage } from './memory/createMemoryDesk.js';
export type { MemoryConfigOverrides } from './memory/memoryConfig.js';
