import { mkdir, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Hono } from 'hono';
import type { MiddlewareHandler } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import { cors } from 'hono/cors';
import { HTTPException } from 'hono/http-exception';
import type { ProblemCode } from '../core/protocol/index.js';
import { FirstLineBot } from './bot/FirstLineBot.js';
import { finishInterruptedStreams } from './bot/finishInterruptedStreams.js';
import { resolveBotSettings } from './bot/resolveBotSettings.js';
import type { Db } from './db/openDatabase.js';
import { openDatabase } from './db/openDatabase.js';
import { createRepos } from './db/Repos.js';
import { defaultConfig, mergeDeskConfig } from './defaultConfig.js';
import { newToken } from './ids.js';
import { defaultKbDir } from './kb/defaultKbDir.js';
import { openKnowledgeBase } from './kb/openKnowledgeBase.js';
import { RateLimiter } from './middleware/RateLimiter.js';
import type { ParleyServerOptions, ResolvedLimits } from './options.js';
import { DEFAULT_DATA_DIR, DEFAULT_PING_INTERVAL_MS, resolveLimits } from './options.js';
import { ProblemError, problemResponse } from './problem.js';
import { configRoutes } from './routes/config.js';
import { consoleRoutes } from './routes/console.js';
import { contextRoutes } from './routes/context.js';
import { conversationRoutes } from './routes/conversations.js';
import { eventRoutes } from './routes/events.js';
import { kbRoutes } from './routes/kb.js';
import { messageRoutes } from './routes/messages.js';
import { operatorRoutes } from './routes/operator.js';
import { sessionRoutes } from './routes/sessions.js';
import { uploadRoutes } from './routes/uploads.js';
import type { AppEnv, Logger, ServerContext } from './ServerContext.js';
import { EventHub } from './sse/EventHub.js';

/** The app without a listening socket, e.g. for `app.request()` in tests. */
export interface ParleyApp {
  app: Hono<AppEnv>;
  db: Db;
  operatorKey: string;
  /** Where uploaded files are stored. */
  uploadsDir: string;
  /** Ends every event stream; call before closing the HTTP server. */
  closeStreams(): void;
  /** Ends streams, closes the database and removes a temporary data directory. */
  close(): Promise<void>;
}

/**
 * Builds the Parley reference backend as a hono app: opens (and migrates) the database and
 * wires every Protocol v1 route, the operator API and the console.
 *
 * @example
 * const { app, close } = await createApp({ database: ':memory:' });
 * const res = await app.request('/v1/config');
 */
export async function createApp(options: ParleyServerOptions = {}): Promise<ParleyApp> {
  const now = options.now ?? (() => new Date());
  const merged = mergeDeskConfig(defaultConfig, options.config);
  const botSettings = resolveBotSettings(options.bot, merged.features.bot);
  const limits = resolveLimits(options.limits, merged.uploads.maxBytes);
  const log = createLogger(options.quiet ?? false);

  // An in-memory database without a data dir keeps its uploads in a temp dir, removed on close.
  const inMemory = options.database === ':memory:';
  const tempDir = inMemory && options.dataDir === undefined ? await mkdtemp(join(tmpdir(), 'parley-')) : null;
  const dataDir = tempDir ?? resolve(options.dataDir ?? DEFAULT_DATA_DIR);
  const uploadsDir = join(dataDir, 'uploads');
  await mkdir(uploadsDir, { recursive: true });
  const databaseFile = options.database ?? join(dataDir, 'parley.sqlite');
  if (!inMemory) await mkdir(dirname(resolve(databaseFile)), { recursive: true });
  const db = openDatabase(databaseFile);
  const kbDir = options.kbDir === false ? null : (options.kbDir ?? defaultKbDir());
  const kb = await openKnowledgeBase(db, kbDir, log).catch(async (error: unknown) => {
    db.close();
    if (tempDir) await rm(tempDir, { recursive: true, force: true });
    throw error;
  });
  // The config tells widgets what this server really offers, unless the desk said otherwise.
  const config = {
    ...merged,
    features: {
      ...merged.features,
      knowledgeBase: options.config?.features?.knowledgeBase ?? kb.size > 0,
      bot: botSettings !== null,
    },
  };

  const repos = createRepos(db);
  const operatorKey = options.operatorKey ?? newToken();
  const hub = new EventHub(repos.events, repos.visitors, now, (error) => log.error('event delivery failed', error));
  const ctx: ServerContext = {
    db,
    repos,
    hub,
    config,
    limits,
    rateLimiter: new RateLimiter(limits.rate, now),
    uploadsDir,
    operatorKey,
    identitySecret: options.identitySecret ?? null,
    pingIntervalMs: options.pingIntervalMs ?? DEFAULT_PING_INTERVAL_MS,
    consoleScripts: options.consoleScript ? [options.consoleScript] : defaultConsoleScripts(),
    now,
    log,
    kb,
    bot: null,
  };
  if (botSettings) ctx.bot = new FirstLineBot(ctx, kb, botSettings);
  finishInterruptedStreams(ctx);

  let closed = false;
  return {
    app: buildApp(ctx),
    db,
    operatorKey,
    uploadsDir,
    closeStreams: () => hub.closeAll(),
    close: async () => {
      if (closed) return;
      closed = true;
      // Replies still streaming are finished (and stored) before the database closes.
      ctx.bot?.close();
      hub.closeAll();
      db.close();
      if (tempDir) await rm(tempDir, { recursive: true, force: true });
    },
  };
}

