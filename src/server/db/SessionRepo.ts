import type { Db } from './openDatabase.js';
import { newId, newToken, sha256Hex } from '../ids.js';

export interface SessionRecord {
  id: string;
  visitorId: string;
  widgetId: string | null;
  createdAt: string;
  endedAt: string | null;
}

interface SessionRow {
  id: string;
  visitor_id: string;
  widget_id: string | null;
  created_at: string;
  ended_at: string | null;
}

/** Sessions are looked up by the sha256 of their token, so a leaked database grants no access. */
export class SessionRepo {
  constructor(private readonly db: Db) {}

  create(visitorId: string, widgetId: string | null, now: Date): { token: string; session: SessionRecord } {
    const token = newToken();
    const session: SessionRecord = {
      id: newId('s'),
      visitorId,
      widgetId,
      createdAt: now.toISOString(),
      endedAt: null,
    };
    this.db
      .prepare(
        'INSERT INTO sessions (id, token_hash, visitor_id, widget_id, created_at) VALUES (?, ?, ?, ?, ?)',
      )
      .run(session.id, sha256Hex(token), visitorId, widgetId, session.createdAt);
    return { token, session };
  }

  /** The live (not ended) session for a bearer token. */
  findLive(token: string): SessionRecord | undefined {
    const row = this.db
      .prepare('SELECT * FROM sessions WHERE token_hash = ? AND ended_at IS NULL')
      .get(sha256Hex(token)) as SessionRow | undefined;
    return row && toRecord(row);
  }

  end(id: string, now: Date): void {
    this.db
      .prepare('UPDATE sessions SET ended_at = ? WHERE id = ? AND ended_at IS NULL')
      .run(now.toISOString(), id);
  }
}

function toRecord(row: SessionRow): SessionRecord {
  return {
    id: row.id,
    visitorId: row.visitor_id,
    widgetId: row.widget_id,
    createdAt: row.created_at,
    endedAt: row.ended_at,
  };
}
