import * as z from 'zod/mini';
import { IdentitySchema, LocaleTagSchema, type ContextValue, type Identity } from '../core/protocol/index.js';
import type { Transport } from '../core/transport/index.js';

/** What to keep between visits: `local` survives restarts, `session` the tab, `none` nothing. */
export type StorageMode = 'local' | 'session' | 'none';

export interface WidgetOptions {
  /** Base URL of a Parley Protocol v1 backend. Required unless `transport` is given. */
  endpoint?: string;
  /**
   * A backend connection to use instead of `endpoint`: an adapter for a non-Parley backend
   * (see examples/custom-transport) or `createMemoryTransport()` for demos and tests.
   */
  transport?: Transport;
  /** Tells several widgets on one page (and their storage) apart. Default `default`. */
  id?: string;
  /** BCP 47 tag. Default: the visitor's saved choice, then `<html lang>`, then the browser's languages. */
  locale?: string;
  /** Theme tokens; see `ThemeOptions`. Unknown keys are ignored with a warning. */
  theme?: Record<string, unknown>;
  position?: 'left' | 'right';
  offset?: { x: number; y: number };
  zIndex?: number;
  /** A host-signed identity token for a logged-in user (see docs/protocol.md). */
  identity?: Identity;
  /** Display details for the desk, never trusted for access. */
  user?: { name?: string; email?: string };
  /** Host context sent with every message, e.g. `{ orderId: 'A-1042' }`; `false` sends no page context. */
  context?: false | Record<string, ContextValue>;
  /** Called before each message leaves; its result joins `context` (time-limited, failures tolerated). */
  getContext?: () => Record<string, ContextValue> | Promise<Record<string, ContextValue>>;
  /** Allow-list of context keys that may be sent. */
  contextKeys?: string[];
  /** Extra secret query keys to redact from URLs, or a function applied to each URL. */
  redact?: Array<string | RegExp> | ((url: string) => string);
  storage?: StorageMode;
  /** Messages kept on the device at most; older ones are evicted and paged in from the server. Default 500. */
  maxStoredMessages?: number;
  /** Approximate bytes of transcript kept on the device at most (the newest message always stays). Default 1,000,000. */
  maxStoredBytes?: number;
  /** `required`: nothing is written to storage until the visitor interacts or `grantConsent()` is called. */
  consent?: 'granted' | 'required';
  /** CSP nonce for the `<style>` fallback where constructable stylesheets are unavailable. */
  nonce?: string;
  launcher?: { hidden?: boolean };
  /** Renders the chat inside this element (or selector), with no launcher and no floating panel. */
  target?: Element | string;
  /** String overrides per locale: `{ ru: { 'composer.placeholder': 'Ваш вопрос' } }`. */
  strings?: Record<string, Record<string, unknown>>;
  /** Open the panel as soon as it is ready. */
  open?: boolean;
  /**
   * Your own secrets to keep out of the chat, on top of seed phrases, keys and cards: matches
   * are kind `custom` and follow the desk's policy for it (default: ask the visitor first).
   * Patterns the backend should enforce too belong in its config (`secretPatterns`).
   *
   * @example
   * secretPatterns: [{ name: 'Exchange API secret', pattern: /nwx_sk_[A-Za-z0-9]{24}/ }]
   */
  secretPatterns?: Array<{ name: string; pattern: RegExp }>;
}

type Check = { schema: z.ZodMiniType; expected: string; fallback?: unknown };

const fn = z.custom<(...args: never[]) => unknown>((v) => typeof v === 'function');
const isElement = (v: unknown) => typeof v === 'object' && v !== null && (v as Node).nodeType === 1;
const hasMethods = (...methods: string[]) =>
  z.custom<Transport>(
    (v: unknown) => typeof v === 'object' && v !== null && methods.every((m) => typeof (v as Record<string, unknown>)[m] === 'function'),
  );
const scalar = z.union([z.string(), z.number(), z.boolean(), z.null()]);

