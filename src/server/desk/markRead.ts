import type { ConversationRecord } from '../db/ConversationRepo.js';
import type { ServerContext } from '../ServerContext.js';
import { withEvents } from './withEvents.js';

/**
 * Moves a read marker forward (never back, never past the last message) and tells the other
 * side: a visitor's receipt goes to the desk only, an agent's to the visitor and the desk.
 */
export function markRead(
  ctx: ServerContext,
  conversation: ConversationRecord,
  reader: 'visitor' | 'agent',
  seq: number,
): void {
  const current = reader === 'visitor' ? conversation.visitorReadSeq : conversation.agentReadSeq;
  const next = Math.min(seq, conversation.lastSeq);
  if (next <= current) return;
  withEvents(ctx, (emit) => {
    ctx.repos.conversations.update(
      conversation.id,
      reader === 'visitor' ? { visitorReadSeq: next } : { agentReadSeq: next },
      ctx.now(),
      false,
    );
    emit(
      { type: 'read', conversationId: conversation.id, reader, seq: next },
      { visitorId: conversation.visitorId, visitorVisible: reader === 'agent' },
    );
  });
}
