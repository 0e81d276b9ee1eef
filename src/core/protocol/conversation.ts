import * as z from 'zod/mini';
import {
  AuthorSchema,
  ClientIdSchema,
  ConversationStatusSchema,
  IdSchema,
  LocaleTagSchema,
  TimestampSchema,
} from './common.js';
import { PageContextSchema } from './context.js';

export const RatingSchema = z.object({
  score: z.int().check(z.gte(1), z.lte(5)),
  comment: z.optional(z.string().check(z.maxLength(2000))),
});

export const ConversationSchema = z.object({
  id: IdSchema,
  /** A short human reference such as `PR-1042`, for the visitor to quote. */
  ref: z.string().check(z.maxLength(32)),
  status: ConversationStatusSchema,
  topic: z.optional(z.nullable(z.string().check(z.maxLength(64)))),
  /** Who answers now: the first-line bot, or a human queue/agent. */
  handler: z.enum(['bot', 'human']),
  assignee: z.optional(z.nullable(AuthorSchema)),
  /** Sequence number of the newest message; 0 when empty. */
  lastSeq: z.int().check(z.nonnegative()),
  /** Highest seq the visitor has read. */
  visitorReadSeq: z.int().check(z.nonnegative()),
  /** Highest seq an agent has read; drives read receipts. */
  agentReadSeq: z.int().check(z.nonnegative()),
  lastMessagePreview: z.optional(z.nullable(z.string().check(z.maxLength(200)))),
  rating: z.optional(z.nullable(RatingSchema)),
  ratingRequested: z.optional(z.boolean()),
  createdAt: TimestampSchema,
  updatedAt: TimestampSchema,
});

export const CreateConversationRequestSchema = z.object({
  /** Idempotency for creation: a retried create with the same clientId returns the same conversation. */
  clientId: ClientIdSchema,
  topic: z.optional(z.string().check(z.maxLength(64))),
  locale: z.optional(LocaleTagSchema),
  context: z.optional(PageContextSchema),
  /** An article the visitor read before asking ("Still need help?"). */
  articleId: z.optional(z.string().check(z.maxLength(128))),
});

export const ConversationResponseSchema = z.object({ conversation: ConversationSchema });
export const ConversationListSchema = z.object({ conversations: z.array(ConversationSchema) });

export const TypingRequestSchema = z.object({ typing: z.boolean() });
export const ReadRequestSchema = z.object({ seq: z.int().check(z.nonnegative()) });
export const RatingRequestSchema = RatingSchema;

export type Rating = z.infer<typeof RatingSchema>;
export type Conversation = z.infer<typeof ConversationSchema>;
export type CreateConversationRequest = z.infer<typeof CreateConversationRequestSchema>;
export type TypingRequest = z.infer<typeof TypingRequestSchema>;
export type ReadRequest = z.infer<typeof ReadRequestSchema>;
