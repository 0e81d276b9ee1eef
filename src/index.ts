/**
 * parley-chat: the embeddable support chat widget (`init`, `<parley-chat>`) and the headless
 * client (`createClient`) for teams that build their own UI. Every export is listed by name;
 * test/unit/exports.test.ts pins this list.
 */
export { defineParleyElement, getWidget, init } from './embed/index.js';
export type { ParleyWidget, StorageMode, WidgetEvents, WidgetOptions } from './embed/index.js';

export {
  HttpError,
  NetworkError,
  OptionError,
  PERSISTED_KEYS,
  ParleyError,
  REDACTED,
  ResponseError,
  createBrowserEnvironment,
  createClient,
  createContextSource,
  createHttpTransport,
  createMemoryStorage,
  createWebStorage,
  isHttpError,
  isNetworkError,
  isOptionError,
  isParleyError,
  isPersistedKey,
  isResponseError,
  isTransientError,
  redactUrl,
  systemClock,
  watchNavigation,
  withConsent,
} from './core/index.js';
export type {
  ClientEvents,
  ClientMessage,
  ClientOptions,
  ClientStores,
  Clock,
  ConnectionState,
  ConsentStorage,
  ContextSource,
  ContextSourceOptions,
  CustomContext,
  DeliveryState,
  HistoryQuery,
  HttpTransportOptions,
  LiveHandlers,
  LiveOptions,
  NetworkMonitor,
  PageEnvironment,
  ParleyClient,
  ParleyErrorCode,
  ParleyStorage,
  PersistedKey,
  RedactOption,
  SchemaIssue,
  SendOptions,
  SessionState,
  SessionStatus,
  Transport,
  UploadOptions,
} from './core/index.js';
