import type { CreateConversationRequest } from '../../core/protocol/index.js';
import type { ConversationRecord } from '../db/ConversationRepo.js';
import { toConversation } from '../db/ConversationRepo.js';
import type { VisitorRecord } from '../db/VisitorRepo.js';
import type { ServerContext } from '../ServerContext.js';
import { withEvents } from './withEvents.js';

/** Creates a conversation once per (visitor, clientId); a retry returns the first one. */
export function createConversation(
  ctx: ServerContext,
  visitor: VisitorRecord,
  body: CreateConversationRequest,
): { record: ConversationRecord; created: boolean } {
  const { conversations, pageVisits, visitors } = ctx.repos;
  return withEvents(ctx, (emit) => {
    const result = conversations.createOnce(
      {
        visitorId: visitor.id,
        clientId: body.clientId,
        topic: body.topic ?? null,
        locale: body.locale ?? visitor.locale,
        articleId: body.articleId ?? null,
        // With the bot off, every conversation goes straight to the human queue.
        handler: ctx.config.features.bot ? 'bot' : 'human',
      },
      ctx.now(),
    );
    if (!result.created) return result;
    if (body.locale && body.locale !== visitor.locale) visitors.update(visitor.id, { locale: body.locale });
    if (body.context) pageVisits.add(visitor.id, result.record.id, body.context, ctx.now());
    emit(
      { type: 'conversation.created', conversationId: result.record.id, conversation: toConversation(result.record) },
      { visitorId: visitor.id },
    );
    return result;
  });
}
