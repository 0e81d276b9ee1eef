import * as z from 'zod/mini';
import { OptionError } from '../errors/index.js';
import { IdentitySchema, LocaleTagSchema, type Identity, type PageContext } from '../protocol/index.js';
import type { ParleyStorage } from '../persistence/index.js';
import type { Transport } from '../transport/index.js';
import type { Clock } from './Clock.js';
import type { TabChannel } from './createTabSync.js';

/** Tells the client when the browser goes on- or offline, so it reconnects at once. */
export interface NetworkMonitor {
  subscribe(listener: (online: boolean) => void): () => void;
}

export interface ClientOptions {
  /** Base URL of a Parley Protocol v1 backend. Required unless `transport` is given. */
  endpoint?: string;
  /** A custom backend connection; see examples/custom-transport. */
  transport?: Transport;
  /** Where to keep the transcript, outbox and session. Default: memory (nothing survives a reload). */
  storage?: ParleyStorage;
  /** BCP 47 tag; sent to the backend so the right-language specialist can answer. Default `en`. */
  locale?: string;
  /** Used when neither `locale` nor a saved choice exists (the page's or browser's language). */
  fallbackLocale?: string;
  /** A host-signed identity, so a logged-in user gets their conversations on any device. */
  identity?: Identity;
  /** Tells installations apart on one backend, and namespaces storage. */
  widgetId?: string;
  /** The page context to attach to a message, read synchronously at send time. */
  getPageContext?: () => PageContext | undefined;
  /** Adds slow context (the host's async `getContext()`) before a message leaves. Must not reject. */
  enrichContext?: (context: PageContext | undefined) => Promise<PageContext | undefined>;
  network?: NetworkMonitor;
  /** Tabs of one site share a conversation over this bus (a BroadcastChannel in browsers). */
  tabs?: TabChannel;
  /** Runs session creation exclusively across tabs (Web Locks), so two tabs never start two sessions. */
  lock?: (critical: () => Promise<void>) => Promise<void>;
  clock?: Clock;
  /** Request timeout in ms. Default 15000. */
  timeout?: number;
  /** Locally kept messages at most; older ones are paged in from the server. Default 500. */
  maxStoredMessages?: number;
  /** Approximate bytes of transcript kept locally at most. Default 1,000,000. */
  maxStoredBytes?: number;
  /** Where development warnings go. Default `console.warn`. */
  onWarning?: (message: string) => void;
}

const fn = z.custom<(...args: never[]) => unknown>((v) => typeof v === 'function');
const objectWith = (...methods: string[]) =>
  z.custom<object>(
    (v) => typeof v === 'object' && v !== null && methods.every((m) => typeof (v as Record<string, unknown>)[m] === 'function'),
  );

const OptionsSchema = z.object({
  endpoint: z.optional(z.string().check(z.regex(/^https?:\/\/[^\s]+$/))),
  transport: z.optional(objectWith('createSession', 'sendMessage', 'openEvents', 'setToken')),
  storage: z.optional(objectWith('get', 'set', 'remove', 'clear')),
  locale: z.optional(LocaleTagSchema),
  fallbackLocale: z.optional(z.string()),
  identity: z.optional(IdentitySchema),
  widgetId: z.optional(z.string().check(z.regex(/^[A-Za-z0-9_-]{1,64}$/))),
  getPageContext: z.optional(fn),
  enrichContext: z.optional(fn),
  network: z.optional(objectWith('subscribe')),
  tabs: z.optional(objectWith('post', 'subscribe')),
  lock: z.optional(fn),
  clock: z.optional(objectWith('now', 'setTimeout', 'clearTimeout')),
  timeout: z.optional(z.number().check(z.positive())),
  maxStoredMessages: z.optional(z.int().check(z.positive())),
  maxStoredBytes: z.optional(z.int().check(z.positive())),
  onWarning: z.optional(fn),
});

const EXPECTED: Record<string, string> = {
  endpoint: 'an http(s) URL such as "https://support.example.com"',
  transport: 'an object implementing the Transport interface',
  storage: 'an object implementing ParleyStorage (get, set, remove, clear)',
  locale: 'a BCP 47 language tag such as "en" or "ru-RU"',
  identity: 'a host-signed identity { userId, expires, signature }',
  widgetId: '1–64 letters, digits, "_" or "-"',
  timeout: 'a positive number of milliseconds',
  fallbackLocale: 'a BCP 47 language tag such as "en"',
  getPageContext: 'a function returning the page context',
  enrichContext: 'a function returning a promise of the page context',
  network: 'an object with subscribe(listener) returning a cleanup',
  tabs: 'an object with post(message) and subscribe(listener)',
  lock: 'a function (critical) => Promise that runs critical exclusively',
  clock: 'an object with now, setTimeout, clearTimeout',
  maxStoredMessages: 'a positive integer',
  maxStoredBytes: 'a positive integer',
  onWarning: 'a function (message) => void',
};

/** Checks `createClient` options; throws an `OptionError` that names the first bad option. */
export function validateClientOptions(options: unknown): ClientOptions {
  if (typeof options !== 'object' || options === null) {
    throw new OptionError('options', 'must be an object');
  }
  const result = OptionsSchema.safeParse(options);
  if (!result.success) {
    const issue = result.error.issues[0]!;
    const name = String(issue.path[0] ?? 'options');
    const got = JSON.stringify((options as Record<string, unknown>)[name]) ?? 'undefined';
    throw new OptionError(name, `must be ${EXPECTED[name] ?? issue.message}, got ${got.slice(0, 80)}`, {
      details: result.error.issues,
    });
  }
  const valid = options as ClientOptions;
  if (!valid.endpoint && !valid.transport) {
    throw new OptionError('endpoint', 'is required (or pass a `transport`)');
  }
  return valid;
}