function buildApp(ctx: ServerContext): Hono<AppEnv> {
  const app = new Hono<AppEnv>();

  // Widgets run on other origins and authenticate with bearer headers, not cookies, so any
  // origin may call the visitor API. The operator API stays same-origin (the console).
  const visitorCors = cors({
    origin: (origin) => origin || null,
    allowMethods: ['GET', 'POST', 'PATCH', 'DELETE'],
    allowHeaders: ['Authorization', 'Content-Type', 'Last-Event-ID'],
    exposeHeaders: ['Retry-After'],
    maxAge: 600,
  });
  app.use('/v1/*', (c, next) => (c.req.path.startsWith('/v1/operator/') ? next() : visitorCors(c, next)));
  app.use('/v1/*', bodyLimits(ctx.limits));

  app.get('/', (c) => c.json({ name: 'parley-chat', protocol: 1, console: '/console' }));
  app.route('/', configRoutes(ctx));
  app.route('/', sessionRoutes(ctx));
  app.route('/', conversationRoutes(ctx));
  app.route('/', messageRoutes(ctx));
  app.route('/', contextRoutes(ctx));
  app.route('/', uploadRoutes(ctx));
  app.route('/', eventRoutes(ctx));
  app.route('/', kbRoutes(ctx));
  app.route('/', operatorRoutes(ctx));
  app.route('/', consoleRoutes(ctx));

  app.notFound((c) => problemResponse(c, new ProblemError(404, 'not_found', `no route for ${c.req.method} ${c.req.path}`)));
  app.onError((error, c) => {
    if (error instanceof ProblemError) return problemResponse(c, error);
    if (error instanceof HTTPException && error.status < 500) {
      return problemResponse(c, new ProblemError(error.status, codeForStatus(error.status), error.message));
    }
    // Log the cause here; the client gets no stack trace or internals.
    ctx.log.error(`${c.req.method} ${c.req.path} failed`, error);
    return problemResponse(c, new ProblemError(500, 'internal', 'internal server error'));
  });
  return app;
}

/** JSON bodies are small; uploads may be as large as the config allows plus multipart framing. */
function bodyLimits(limits: ResolvedLimits): MiddlewareHandler<AppEnv> {
  const tooLarge = (maxSize: number) => () => {
    throw new ProblemError(413, 'payload_too_large', `request body larger than ${maxSize} bytes`, { maxBytes: maxSize });
  };
  const json = bodyLimit({ maxSize: limits.bodyBytes, onError: tooLarge(limits.bodyBytes) });
  const upload = bodyLimit({ maxSize: limits.uploadBytes, onError: tooLarge(limits.uploadBytes) });
  return (c, next) =>
    c.req.path === '/v1/uploads' || c.req.path === '/v1/operator/uploads' ? upload(c, next) : json(c, next);
}

function codeForStatus(status: number): ProblemCode {
  if (status === 401) return 'unauthorized';
  if (status === 403) return 'forbidden';
  if (status === 404) return 'not_found';
  if (status === 413) return 'payload_too_large';
  if (status === 429) return 'rate_limited';
  if (status === 409) return 'conflict';
  return 'invalid_body';
}

/**
 * Where the built console script may be: next to the bundled server (`dist/server.js`,
 * `dist/cli.js`), or in `dist/` when running from `src/server` during development.
 */
function defaultConsoleScripts(): string[] {
  const here: unknown = import.meta.url;
  // The CommonJS build has no import.meta; its consumers pass `consoleScript` or use the ESM build.
  if (typeof here !== 'string' || !here.startsWith('file:')) return [];
  return [fileURLToPath(new URL('./console.js', here)), fileURLToPath(new URL('../../dist/console.js', here))];
}

function createLogger(quiet: boolean): Logger {
  return {
    info: (message) => {
      if (!quiet) console.log(`parley: ${message}`);
    },
    error: (message, error) => {
      console.error(`parley: ${message}`, error ?? '');
    },
  };
}
