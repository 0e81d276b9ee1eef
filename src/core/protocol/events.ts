import * as z from 'zod/mini';
import { AuthorSchema, ConversationStatusSchema, IdSchema } from './common.js';
import { PageContextSchema } from './context.js';
import { ConversationSchema, RatingSchema } from './conversation.js';
import { MessageSchema } from './message.js';

const base = { conversationId: IdSchema };

/**
 * Live events. On the wire each is one SSE frame: `id:` a strictly increasing event id (for
 * `Last-Event-ID` resume), `event:` the type, `data:` this object as JSON.
 */
export const ServerEventSchema = z.discriminatedUnion('type', [
  z.object({ type: z.literal('message.created'), ...base, message: MessageSchema }),
  z.object({ type: z.literal('message.updated'), ...base, message: MessageSchema }),
  z.object({
    type: z.literal('message.delta'),
    ...base,
    messageId: IdSchema,
    /** Character offset of `delta` in the final text, so a resumed stream never repeats or skips. */
    offset: z.int().check(z.nonnegative()),
    delta: z.string(),
  }),
  z.object({ type: z.literal('typing'), ...base, author: AuthorSchema, typing: z.boolean() }),
  z.object({ type: z.literal('agent.joined'), ...base, agent: AuthorSchema }),
  z.object({ type: z.literal('agent.left'), ...base, agent: AuthorSchema }),
  z.object({
    type: z.literal('read'),
    ...base,
    reader: z.enum(['visitor', 'agent']),
    seq: z.int().check(z.nonnegative()),
  }),
  z.object({
    type: z.literal('conversation.status'),
    ...base,
    status: ConversationStatusSchema,
    conversation: ConversationSchema,
  }),
  z.object({ type: z.literal('conversation.created'), ...base, conversation: ConversationSchema }),
  z.object({ type: z.literal('rating.requested'), ...base }),
  z.object({ type: z.literal('rating.submitted'), ...base, rating: RatingSchema }),
  z.object({ type: z.literal('context.updated'), ...base, context: PageContextSchema }),
]);

export type ServerEvent = z.infer<typeof ServerEventSchema>;
export type ServerEventType = ServerEvent['type'];
