import type { PageContext, PageVisit } from '../../core/protocol/index.js';
import type { Db } from './openDatabase.js';

/** The timeline of pages a visitor saw, from message contexts and SPA navigations. */
export class PageVisitRepo {
  constructor(private readonly db: Db) {}

  add(visitorId: string, conversationId: string | null, context: PageContext, now: Date): PageVisit {
    const at = now.toISOString();
    this.db
      .prepare('INSERT INTO page_visits (visitor_id, conversation_id, context, at) VALUES (?, ?, ?, ?)')
      .run(visitorId, conversationId, JSON.stringify(context), at);
    return { context, at };
  }

  /** The visitor's `limit` most recent visits, oldest first. */
  recent(visitorId: string, limit: number): PageVisit[] {
    const rows = this.db
      .prepare('SELECT context, at FROM page_visits WHERE visitor_id = ? ORDER BY id DESC LIMIT ?')
      .all(visitorId, limit) as Array<{ context: string; at: string }>;
    return rows.reverse().map((row) => ({ context: JSON.parse(row.context) as PageContext, at: row.at }));
  }

  last(visitorId: string): PageContext | null {
    return this.recent(visitorId, 1)[0]?.context ?? null;
  }
}
