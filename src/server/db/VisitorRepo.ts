import type { Db } from './openDatabase.js';
import { newId } from '../ids.js';

export interface VisitorRecord {
  id: string;
  userId: string | null;
  name: string | null;
  email: string | null;
  locale: string | null;
  createdAt: string;
}

interface VisitorRow {
  id: string;
  user_id: string | null;
  name: string | null;
  email: string | null;
  locale: string | null;
  created_at: string;
}

/** Who is asking: a visitor, and the host user it is linked to, if any. */
export interface Viewer {
  visitorId: string;
  userId: string | null;
}

export type VisitorPatch = Partial<Pick<VisitorRecord, 'userId' | 'name' | 'email' | 'locale'>>;

const columns: Record<keyof VisitorPatch, string> = {
  userId: 'user_id',
  name: 'name',
  email: 'email',
  locale: 'locale',
};

export class VisitorRepo {
  constructor(private readonly db: Db) {}

  create(fields: VisitorPatch, now: Date): VisitorRecord {
    const record: VisitorRecord = {
      id: newId('v'),
      userId: fields.userId ?? null,
      name: fields.name ?? null,
      email: fields.email ?? null,
      locale: fields.locale ?? null,
      createdAt: now.toISOString(),
    };
    this.db
      .prepare(
        'INSERT INTO visitors (id, user_id, name, email, locale, created_at) VALUES (?, ?, ?, ?, ?, ?)',
      )
      .run(record.id, record.userId, record.name, record.email, record.locale, record.createdAt);
    return record;
  }

  get(id: string): VisitorRecord | undefined {
    const row = this.db.prepare('SELECT * FROM visitors WHERE id = ?').get(id) as VisitorRow | undefined;
    return row && toRecord(row);
  }

  /** Sets the given fields; fields left out keep their value. */
  update(id: string, patch: VisitorPatch): VisitorRecord | undefined {
    const entries = Object.entries(patch).filter(([, v]) => v !== undefined) as Array<
      [keyof VisitorPatch, string | null]
    >;
    if (entries.length > 0) {
      const set = entries.map(([key]) => `${columns[key]} = ?`).join(', ');
      this.db.prepare(`UPDATE visitors SET ${set} WHERE id = ?`).run(...entries.map(([, v]) => v), id);
    }
    return this.get(id);
  }
}

export function toViewer(visitor: VisitorRecord): Viewer {
  return { visitorId: visitor.id, userId: visitor.userId };
}

function toRecord(row: VisitorRow): VisitorRecord {
  return {
    id: row.id,
    userId: row.user_id,
    name: row.name,
    email: row.email,
    locale: row.locale,
    createdAt: row.created_at,
  };
}
