import type {
  Author,
  Conversation,
  ConversationStatus,
  Rating,
} from '../../core/protocol/index.js';
import { newId } from '../ids.js';
import { fromJson, toJson } from './json.js';
import type { Db } from './openDatabase.js';
import type { Viewer } from './VisitorRepo.js';

export interface ConversationRecord {
  id: string;
  visitorId: string;
  /** The host user id of the owning visitor, for "same user" access. */
  ownerUserId: string | null;
  clientId: string;
  refNo: number;
  status: ConversationStatus;
  topic: string | null;
  locale: string | null;
  articleId: string | null;
  handler: 'bot' | 'human';
  assignee: Author | null;
  visitorReadSeq: number;
  agentReadSeq: number;
  lastSeq: number;
  lastPreview: string | null;
  rating: Rating | null;
  ratingRequested: boolean;
  createdAt: string;
  updatedAt: string;
}

interface ConversationRow {
  id: string;
  visitor_id: string;
  owner_user_id: string | null;
  client_id: string;
  ref_no: number;
  status: ConversationStatus;
  topic: string | null;
  locale: string | null;
  article_id: string | null;
  handler: 'bot' | 'human';
  assignee: string | null;
  visitor_read_seq: number;
  agent_read_seq: number;
  last_seq: number;
  last_preview: string | null;
  rating: string | null;
  rating_requested: number;
  created_at: string;
  updated_at: string;
}

export type ConversationPatch = Partial<
  Pick<
    ConversationRecord,
    'status' | 'handler' | 'assignee' | 'visitorReadSeq' | 'agentReadSeq' | 'rating' | 'ratingRequested'
  >
>;

export interface NewConversation {
  visitorId: string;
  clientId: string;
  topic: string | null;
  locale: string | null;
  articleId: string | null;
  handler: 'bot' | 'human';
}

/** The first reference handed out is PR-1001. */
const FIRST_REF_NO = 1001;

const SELECT = `SELECT c.*, v.user_id AS owner_user_id FROM conversations c JOIN visitors v ON v.id = c.visitor_id`;

/** Conversations of a viewer: its own, plus those of other visitors linked to the same user. */
const ACCESSIBLE = `(c.visitor_id = @visitorId OR (@userId IS NOT NULL AND v.user_id = @userId))`;

export class ConversationRepo {
  constructor(private readonly db: Db) {}

  /** Creates a conversation, or returns the one this visitor already created with `clientId`. */
  createOnce(fields: NewConversation, now: Date): { record: ConversationRecord; created: boolean } {
    return this.db
      .transaction(() => {
        const existing = this.findByClientId(fields.visitorId, fields.clientId);
        if (existing) return { record: existing, created: false };
        const max = this.db.prepare('SELECT MAX(ref_no) AS max FROM conversations').get() as {
          max: number | null;
        };
        const id = newId('c');
        const at = now.toISOString();
        this.db
          .prepare(
            `INSERT INTO conversations
              (id, visitor_id, client_id, ref_no, status, topic, locale, article_id, handler, created_at, updated_at)
             VALUES (?, ?, ?, ?, 'open', ?, ?, ?, ?, ?, ?)`,
          )
          .run(
            id,
            fields.visitorId,
            fields.clientId,
            Math.max(FIRST_REF_NO, (max.max ?? 0) + 1),
            fields.topic,
            fields.locale,
            fields.articleId,
            fields.handler,
            at,
            at,
          );
        return { record: this.require(id), created: true };
      })
      .immediate();
  }

  get(id: string): ConversationRecord | undefined {
    const row = this.db.prepare(`${SELECT} WHERE c.id = ?`).get(id) as ConversationRow | undefined;
    return row && toRecord(row);
  }

  /** Like {@link get} for ids the caller just wrote; a miss is a bug, not a 404. */
  require(id: string): ConversationRecord {
    const record = this.get(id);
    if (!record) throw new Error(`conversation ${id} vanished`);
    return record;
  }

  findByClientId(visitorId: string, clientId: string): ConversationRecord | undefined {
    const row = this.db
      .prepare(`${SELECT} WHERE c.visitor_id = ? AND c.client_id = ?`)
      .get(visitorId, clientId) as ConversationRow | undefined;
    return row && toRecord(row);
  }

