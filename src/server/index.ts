/**
 * The Parley reference backend: Protocol v1 over HTTP + SSE with SQLite storage, the operator
 * API and console, for Node 20+. Import it from `parley-chat/server`.
 */
export { createParleyServer } from './createParleyServer.js';
export type { ParleyServer } from './createParleyServer.js';
export { createApp } from './createApp.js';
export type { ParleyApp } from './createApp.js';
export { signIdentity, verifyIdentity } from './identity.js';
export type { IdentityCheck } from './identity.js';
export { defaultConfig } from './defaultConfig.js';
export type { AvailabilitySettings, DeskConfig, DeskConfigOverrides } from './defaultConfig.js';
export { DEFAULT_RATE_LIMITS } from './options.js';
export type { BotOptions, LimitsOptions, ParleyServerOptions, RateLimits, RateRule } from './options.js';
export type { AppEnv } from './ServerContext.js';
export type { Db } from './db/openDatabase.js';
