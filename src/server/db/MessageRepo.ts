import type {
  Attachment,
  Author,
  Message,
  PageContext,
  QuickReply,
  Redaction,
  SystemEvent,
} from '../../core/protocol/index.js';
import { newId } from '../ids.js';
import { fromJson, toJson } from './json.js';
import type { Db } from './openDatabase.js';

export interface MessageDraft {
  /** Absent for server-made messages, which use their own id. */
  clientId?: string;
  author: Author;
  text: string;
  attachments?: Attachment[];
  quickReplies?: QuickReply[];
  context?: PageContext;
  system?: SystemEvent;
  /** A bot reply whose text arrives through `message.delta` events. */
  streaming?: boolean;
  /** Secrets the guard replaced in `text` (already redacted). */
  redactions?: Redaction[];
}

interface MessageRow {
  id: string;
  conversation_id: string;
  seq: number;
  client_id: string;
  author: string;
  text: string;
  attachments: string;
  quick_replies: string | null;
  context: string | null;
  system: string | null;
  streaming: number;
  redactions: string | null;
  created_at: string;
}

const PREVIEW_LENGTH = 200;

export class MessageRepo {
  constructor(private readonly db: Db) {}

  /**
   * Appends a message at `last_seq + 1` and moves the conversation's counters. Callers run it
   * inside a transaction, so two sends never read the same `last_seq` and no seq is skipped.
   */
  append(conversationId: string, draft: MessageDraft, now: Date): Message {
    const { last_seq: lastSeq } = this.db
      .prepare('SELECT last_seq FROM conversations WHERE id = ?')
      .get(conversationId) as { last_seq: number };
    const id = newId('m');
    const message: Message = {
      id,
      clientId: draft.clientId ?? id,
      conversationId,
      seq: lastSeq + 1,
      author: draft.author,
      text: draft.text,
      attachments: draft.attachments ?? [],
      createdAt: now.toISOString(),
    };
    if (draft.quickReplies) message.quickReplies = draft.quickReplies;
    if (draft.context) message.context = draft.context;
    if (draft.system) message.system = draft.system;
    if (draft.streaming) message.streaming = true;
    if (draft.redactions && draft.redactions.length > 0) message.redactions = draft.redactions;

    this.db
      .prepare(
        `INSERT INTO messages
          (id, conversation_id, seq, client_id, author, text, attachments, quick_replies, context, system, streaming, created_at)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
      )
      .run(
        id,
        conversationId,
        message.seq,
        message.clientId,
        JSON.stringify(message.author),
        message.text,
        JSON.stringify(message.attachments),
        toJson(message.quickReplies),
        toJson(message.context),
        toJson(message.system),
        draft.streaming ? 1 : 0,
        message.createdAt,
      );
    if (message.redactions) {
      this.db.prepare('UPDATE messages SET redactions = ? WHERE id = ?').run(toJson(message.redactions), id);
    }
    // System messages ("agent joined") would make a poor preview of what was said; a streamed
    // reply has no text yet and sets its preview when it ends.
    const preview = draft.system || draft.streaming ? null : previewOf(message);
    this.db
      .prepare(
        `UPDATE conversations
           SET last_seq = ?, updated_at = ?, last_preview = COALESCE(?, last_preview)
         WHERE id = ?`,
      )
      .run(message.seq, message.createdAt, preview, conversationId);
    return message;
  }

  /**
   * Sets the text of a streaming reply as it grows; `done` ends the stream and makes the text
   * the conversation's preview. Returns the message as stored now.
   */
  updateStreamingText(id: string, text: string, done: boolean): Message {
    this.db.prepare('UPDATE messages SET text = ?, streaming = ? WHERE id = ?').run(text, done ? 0 : 1, id);
    const message = this.require(id);
    if (done) {
      // Said explicitly in the final `message.updated`, so clients drop their streaming state.
      message.streaming = false;
      this.db
        .prepare('UPDATE conversations SET last_preview = ? WHERE id = ? AND last_seq = ?')
        .run(previewOf(message), message.conversationId, message.seq);
    }
    return message;
  }

  /** Replies still marked as streaming, e.g. after a crash cut them off. */
  streamingMessages(): Message[] {
    const rows = this.db.prepare('SELECT * FROM messages WHERE streaming = 1 ORDER BY created_at').all() as MessageRow[];
    return rows.map(toMessage);
  }

  require(id: string): Message {
    const row = this.db.prepare('SELECT * FROM messages WHERE id = ?').get(id) as MessageRow | undefined;
    if (!row) throw new Error(`message ${id} vanished`);
    return toMessage(row);
  }

  findByClientId(conversationId: string, clientId: string): Message | undefined {
    const row = this.db
      .prepare('SELECT * FROM messages WHERE conversation_id = ? AND client_id = ?')
      .get(conversationId, clientId) as MessageRow | undefined;
    return row && toMessage(row);
  }

  /** Up to `limit` messages with `seq > after`, oldest first. */
  after(conversationId: string, after: number, limit: number): Message[] {
    const rows = this.db
      .prepare('SELECT * FROM messages WHERE conversation_id = ? AND seq > ? ORDER BY seq ASC LIMIT ?')
      .all(conversationId, after, limit) as MessageRow[];
    return rows.map(toMessage);
  }

  /** The `limit` newest messages with `seq < before` (all when null), returned oldest first. */
  before(conversationId: string, before: number | null, limit: number): Message[] {
    const rows = this.db
      .prepare(
        'SELECT * FROM messages WHERE conversation_id = ? AND seq < ? ORDER BY seq DESC LIMIT ?',
      )
      .all(conversationId, before ?? Number.MAX_SAFE_INTEGER, limit) as MessageRow[];
    return rows.reverse().map(toMessage);
  }

  /** The newest non-system message's context: where the visitor last wrote from. */
  lastContext(conversationId: string): PageContext | null {
    const row = this.db
      .prepare(
        'SELECT context FROM messages WHERE conversation_id = ? AND context IS NOT NULL ORDER BY seq DESC LIMIT 1',
      )
      .get(conversationId) as { context: string } | undefined;
    return row ? fromJson<PageContext>(row.context) : null;
  }
}

function previewOf(message: Message): string {
  const text = message.text.replace(/\s+/g, ' ').trim();
  if (text !== '') return text.length > PREVIEW_LENGTH ? `${text.slice(0, PREVIEW_LENGTH - 1)}…` : text;
  const names = message.attachments.map((a) => a.name).join(', ');
  return `📎 ${names}`.slice(0, PREVIEW_LENGTH);
}

function toMessage(row: MessageRow): Message {
  const message: Message = {
    id: row.id,
    clientId: row.client_id,
    conversationId: row.conversation_id,
    seq: row.seq,
    author: JSON.parse(row.author) as Author,
    text: row.text,
    attachments: JSON.parse(row.attachments) as Attachment[],
    createdAt: row.created_at,
  };
  const quickReplies = fromJson<QuickReply[]>(row.quick_replies);
  const context = fromJson<PageContext>(row.context);
  const system = fromJson<SystemEvent>(row.system);
  if (quickReplies) message.quickReplies = quickReplies;
  if (context) message.context = context;
  if (system) message.system = system;
  if (row.streaming === 1) message.streaming = true;
  const redactions = fromJson<Redaction[]>(row.redactions);
  if (redactions) message.redactions = redactions;
  return message;
}
