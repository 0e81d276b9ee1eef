import type { ClientMessage } from '../../../src/core/client/ClientMessage.js';
import type { AuthorRole, Conversation, Message, WidgetConfig } from '../../../src/core/protocol/index.js';

const AT = '2025-01-15T12:00:00.000Z';

export function makeConversation(patch: Partial<Conversation> = {}): Conversation {
  return {
    id: 'conv_1',
    ref: 'PR-1001',
    status: 'open',
    handler: 'bot',
    assignee: null,
    lastSeq: 0,
    visitorReadSeq: 0,
    agentReadSeq: 0,
    createdAt: AT,
    updatedAt: AT,
    ...patch,
  };
}

export function makeMessage(seq: number, patch: Partial<Message> & { role?: AuthorRole } = {}): Message {
  const { role = 'agent', ...rest } = patch;
  return {
    id: `msg_${seq}`,
    clientId: `srv_client_${seq}`,
    conversationId: 'conv_1',
    seq,
    author: { role },
    text: `message ${seq}`,
    attachments: [],
    createdAt: AT,
    ...rest,
  };
}

/** A confirmed message as the client holds it. */
export function sent(seq: number, patch: Partial<Message> & { role?: AuthorRole } = {}): ClientMessage {
  return { ...makeMessage(seq, patch), state: 'sent' };
}

/** A visitor message still in the outbox. */
export function pending(clientId: string, localOrder: number, text = clientId): ClientMessage {
  return {
    id: null,
    seq: null,
    conversationId: null,
    clientId,
    author: { role: 'visitor' },
    text,
    attachments: [],
    createdAt: AT,
    state: 'pending',
    localOrder,
  };
}

export function makeConfig(): WidgetConfig {
  return {
    protocol: 1,
    brand: { name: 'Acme' },
    greeting: { en: 'Hi!' },
    availability: { online: true, alwaysOpen: true, timeZone: 'UTC', hours: [], replyTimeMinutes: 5 },
    topics: [],
    uploads: { maxBytes: 1_000_000, maxFiles: 5, types: ['image/*'] },
    features: {
      attachments: true,
      ratings: true,
      knowledgeBase: false,
      bot: true,
      emailCapture: false,
      transcriptExport: false,
      screenshots: false,
    },
    notices: [],
    channels: {},
  };
}
