import type { PageContext } from '../protocol/index.js';
import type { ClientMessage } from './ClientMessage.js';
import type { SendOptions } from './ParleyClient.js';
import type { OutboxEntry } from './persistedState.js';

/** The two views of one message the visitor sends: the outbox entry and the pending bubble. */
export function buildOutgoing(
  text: string,
  options: SendOptions,
  meta: { clientId: string; localOrder: number; context: PageContext | undefined; conversationId: string | null; now: number },
): { entry: OutboxEntry; message: ClientMessage } {
  const { clientId, localOrder, context } = meta;
  const attachments = options.attachments ?? [];
  const entry: OutboxEntry = {
    clientId,
    text,
    attachments,
    localOrder,
    attempts: 0,
    failed: false,
    ...(options.quickReplyId ? { quickReplyId: options.quickReplyId } : {}),
    ...(context ? { context } : {}),
  };
  const message: ClientMessage = {
    id: null,
    seq: null,
    conversationId: meta.conversationId,
    clientId,
    author: { role: 'visitor' },
    text,
    attachments,
    createdAt: new Date(meta.now).toISOString(),
    state: 'pending',
    localOrder,
    ...(context ? { context } : {}),
    ...(options.redactions?.length ? { redactions: options.redactions } : {}),
  };
  return { entry, message };
}
