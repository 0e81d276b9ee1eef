export { createContextSource } from './createContextSource.js';
export type { ContextSource, ContextSourceOptions, CustomContext } from './createContextSource.js';
export { createBrowserEnvironment } from './PageEnvironment.js';
export type { PageEnvironment } from './PageEnvironment.js';
export { REDACTED, redactUrl } from './redactUrl.js';
export type { RedactOption } from './redactUrl.js';
export { watchNavigation } from './watchNavigation.js';
