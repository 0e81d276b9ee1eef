import type { FirstLineBot } from './bot/FirstLineBot.js';
import type { DeskConfig } from './defaultConfig.js';
import type { Db } from './db/openDatabase.js';
import type { Repos } from './db/Repos.js';
import type { SessionRecord } from './db/SessionRepo.js';
import type { Viewer, VisitorRecord } from './db/VisitorRepo.js';
import type { KnowledgeBase } from './kb/KnowledgeBase.js';
import type { RateLimiter } from './middleware/RateLimiter.js';
import type { ResolvedLimits } from './options.js';
import type { EventHub } from './sse/EventHub.js';

export interface Logger {
  info(message: string): void;
  error(message: string, error?: unknown): void;
}

/** Everything a route needs, built once per server and passed in (no module-level state). */
export interface ServerContext {
  db: Db;
  repos: Repos;
  hub: EventHub;
  config: DeskConfig;
  limits: ResolvedLimits;
  rateLimiter: RateLimiter;
  uploadsDir: string;
  operatorKey: string;
  identitySecret: string | null;
  pingIntervalMs: number;
  /** Candidate paths of the built console script, tried in order. */
  consoleScripts: string[];
  now: () => Date;
  log: Logger;
  /** The articles behind `/v1/kb/*` and the bot; empty when no `kbDir`. */
  kb: KnowledgeBase;
  /** The first-line bot, or null when it is off. */
  bot: FirstLineBot | null;
}

/** Hono variables set by the auth middleware. */
export interface AppEnv {
  Variables: {
    session: SessionRecord;
    visitor: VisitorRecord;
    viewer: Viewer;
  };
}