  /** Newest first. */
  listAccessible(viewer: Viewer): ConversationRecord[] {
    const rows = this.db
      .prepare(`${SELECT} WHERE ${ACCESSIBLE} ORDER BY c.updated_at DESC, c.ref_no DESC`)
      .all(viewer) as ConversationRow[];
    return rows.map(toRecord);
  }

  /** The newest conversation the viewer may see that is not resolved: where a reload lands. */
  newestUnresolved(viewer: Viewer): ConversationRecord | undefined {
    const row = this.db
      .prepare(
        `${SELECT} WHERE ${ACCESSIBLE} AND c.status != 'resolved' ORDER BY c.updated_at DESC, c.ref_no DESC LIMIT 1`,
      )
      .get(viewer) as ConversationRow | undefined;
    return row && toRecord(row);
  }

  /**
   * Every conversation (operator view): first those waiting for a person (handed to a human,
   * nobody assigned yet), then the rest that are unresolved (with the bot or an agent), then
   * resolved ones; newest first within each group.
   */
  listAll(status: ConversationStatus | undefined, limit: number): ConversationRecord[] {
    const where = status ? 'WHERE c.status = ?' : '';
    const rows = this.db
      .prepare(
        `${SELECT} ${where}
         ORDER BY CASE
             WHEN c.status = 'resolved' THEN 2
             WHEN c.handler = 'human' AND c.assignee IS NULL THEN 0
             ELSE 1
           END,
           c.updated_at DESC, c.ref_no DESC
         LIMIT ?`,
      )
      .all(...(status ? [status, limit] : [limit])) as ConversationRow[];
    return rows.map(toRecord);
  }

  /** Applies `patch`; `touch: false` keeps `updated_at` (read markers are not activity). */
  update(id: string, patch: ConversationPatch, now: Date, touch = true): ConversationRecord {
    const sets: string[] = [];
    const values: unknown[] = [];
    const set = (column: string, value: unknown): void => {
      sets.push(`${column} = ?`);
      values.push(value);
    };
    if (patch.status !== undefined) set('status', patch.status);
    if (patch.handler !== undefined) set('handler', patch.handler);
    if (patch.assignee !== undefined) set('assignee', toJson(patch.assignee));
    if (patch.visitorReadSeq !== undefined) set('visitor_read_seq', patch.visitorReadSeq);
    if (patch.agentReadSeq !== undefined) set('agent_read_seq', patch.agentReadSeq);
    if (patch.rating !== undefined) set('rating', toJson(patch.rating));
    if (patch.ratingRequested !== undefined) set('rating_requested', patch.ratingRequested ? 1 : 0);
    if (touch) set('updated_at', now.toISOString());
    if (sets.length === 0) return this.require(id);
    this.db.prepare(`UPDATE conversations SET ${sets.join(', ')} WHERE id = ?`).run(...values, id);
    return this.require(id);
  }
}

export function canAccess(viewer: Viewer, record: ConversationRecord): boolean {
  return (
    record.visitorId === viewer.visitorId ||
    (viewer.userId !== null && record.ownerUserId === viewer.userId)
  );
}

export function formatRef(refNo: number): string {
  return `PR-${refNo}`;
}

/** The wire shape of a conversation. */
export function toConversation(record: ConversationRecord): Conversation {
  return {
    id: record.id,
    ref: formatRef(record.refNo),
    status: record.status,
    topic: record.topic,
    handler: record.handler,
    assignee: record.assignee,
    lastSeq: record.lastSeq,
    visitorReadSeq: record.visitorReadSeq,
    agentReadSeq: record.agentReadSeq,
    lastMessagePreview: record.lastPreview,
    rating: record.rating,
    ratingRequested: record.ratingRequested,
    createdAt: record.createdAt,
    updatedAt: record.updatedAt,
  };
}

function toRecord(row: ConversationRow): ConversationRecord {
  return {
    id: row.id,
    visitorId: row.visitor_id,
    ownerUserId: row.owner_user_id,
    clientId: row.client_id,
    refNo: row.ref_no,
    status: row.status,
    topic: row.topic,
    locale: row.locale,
    articleId: row.article_id,
    handler: row.handler,
    assignee: fromJson<Author>(row.assignee),
    visitorReadSeq: row.visitor_read_seq,
    agentReadSeq: row.agent_read_seq,
    lastSeq: row.last_seq,
    lastPreview: row.last_preview,
    rating: fromJson<Rating>(row.rating),
    ratingRequested: row.rating_requested === 1,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
  };
}

