import type { Message, ServerEvent, SystemEvent } from '../../core/protocol/index.js';
import type { ServerContext } from '../ServerContext.js';

/** English fallback text for clients without a catalog entry; the widget renders `system.kind`. */
const FALLBACK_TEXT: Record<SystemEvent['kind'], (name: string) => string> = {
  'agent.joined': (name) => `${name} joined the conversation`,
  'agent.left': (name) => `${name} left the conversation`,
  'conversation.resolved': () => 'The conversation was marked as resolved',
  'conversation.reopened': () => 'The conversation was reopened',
  'handoff.requested': () => 'A human agent was requested',
  'rating.submitted': () => 'Thank you for your rating',
};

/** Appends a system message; the caller emits {@link messageCreated} in the order it wants. */
export function appendSystemMessage(ctx: ServerContext, conversationId: string, system: SystemEvent): Message {
  return ctx.repos.messages.append(
    conversationId,
    { author: { role: 'system' }, text: FALLBACK_TEXT[system.kind](system.name ?? 'An agent'), system },
    ctx.now(),
  );
}

export function messageCreated(message: Message): ServerEvent {
  return { type: 'message.created', conversationId: message.conversationId, message };
}
