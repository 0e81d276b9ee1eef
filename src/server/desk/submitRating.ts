import type { Rating } from '../../core/protocol/index.js';
import type { ConversationRecord } from '../db/ConversationRepo.js';
import { ProblemError } from '../problem.js';
import type { ServerContext } from '../ServerContext.js';
import { appendSystemMessage, messageCreated } from './systemMessage.js';
import { withEvents } from './withEvents.js';

/**
 * Stores a CSAT rating of a resolved conversation. Repeating the same rating changes nothing (a
 * retried request); a different one replaces it, since the visitor may reconsider.
 */
export function submitRating(ctx: ServerContext, conversation: ConversationRecord, rating: Rating): ConversationRecord {
  if (!ctx.config.features.ratings) throw new ProblemError(409, 'conflict', 'ratings are turned off');
  if (conversation.status !== 'resolved') {
    throw new ProblemError(409, 'conflict', 'only a resolved conversation can be rated');
  }
  const stored: Rating = { score: rating.score, ...(rating.comment ? { comment: rating.comment } : {}) };
  const previous = conversation.rating;
  if (previous && previous.score === stored.score && (previous.comment ?? '') === (stored.comment ?? '')) {
    return conversation;
  }
  return withEvents(ctx, (emit) => {
    const { conversations } = ctx.repos;
    conversations.update(conversation.id, { rating: stored, ratingRequested: false }, ctx.now());
    const system = appendSystemMessage(ctx, conversation.id, { kind: 'rating.submitted' });
    const visitorId = conversation.visitorId;
    emit({ type: 'rating.submitted', conversationId: conversation.id, rating: stored }, { visitorId });
    emit(messageCreated(system), { visitorId });
    return conversations.require(conversation.id);
  });
}
