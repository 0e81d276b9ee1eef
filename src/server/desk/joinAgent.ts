import type { Author } from '../../core/protocol/index.js';
import type { ConversationRecord } from '../db/ConversationRepo.js';
import type { ServerContext } from '../ServerContext.js';
import { appendSystemMessage, messageCreated } from './systemMessage.js';
import type { Emit } from './withEvents.js';

/** The agent author for a display name; the id is stable per name so a rejoin is recognised. */
export function agentAuthor(name: string): Author {
  return { role: 'agent', id: `agent:${name.trim().toLowerCase()}`, name: name.trim() };
}

/**
 * Makes `agent` the conversation's assignee and hands it to a human; call inside
 * {@link withEvents}. A different previous agent "leaves" first. No-op when already assigned.
 */
export function joinAgent(
  ctx: ServerContext,
  conversation: ConversationRecord,
  agent: Author,
  emit: Emit,
): ConversationRecord {
  const current = conversation.assignee;
  if (current?.id === agent.id && conversation.handler === 'human') return conversation;
  const visitorId = conversation.visitorId;
  const conversationId = conversation.id;
  if (current) {
    const left = appendSystemMessage(ctx, conversationId, { kind: 'agent.left', name: current.name });
    emit({ type: 'agent.left', conversationId, agent: current }, { visitorId });
    emit(messageCreated(left), { visitorId });
  }
  const joined = appendSystemMessage(ctx, conversationId, { kind: 'agent.joined', name: agent.name });
  const updated = ctx.repos.conversations.update(conversationId, { assignee: agent, handler: 'human' }, ctx.now());
  emit({ type: 'agent.joined', conversationId, agent }, { visitorId });
  emit(messageCreated(joined), { visitorId });
  return updated;
}
