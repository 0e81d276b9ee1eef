import type { DeskConfigOverrides } from './defaultConfig.js';

/** A token bucket: `burst` requests at once, refilled at `perMinute`. */
export interface RateRule {
  burst: number;
  perMinute: number;
}

export interface RateLimits {
  /** `POST /v1/sessions` per client IP. */
  sessions: RateRule;
  /** Visitor message sends per visitor. */
  messages: RateRule;
  /** Visitor uploads per visitor. */
  uploads: RateRule;
  /** Everything else a visitor posts (typing, read, context, …) per visitor. */
  writes: RateRule;
}

export interface LimitsOptions {
  /** Largest JSON body in bytes; default 64 KiB. */
  bodyBytes?: number;
  /** Largest multipart upload body; default the config's `uploads.maxBytes` plus 64 KiB of multipart overhead. */
  uploadBytes?: number;
  /** Per-rule overrides, or `false` to turn rate limiting off (tests, trusted networks). */
  rate?: Partial<RateLimits> | false;
}

/** Settings of the first-line bot (`bot: true` takes the defaults). */
export interface BotOptions {
  /** The bot's display name; default `Assistant`. */
  name?: string;
  /** Answers in a row without a matching article after which the bot hands over to a person; default 2, 0 never. */
  handoffAfter?: number;
}

export interface ParleyServerOptions {
  /** Port to listen on; 0 picks a free one. Default 8787. */
  port?: number;
  /** Default `127.0.0.1`: the reference server is not meant to face the internet directly. */
  host?: string;
  /** Where `parley.sqlite` and `uploads/` live. Default `./.parley-data`. */
  dataDir?: string;
  /** A database file, or `':memory:'`; overrides `<dataDir>/parley.sqlite`. */
  database?: string;
  /** The bearer key of the operator API and console; random when absent. */
  operatorKey?: string;
  /** HMAC secret for host-signed identities; `null` (the default) refuses every identity claim. */
  identitySecret?: string | null;
  /** Overrides of the widget configuration served at `/v1/config`. */
  config?: DeskConfigOverrides;
  limits?: LimitsOptions;
  /** Silences informational logs; errors are always logged. */
  quiet?: boolean;
  /** The clock, injectable for business-hours tests. */
  now?: () => Date;
  /** Interval of `: ping` comments on event streams; default 15 000 ms. */
  pingIntervalMs?: number;
  /** Path of the built console script; default `console.js` next to the server module. */
  consoleScript?: string;
  /**
   * A folder of Markdown articles with front matter for the knowledge base; default the `kb/`
   * folder of a parley-chat checkout when it exists, else none. `false` turns it off.
   */
  kbDir?: string | false;
  /**
   * The first-line bot, which answers new conversations from the knowledge base until the
   * visitor asks for a person. Default off (`config.features.bot` decides when unset).
   */
  bot?: boolean | BotOptions;
}

export interface ResolvedLimits {
  bodyBytes: number;
  uploadBytes: number;
  rate: RateLimits | false;
}

export const DEFAULT_PORT = 8787;
export const DEFAULT_HOST = '127.0.0.1';
export const DEFAULT_DATA_DIR = './.parley-data';
export const DEFAULT_PING_INTERVAL_MS = 15_000;

const KIB = 1024;

/** Generous for people, tight for scripts; a busy desk raises them. */
export const DEFAULT_RATE_LIMITS: RateLimits = {
  sessions: { burst: 60, perMinute: 60 },
  messages: { burst: 30, perMinute: 60 },
  uploads: { burst: 10, perMinute: 20 },
  writes: { burst: 120, perMinute: 240 },
};

export function resolveLimits(limits: LimitsOptions | undefined, uploadMaxBytes: number): ResolvedLimits {
  const rate = limits?.rate;
  return {
    bodyBytes: limits?.bodyBytes ?? 64 * KIB,
    uploadBytes: limits?.uploadBytes ?? uploadMaxBytes + 64 * KIB,
    rate: rate === false ? false : { ...DEFAULT_RATE_LIMITS, ...rate },
  };
}
