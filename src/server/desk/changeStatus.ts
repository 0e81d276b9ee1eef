import type { ConversationStatus } from '../../core/protocol/index.js';
import type { ConversationPatch, ConversationRecord } from '../db/ConversationRepo.js';
import { toConversation } from '../db/ConversationRepo.js';
import type { ServerContext } from '../ServerContext.js';
import { appendSystemMessage, messageCreated } from './systemMessage.js';
import type { Emit } from './withEvents.js';

/**
 * Moves a conversation to `status`; call inside {@link withEvents}. Resolving adds a system
 * message and asks for a rating (when ratings are on); leaving `resolved` adds a "reopened"
 * message and clears the old rating so the next resolution can ask again. No-op when unchanged.
 */
export function changeStatus(
  ctx: ServerContext,
  conversation: ConversationRecord,
  status: ConversationStatus,
  emit: Emit,
): ConversationRecord {
  if (conversation.status === status) return conversation;
  const { conversations } = ctx.repos;
  const reopened = conversation.status === 'resolved';
  const askRating = status === 'resolved' && ctx.config.features.ratings;
  const patch: ConversationPatch = { status };
  if (askRating) patch.ratingRequested = true;
  if (reopened) {
    patch.rating = null;
    patch.ratingRequested = false;
  }
  conversations.update(conversation.id, patch, ctx.now());
  const kind = status === 'resolved' ? 'conversation.resolved' : reopened ? 'conversation.reopened' : null;
  const system = kind ? appendSystemMessage(ctx, conversation.id, { kind }) : null;
  // Read back after the system message so the status event carries the current lastSeq.
  const updated = conversations.require(conversation.id);

  const visitorId = conversation.visitorId;
  emit(
    { type: 'conversation.status', conversationId: updated.id, status, conversation: toConversation(updated) },
    { visitorId },
  );
  if (system) emit(messageCreated(system), { visitorId });
  if (askRating) emit({ type: 'rating.requested', conversationId: updated.id }, { visitorId });
  return updated;
}
