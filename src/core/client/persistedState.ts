import * as z from 'zod/mini';
import {
  AttachmentSchema,
  ConversationSchema,
  MessageSchema,
  PageContextSchema,
  WidgetConfigSchema,
} from '../protocol/index.js';
import type { ParleyStorage, PersistedKey } from '../persistence/index.js';

/**
 * The versioned shapes of everything Parley persists. Data that fails these schemas (corrupt,
 * or written by an older format) is discarded with a warning instead of breaking the widget.
 */
export const STATE_VERSION = 1;

const StoredMessageSchema = z.extend(MessageSchema, {
  id: z.nullable(z.string()),
  seq: z.nullable(z.int()),
  conversationId: z.nullable(z.string()),
  state: z.enum(['pending', 'sent', 'failed']),
  errorCode: z.optional(z.string()),
  localOrder: z.optional(z.number()),
});

/**
 * A file attached to the draft, without its bytes: enough to show after a reload what was
 * attached (an upload cut off by the reload shows as failed, a finished one can still be sent).
 */
export const DraftUploadSchema = z.object({
  id: z.string(),
  name: z.string(),
  size: z.number(),
  type: z.string(),
  state: z.enum(['uploading', 'done', 'failed']),
  problem: z.optional(z.string()),
  attachment: z.optional(AttachmentSchema),
});

export const OutboxEntrySchema = z.object({
  clientId: z.string(),
  text: z.string(),
  attachments: z.array(AttachmentSchema),
  quickReplyId: z.optional(z.string()),
  context: z.optional(PageContextSchema),
  localOrder: z.number(),
  attempts: z.int(),
  failed: z.boolean(),
  errorCode: z.optional(z.string()),
});

const schemas = {
  session: z.object({
    v: z.literal(STATE_VERSION),
    token: z.string(),
    sessionId: z.string(),
    visitorId: z.string(),
    userId: z.optional(z.nullable(z.string())),
  }),
  conversation: z.object({
    v: z.literal(STATE_VERSION),
    conversation: z.nullable(ConversationSchema),
    /** The clientId of a create that may not have reached the server yet. */
    pendingClientId: z.nullable(z.string()),
  }),
  transcript: z.object({
    v: z.literal(STATE_VERSION),
    conversationId: z.nullable(z.string()),
    messages: z.array(StoredMessageSchema),
    /** True when older messages were evicted locally and can be paged in from the server. */
    truncated: z.boolean(),
  }),
  outbox: z.object({ v: z.literal(STATE_VERSION), entries: z.array(OutboxEntrySchema) }),
  cursor: z.object({ v: z.literal(STATE_VERSION), lastEventId: z.nullable(z.string()) }),
  draft: z.object({ v: z.literal(STATE_VERSION), text: z.string(), uploads: z.optional(z.array(DraftUploadSchema)) }),
  locale: z.object({ v: z.literal(STATE_VERSION), locale: z.string() }),
  /** The last widget config, so an offline reload still shows the desk's name and greeting. */
  config: z.object({ v: z.literal(STATE_VERSION), config: WidgetConfigSchema }),
  notices: z.object({ v: z.literal(STATE_VERSION), dismissed: z.array(z.string()) }),
} satisfies Record<PersistedKey, z.ZodMiniType>;

export type PersistedState = { [K in PersistedKey]: z.infer<(typeof schemas)[K]> };
export type OutboxEntry = z.infer<typeof OutboxEntrySchema>;
export type DraftUpload = z.infer<typeof DraftUploadSchema>;

/**
 * Reads one key. Returns `undefined` when it is absent, unreadable or invalid; an invalid value
 * is removed so the next start is clean.
 */
export async function readState<K extends PersistedKey>(
  storage: ParleyStorage,
  key: K,
  warn: (message: string) => void,
): Promise<PersistedState[K] | undefined> {
  let raw: unknown;
  try {
    raw = await storage.get(key);
  } catch (error) {
    warn(`Parley: could not read saved ${key} (${String(error)}); it was discarded`);
    // Remove it, or the same unreadable value warns again on every page load.
    await storage.remove(key).catch(() => undefined);
    return undefined;
  }
  if (raw === undefined || raw === null) return undefined;
  const parsed = schemas[key].safeParse(raw);
  if (parsed.success) return parsed.data as PersistedState[K];
  warn(`Parley: saved ${key} is corrupt or from an older version; it was discarded`);
  await storage.remove(key).catch(() => undefined);
  return undefined;
}
