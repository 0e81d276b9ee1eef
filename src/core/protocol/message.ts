import * as z from 'zod/mini';
import { AttachmentSchema } from './attachment.js';
import { AuthorSchema, ClientIdSchema, IdSchema, TimestampSchema } from './common.js';
import { PageContextSchema } from './context.js';

export const QuickReplySchema = z.object({
  id: z.string().check(z.minLength(1), z.maxLength(64)),
  label: z.string().check(z.minLength(1), z.maxLength(200)),
});

/** Why a system message exists; the client renders it from its own catalog. */
export const SystemEventSchema = z.object({
  kind: z.enum([
    'agent.joined',
    'agent.left',
    'conversation.resolved',
    'conversation.reopened',
    'handoff.requested',
    'rating.submitted',
  ]),
  name: z.optional(z.string().check(z.maxLength(120))),
});

export const RedactionSchema = z.object({
  kind: z.string().check(z.maxLength(40)),
  count: z.int().check(z.positive()),
});

export const MessageSchema = z.object({
  id: IdSchema,
  clientId: z.string().check(z.maxLength(64)),
  conversationId: IdSchema,
  /** Position in the conversation, assigned by the server: the only source of order. */
  seq: z.int().check(z.positive()),
  author: AuthorSchema,
  text: z.string().check(z.maxLength(20000)),
  attachments: z.array(AttachmentSchema),
  quickReplies: z.optional(z.array(QuickReplySchema)),
  context: z.optional(PageContextSchema),
  system: z.optional(SystemEventSchema),
  /** True while a bot reply is still streaming in through `message.delta` events. */
  streaming: z.optional(z.boolean()),
  redactions: z.optional(z.array(RedactionSchema)),
  createdAt: TimestampSchema,
});

export const MAX_TEXT_LENGTH = 10000;
export const MAX_ATTACHMENTS_PER_MESSAGE = 10;

export const SendMessageRequestSchema = z.object({
  /** Makes the send idempotent: the same clientId is stored once, a repeat returns the first result. */
  clientId: ClientIdSchema,
  text: z.string().check(z.maxLength(MAX_TEXT_LENGTH)),
  attachmentIds: z.optional(z.array(IdSchema).check(z.maxLength(MAX_ATTACHMENTS_PER_MESSAGE))),
  quickReplyId: z.optional(z.string().check(z.maxLength(64))),
  context: z.optional(PageContextSchema),
});

export const SendMessageResponseSchema = z.object({
  message: MessageSchema,
  /** True when this clientId was already stored; the message is the original. */
  duplicate: z.boolean(),
});

export const MessagePageSchema = z.object({
  messages: z.array(MessageSchema),
  /** Pass as `before` to fetch the next older page; null when the start is reached. */
  prevCursor: z.nullable(z.string()),
  /** True when `after` paging stopped at `limit` and more newer messages exist. */
  hasMore: z.boolean(),
});

export type QuickReply = z.infer<typeof QuickReplySchema>;
export type SystemEvent = z.infer<typeof SystemEventSchema>;
export type Redaction = z.infer<typeof RedactionSchema>;
export type Message = z.infer<typeof MessageSchema>;
export type SendMessageRequest = z.infer<typeof SendMessageRequestSchema>;
export type SendMessageResponse = z.infer<typeof SendMessageResponseSchema>;
export type MessagePage = z.infer<typeof MessagePageSchema>;