const CHECKS: Record<keyof WidgetOptions, Check> = {
  endpoint: { schema: z.string().check(z.regex(/^https?:\/\/\S+$/)), expected: 'an http(s) URL of a Parley backend' },
  transport: {
    schema: hasMethods('setToken', 'createSession', 'sendMessage', 'openEvents'),
    expected: 'an object implementing the Transport interface',
  },
  id: { schema: z.string().check(z.regex(/^[A-Za-z0-9_-]{1,64}$/)), expected: '1–64 letters, digits, "_" or "-"', fallback: 'default' },
  locale: { schema: LocaleTagSchema, expected: 'a BCP 47 tag such as "en" or "ru-RU"', fallback: undefined },
  theme: { schema: z.record(z.string(), z.unknown()), expected: 'an object of theme tokens', fallback: undefined },
  position: { schema: z.enum(['left', 'right']), expected: "'left' or 'right'", fallback: 'right' },
  offset: { schema: z.object({ x: z.number(), y: z.number() }), expected: '{ x: number, y: number } in px', fallback: undefined },
  zIndex: { schema: z.int(), expected: 'an integer', fallback: undefined },
  identity: { schema: IdentitySchema, expected: 'a host-signed { userId, expires, signature }', fallback: undefined },
  user: {
    schema: z.object({ name: z.optional(z.string().check(z.maxLength(120))), email: z.optional(z.string().check(z.email())) }),
    expected: '{ name?: string, email?: string }',
    fallback: undefined,
  },
  context: {
    schema: z.union([z.literal(false), z.record(z.string(), scalar)]),
    expected: 'false or an object of string/number/boolean/null values',
    fallback: undefined,
  },
  getContext: { schema: fn, expected: 'a function returning an object (or a promise of one)', fallback: undefined },
  contextKeys: { schema: z.array(z.string()), expected: 'an array of context key names', fallback: undefined },
  redact: {
    schema: z.union([z.array(z.union([z.string(), z.instanceof(RegExp)])), fn]),
    expected: 'an array of key names/RegExps or a function (url) => url',
    fallback: undefined,
  },
  storage: { schema: z.enum(['local', 'session', 'none']), expected: "'local', 'session' or 'none'", fallback: 'local' },
  maxStoredMessages: { schema: z.int().check(z.positive()), expected: 'a positive integer', fallback: undefined },
  maxStoredBytes: { schema: z.int().check(z.positive()), expected: 'a positive integer', fallback: undefined },
  consent: { schema: z.enum(['granted', 'required']), expected: "'granted' or 'required'", fallback: 'required' },
  nonce: { schema: z.string().check(z.minLength(1)), expected: 'a non-empty string', fallback: undefined },
  launcher: { schema: z.object({ hidden: z.optional(z.boolean()) }), expected: '{ hidden?: boolean }', fallback: undefined },
  target: {
    schema: z.union([z.string().check(z.minLength(1)), z.custom<Element>(isElement)]),
    expected: 'an Element or a CSS selector',
  },
  strings: {
    schema: z.record(z.string(), z.record(z.string(), z.unknown())),
    expected: '{ [locale]: { [key]: string } }',
    fallback: undefined,
  },
  open: { schema: z.boolean(), expected: 'true or false', fallback: undefined },
  secretPatterns: {
    schema: z.array(z.object({ name: z.string().check(z.minLength(1)), pattern: z.instanceof(RegExp) })),
    expected: 'an array of { name: string, pattern: RegExp }',
    fallback: undefined,
  },
};

export interface ParsedOptions {
  options: WidgetOptions | null;
  /** One message per bad option, naming it and the accepted values. */
  errors: string[];
  /** Why the widget cannot start at all, if it cannot. */
  fatal: string | null;
}

/**
 * Validates `init` options one by one, so a single bad option costs only itself: it is reported
 * and replaced by its safe default. Only a missing endpoint (and transport), a bad transport or a bad target stops the widget.
 */
export function parseWidgetOptions(raw: unknown): ParsedOptions {
  if (typeof raw !== 'object' || raw === null) {
    return { options: null, errors: [], fatal: 'Parley: init() needs an options object such as { endpoint: "https://…" }' };
  }
  const input = raw as Record<string, unknown>;
  const errors: string[] = [];
  const result: Record<string, unknown> = {};
  let fatal: string | null = null;
  for (const [key, value] of Object.entries(input)) {
    const check = CHECKS[key as keyof WidgetOptions];
    if (!check) {
      errors.push(`Parley: unknown option \`${key}\`; known options: ${Object.keys(CHECKS).join(', ')}`);
      continue;
    }
    if (value === undefined) continue;
    if (check.schema.safeParse(value).success) {
      result[key] = value;
      continue;
    }
    const got = describe(value);
    if (!('fallback' in check)) {
      fatal = `Parley: option \`${key}\` must be ${check.expected}, got ${got}; the widget did not start`;
      continue;
    }
    errors.push(
      `Parley: option \`${key}\` must be ${check.expected}, got ${got}; using ${check.fallback === undefined ? 'the default' : JSON.stringify(check.fallback)}`,
    );
    if (check.fallback !== undefined) result[key] = check.fallback;
  }
  if (!fatal && result.endpoint === undefined && !input.endpoint && result.transport === undefined) {
    fatal = 'Parley: option `endpoint` is required (the URL of your Parley backend); the widget did not start';
  }
  return { options: fatal ? null : (result as unknown as WidgetOptions), errors, fatal };
}

function describe(value: unknown): string {
  if (typeof value === 'function') return 'a function';
  if (value instanceof RegExp) return String(value);
  try {
    return (JSON.stringify(value) ?? String(value)).slice(0, 80);
  } catch {
    return Object.prototype.toString.call(value);
  }
}
