import * as z from 'zod/mini';
import { AttachmentSchema } from './attachment.js';
import { ClientIdSchema, ConversationStatusSchema, IdSchema } from './common.js';
import { PageContextSchema } from './context.js';
import { ConversationSchema } from './conversation.js';
import { MessageSchema } from './message.js';

/**
 * The operator side of the reference backend (the console). Other backends may have their own
 * agent tools; only the visitor side is required for Protocol v1 compatibility.
 */
export const PageVisitSchema = z.object({
  context: PageContextSchema,
  at: z.string(),
});

export const OperatorConversationSchema = z.object({
  ...ConversationSchema.shape,
  visitor: z.object({
    id: IdSchema,
    userId: z.optional(z.nullable(z.string())),
    name: z.optional(z.nullable(z.string())),
    email: z.optional(z.nullable(z.string())),
    locale: z.optional(z.nullable(z.string())),
  }),
  lastContext: z.optional(z.nullable(PageContextSchema)),
  attachmentCount: z.int(),
  /**
   * The knowledge-base article the visitor read before asking ("Still need help?"). `title` is
   * null when the article is no longer in the knowledge base.
   */
  article: z.optional(
    z.nullable(z.object({ id: z.string().check(z.maxLength(128)), title: z.nullable(z.string()) })),
  ),
});

export const OperatorConversationListSchema = z.object({
  conversations: z.array(OperatorConversationSchema),
});

export const OperatorConversationDetailSchema = z.object({
  conversation: OperatorConversationSchema,
  messages: z.array(MessageSchema),
  pages: z.array(PageVisitSchema),
  attachments: z.array(AttachmentSchema),
});

export const OperatorSendRequestSchema = z.object({
  clientId: ClientIdSchema,
  text: z.string().check(z.maxLength(10000)),
  attachmentIds: z.optional(z.array(IdSchema).check(z.maxLength(10))),
  authorName: z.optional(z.string().check(z.maxLength(120))),
});

export const OperatorStatusRequestSchema = z.object({ status: ConversationStatusSchema });

export type PageVisit = z.infer<typeof PageVisitSchema>;
export type OperatorConversation = z.infer<typeof OperatorConversationSchema>;
export type OperatorConversationDetail = z.infer<typeof OperatorConversationDetailSchema>;
export type OperatorSendRequest = z.infer<typeof OperatorSendRequestSchema>;
