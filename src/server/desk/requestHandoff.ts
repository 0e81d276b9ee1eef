import type { ConversationRecord } from '../db/ConversationRepo.js';
import { ProblemError } from '../problem.js';
import type { ServerContext } from '../ServerContext.js';
import { appendSystemMessage, messageCreated } from './systemMessage.js';
import { withEvents } from './withEvents.js';

/** The visitor asks for a human: the conversation leaves the bot. Idempotent. */
export function requestHandoff(ctx: ServerContext, conversation: ConversationRecord): ConversationRecord {
  if (conversation.status === 'resolved') {
    throw new ProblemError(409, 'conversation_resolved', 'reopen the conversation before asking for a human');
  }
  if (conversation.handler === 'human') return conversation;
  return withEvents(ctx, (emit) => {
    ctx.repos.conversations.update(conversation.id, { handler: 'human' }, ctx.now());
    const system = appendSystemMessage(ctx, conversation.id, { kind: 'handoff.requested' });
    emit(messageCreated(system), { visitorId: conversation.visitorId });
    return ctx.repos.conversations.require(conversation.id);
  });
}
