import type { ServerEvent } from '../../core/protocol/index.js';
import type { Db } from './openDatabase.js';
import type { Viewer } from './VisitorRepo.js';

export interface StoredEvent {
  id: number;
  visitorId: string;
  visitorVisible: boolean;
  data: ServerEvent;
}

interface EventRow {
  id: number;
  visitor_id: string;
  visitor_visible: number;
  data: string;
}

/** Stored events back `Last-Event-ID` replay; the id is the SSE event id. */
export class EventRepo {
  constructor(private readonly db: Db) {}

  insert(visitorId: string, visitorVisible: boolean, data: ServerEvent, now: Date): number {
    const result = this.db
      .prepare(
        `INSERT INTO events (visitor_id, conversation_id, visitor_visible, type, data, created_at)
         VALUES (?, ?, ?, ?, ?, ?)`,
      )
      .run(visitorId, data.conversationId, visitorVisible ? 1 : 0, data.type, JSON.stringify(data), now.toISOString());
    return Number(result.lastInsertRowid);
  }

  /**
   * Events a visitor may see with `id > afterId`, oldest first, `limit` at a time. Access is
   * judged by the owner's user id now, as for conversations.
   */
  forViewer(viewer: Viewer, afterId: number, limit: number): StoredEvent[] {
    const rows = this.db
      .prepare(
        `SELECT e.id, e.visitor_id, e.visitor_visible, e.data FROM events e
           JOIN visitors v ON v.id = e.visitor_id
         WHERE e.id > @afterId AND e.visitor_visible = 1
           AND (e.visitor_id = @visitorId OR (@userId IS NOT NULL AND v.user_id = @userId))
         ORDER BY e.id ASC LIMIT @limit`,
      )
      .all({ ...viewer, afterId, limit }) as EventRow[];
    return rows.map(toStored);
  }

  /** Every event with `id > afterId` (the operator stream), oldest first. */
  all(afterId: number, limit: number): StoredEvent[] {
    const rows = this.db
      .prepare('SELECT id, visitor_id, visitor_visible, data FROM events WHERE id > ? ORDER BY id ASC LIMIT ?')
      .all(afterId, limit) as EventRow[];
    return rows.map(toStored);
  }
}

function toStored(row: EventRow): StoredEvent {
  return {
    id: row.id,
    visitorId: row.visitor_id,
    visitorVisible: row.visitor_visible === 1,
    data: JSON.parse(row.data) as ServerEvent,
  };
}
