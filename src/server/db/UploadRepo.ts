import type { Attachment } from '../../core/protocol/index.js';
import type { Db } from './openDatabase.js';
import type { Viewer } from './VisitorRepo.js';

export interface UploadRecord {
  id: string;
  /** Null for operator uploads. */
  sessionId: string | null;
  visitorId: string | null;
  name: string;
  type: string;
  size: number;
  kind: 'image' | 'file';
  width: number | null;
  height: number | null;
  path: string;
  createdAt: string;
}

interface UploadRow {
  id: string;
  session_id: string | null;
  visitor_id: string | null;
  name: string;
  type: string;
  size: number;
  kind: 'image' | 'file';
  width: number | null;
  height: number | null;
  path: string;
  created_at: string;
}

export class UploadRepo {
  constructor(private readonly db: Db) {}

  insert(record: UploadRecord): void {
    this.db
      .prepare(
        `INSERT INTO uploads (id, session_id, visitor_id, name, type, size, kind, width, height, path, created_at)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
      )
      .run(
        record.id,
        record.sessionId,
        record.visitorId,
        record.name,
        record.type,
        record.size,
        record.kind,
        record.width,
        record.height,
        record.path,
        record.createdAt,
      );
  }

  get(id: string): UploadRecord | undefined {
    const row = this.db.prepare('SELECT * FROM uploads WHERE id = ?').get(id) as UploadRow | undefined;
    return row && toRecord(row);
  }

  /** Records that a conversation's message references the upload. */
  addRef(uploadId: string, conversationId: string): void {
    this.db
      .prepare('INSERT OR IGNORE INTO attachment_refs (upload_id, conversation_id) VALUES (?, ?)')
      .run(uploadId, conversationId);
  }

  /**
   * Whether the viewer may fetch the upload: it uploaded it, the uploader is the same user, or a
   * message in a conversation the viewer may see references it.
   */
  canAccess(viewer: Viewer, upload: UploadRecord): boolean {
    if (upload.visitorId === viewer.visitorId) return true;
    const row = this.db
      .prepare(
        `SELECT 1 FROM uploads u
           LEFT JOIN visitors uv ON uv.id = u.visitor_id
         WHERE u.id = @uploadId AND (
           (@userId IS NOT NULL AND uv.user_id = @userId)
           OR EXISTS (
             SELECT 1 FROM attachment_refs r
               JOIN conversations c ON c.id = r.conversation_id
               JOIN visitors v ON v.id = c.visitor_id
             WHERE r.upload_id = u.id
               AND (c.visitor_id = @visitorId OR (@userId IS NOT NULL AND v.user_id = @userId))
           )
         )`,
      )
      .get({ uploadId: upload.id, ...viewer });
    return row !== undefined;
  }

  /** Uploads referenced by the conversation's messages, oldest first. */
  forConversation(conversationId: string): UploadRecord[] {
    const rows = this.db
      .prepare(
        `SELECT u.* FROM uploads u JOIN attachment_refs r ON r.upload_id = u.id
         WHERE r.conversation_id = ? ORDER BY u.created_at ASC, u.id ASC`,
      )
      .all(conversationId) as UploadRow[];
    return rows.map(toRecord);
  }

  countForConversation(conversationId: string): number {
    const row = this.db
      .prepare('SELECT COUNT(*) AS n FROM attachment_refs WHERE conversation_id = ?')
      .get(conversationId) as { n: number };
    return row.n;
  }
}

/** The wire shape; `url` is relative to the endpoint and needs the bearer header. */
export function toAttachment(record: UploadRecord, urlPrefix = '/v1/files/'): Attachment {
  const attachment: Attachment = {
    id: record.id,
    name: record.name,
    size: record.size,
    type: record.type,
    kind: record.kind,
    url: `${urlPrefix}${record.id}`,
  };
  if (record.width !== null) attachment.width = record.width;
  if (record.height !== null) attachment.height = record.height;
  return attachment;
}

function toRecord(row: UploadRow): UploadRecord {
  return {
    id: row.id,
    sessionId: row.session_id,
    visitorId: row.visitor_id,
    name: row.name,
    type: row.type,
    size: row.size,
    kind: row.kind,
    width: row.width,
    height: row.height,
    path: row.path,
    createdAt: row.created_at,
  };
}
