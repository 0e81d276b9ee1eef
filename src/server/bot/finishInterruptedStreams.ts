import { withEvents } from '../desk/withEvents.js';
import type { ServerContext } from '../ServerContext.js';

/**
 * Ends replies that were still streaming when the server last stopped (a crash; a normal
 * shutdown finishes them): they keep the text stored so far and stop showing as in progress.
 */
export function finishInterruptedStreams(ctx: ServerContext): void {
  const { messages, conversations } = ctx.repos;
  for (const message of messages.streamingMessages()) {
    const conversation = conversations.get(message.conversationId);
    if (!conversation) continue;
    withEvents(ctx, (emit) => {
      const final = messages.updateStreamingText(message.id, message.text, true);
      emit({ type: 'message.updated', conversationId: final.conversationId, message: final }, { visitorId: conversation.visitorId });
    });
  }
}
