import type { ContextValue, PageContext } from '../protocol/index.js';
import type { PageEnvironment } from './PageEnvironment.js';
import { type RedactOption, redactUrl } from './redactUrl.js';

export type CustomContext = Record<string, ContextValue>;

export interface ContextSourceOptions {
  /** `false` sends no page context at all. */
  enabled?: boolean;
  /** The host's own context, e.g. `{ orderId: 'A-1042' }`. */
  custom?: CustomContext;
  /** Called before each message leaves; its result joins `custom`. Slow or failing calls are skipped. */
  getContext?: () => CustomContext | Promise<CustomContext>;
  /** How long `getContext` may take, in ms. Default 1000. */
  getContextTimeout?: number;
  /** When set, only these custom keys are sent. */
  allowKeys?: readonly string[];
  /** Extra secret key patterns, or a function applied to every URL after the defaults. */
  redact?: RedactOption;
  onWarning?: (message: string) => void;
}

export interface ContextSource {
  /** What the page looks like now, redacted. `undefined` when context is disabled. */
  snapshot(): PageContext | undefined;
  /** Adds the host's async `getContext()` result, within the time limit; never rejects. */
  enrich(context: PageContext | undefined): Promise<PageContext | undefined>;
  setCustom(custom: CustomContext): void;
}

const MAX_CUSTOM_KEYS = 50;

/** Collects the page context for each message: URL, title, referrer, locale, time zone, viewport, custom. */
export function createContextSource(env: PageEnvironment, options: ContextSourceOptions = {}): ContextSource {
  let custom: CustomContext = { ...(options.custom ?? {}) };
  const warn = options.onWarning ?? (() => undefined);

  const filter = (values: CustomContext): CustomContext | undefined => {
    const entries = Object.entries(values).filter(
      ([key, value]) =>
        (!options.allowKeys || options.allowKeys.includes(key)) &&
        (value === null || ['string', 'number', 'boolean'].includes(typeof value)),
    );
    if (entries.length === 0) return undefined;
    return Object.fromEntries(
      entries.slice(0, MAX_CUSTOM_KEYS).map(([k, v]) => [k.slice(0, 64), typeof v === 'string' ? v.slice(0, 1000) : v]),
    );
  };

  const snapshot = (): PageContext | undefined => {
    if (options.enabled === false) return undefined;
    const { width, height } = env.viewport();
    const referrer = env.referrer();
    const filtered = filter(custom);
    return {
      url: redactUrl(env.url(), options.redact).slice(0, 2048),
      title: env.title().slice(0, 512),
      ...(referrer ? { referrer: redactUrl(referrer, options.redact).slice(0, 2048) } : {}),
      locale: env.language().slice(0, 35),
      timeZone: env.timeZone().slice(0, 64),
      viewport: { width: Math.max(0, Math.round(width)), height: Math.max(0, Math.round(height)) },
      ...(filtered ? { custom: filtered } : {}),
      at: new Date().toISOString(),
    };
  };

  return {
    snapshot,
    async enrich(context) {
      if (!context || !options.getContext) return context;
      const limit = options.getContextTimeout ?? 1000;
      let timer: ReturnType<typeof setTimeout> | undefined;
      try {
        const extra = await Promise.race([
          Promise.resolve().then(options.getContext),
          new Promise<never>((_, reject) => {
            timer = setTimeout(() => reject(new Error(`took longer than ${limit} ms`)), limit);
          }),
        ]);
        const merged = filter({ ...(context.custom ?? {}), ...(extra ?? {}) });
        return merged ? { ...context, custom: merged } : context;
      } catch (error) {
        // getContext is the host's code: a failure costs its extra fields, never the message.
        warn(`Parley: getContext() failed or timed out (${String(error)}); sending the page context without it`);
        return context;
      } finally {
        clearTimeout(timer);
      }
    },
    setCustom(next) {
      custom = { ...next };
    },
  };
}
