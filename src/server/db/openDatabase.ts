import Database from 'better-sqlite3';

/** The better-sqlite3 handle type, re-exported so callers need not import the driver. */
export type Db = Database.Database;

/**
 * Migrations in order; `PRAGMA user_version` records how many have run. Append new steps, never
 * edit old ones: a deployed database has already run them.
 */
const MIGRATIONS: readonly string[] = [
  `
  CREATE TABLE visitors (
    id TEXT PRIMARY KEY,
    user_id TEXT,
    name TEXT,
    email TEXT,
    locale TEXT,
    created_at TEXT NOT NULL
  );
  CREATE INDEX visitors_user_id ON visitors(user_id) WHERE user_id IS NOT NULL;

  CREATE TABLE sessions (
    id TEXT PRIMARY KEY,
    token_hash TEXT NOT NULL UNIQUE,
    visitor_id TEXT NOT NULL REFERENCES visitors(id),
    widget_id TEXT,
    created_at TEXT NOT NULL,
    ended_at TEXT
  );

  CREATE TABLE conversations (
    id TEXT PRIMARY KEY,
    visitor_id TEXT NOT NULL REFERENCES visitors(id),
    client_id TEXT NOT NULL,
    ref_no INTEGER NOT NULL UNIQUE,
    status TEXT NOT NULL CHECK (status IN ('open', 'pending', 'resolved')),
    topic TEXT,
    locale TEXT,
    article_id TEXT,
    handler TEXT NOT NULL CHECK (handler IN ('bot', 'human')),
    assignee TEXT,
    visitor_read_seq INTEGER NOT NULL DEFAULT 0,
    agent_read_seq INTEGER NOT NULL DEFAULT 0,
    last_seq INTEGER NOT NULL DEFAULT 0,
    last_preview TEXT,
    rating TEXT,
    rating_requested INTEGER NOT NULL DEFAULT 0,
    created_at TEXT NOT NULL,
    updated_at TEXT NOT NULL,
    UNIQUE (visitor_id, client_id)
  );
  CREATE INDEX conversations_updated ON conversations(updated_at);

  CREATE TABLE messages (
    id TEXT PRIMARY KEY,
    conversation_id TEXT NOT NULL REFERENCES conversations(id),
    seq INTEGER NOT NULL,
    client_id TEXT NOT NULL,
    author TEXT NOT NULL,
    text TEXT NOT NULL,
    attachments TEXT NOT NULL DEFAULT '[]',
    quick_replies TEXT,
    context TEXT,
    system TEXT,
    created_at TEXT NOT NULL,
    UNIQUE (conversation_id, client_id),
    UNIQUE (conversation_id, seq)
  );

  CREATE TABLE events (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    visitor_id TEXT NOT NULL,
    conversation_id TEXT NOT NULL,
    visitor_visible INTEGER NOT NULL,
    type TEXT NOT NULL,
    data TEXT NOT NULL,
    created_at TEXT NOT NULL
  );
  CREATE INDEX events_visitor ON events(visitor_id, id);

  CREATE TABLE page_visits (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    visitor_id TEXT NOT NULL REFERENCES visitors(id),
    conversation_id TEXT,
    context TEXT NOT NULL,
    at TEXT NOT NULL
  );
  CREATE INDEX page_visits_visitor ON page_visits(visitor_id, id);

  CREATE TABLE uploads (
    id TEXT PRIMARY KEY,
    session_id TEXT,
    visitor_id TEXT,
    name TEXT NOT NULL,
    type TEXT NOT NULL,
    size INTEGER NOT NULL,
    kind TEXT NOT NULL CHECK (kind IN ('image', 'file')),
    width INTEGER,
    height INTEGER,
    path TEXT NOT NULL,
    created_at TEXT NOT NULL
  );

  -- Which conversations reference an upload, so the conversation's visitor may fetch it even
  -- when an agent uploaded it.
  CREATE TABLE attachment_refs (
    upload_id TEXT NOT NULL REFERENCES uploads(id),
    conversation_id TEXT NOT NULL REFERENCES conversations(id),
    PRIMARY KEY (upload_id, conversation_id)
  );
  `,
  // 2: streamed bot replies, and the knowledge-base search index. The index is rebuilt from the
  // article files on every start; `locale` is stored but not tokenized, for filtering.
  `
  ALTER TABLE messages ADD COLUMN streaming INTEGER NOT NULL DEFAULT 0;

  CREATE VIRTUAL TABLE kb_fts USING fts5(
    title, body, tags, locale UNINDEXED,
    tokenize = 'unicode61 remove_diacritics 2',
    prefix = '2 3'
  );
  `,
  // 3: what the secret guard replaced with [redacted] in a visitor's message (kind and count).
  `
  ALTER TABLE messages ADD COLUMN redactions TEXT;
  `,
];

/**
 * Opens (creating if needed) the Parley database and brings its schema up to date.
 *
 * @example
 * const db = openDatabase(':memory:');
 */
export function openDatabase(filename: string): Db {
  const db = new Database(filename);
  if (filename !== ':memory:' && filename !== '') {
    // WAL lets the SSE replay queries read while a send is writing.
    db.pragma('journal_mode = WAL');
    db.pragma('synchronous = NORMAL');
  }
  db.pragma('foreign_keys = ON');
  db.pragma('busy_timeout = 5000');
  migrate(db);
  cacheStatements(db);
  return db;
}

/**
 * The repositories prepare their SQL at each call; compiling it was the largest single cost of
 * the server under load (15% of its CPU, bench/server.mjs). Statements are cached by their SQL
 * text, which is always built from constants and column names, never from request data. No code
 * changes a statement's mode (`pluck`, `raw`, `expand`) or iterates one, which a shared cached
 * statement would not survive.
 */
function cacheStatements(db: Db): void {
  const prepare = db.prepare.bind(db);
  const statements = new Map<string, Database.Statement>();
  db.prepare = ((source: string) => {
    let statement = statements.get(source);
    if (!statement) statements.set(source, (statement = prepare(source)));
    return statement;
  }) as Db['prepare'];
}

function migrate(db: Db): void {
  const current = db.pragma('user_version', { simple: true });
  const from = typeof current === 'number' ? current : 0;
  if (from > MIGRATIONS.length) {
    throw new Error(
      `Parley: database schema version ${from} is newer than this server (${MIGRATIONS.length}); upgrade parley-chat`,
    );
  }
  for (let version = from; version < MIGRATIONS.length; version++) {
    const sql = MIGRATIONS[version] as string;
    db.transaction(() => {
      db.exec(sql);
      db.pragma(`user_version = ${version + 1}`);
    }).immediate();
  }
}
