import type {
  Message,
  OperatorSendRequest,
  Redaction,
  SendMessageRequest,
} from '../../core/protocol/index.js';
import type { ConversationRecord } from '../db/ConversationRepo.js';
import type { VisitorRecord } from '../db/VisitorRepo.js';
import { ProblemError } from '../problem.js';
import type { ServerContext } from '../ServerContext.js';
import { changeStatus } from './changeStatus.js';
import { agentAuthor, joinAgent } from './joinAgent.js';
import { resolveAttachments } from './resolveAttachments.js';
import { messageCreated } from './systemMessage.js';
import { withEvents } from './withEvents.js';

export interface PostResult {
  message: Message;
  /** True when the clientId was already stored: nothing new was written or announced. */
  duplicate: boolean;
}

/** The default display name of console agents who did not set one. */
export const DEFAULT_AGENT_NAME = 'Support';

/**
 * Stores a visitor's message once per clientId. A send to a resolved conversation reopens it
 * first, so the visitor's words land in an open conversation. `body.text` has already been
 * through the secret guard, which reports what it replaced in `redactions`.
 */
export function postVisitorMessage(
  ctx: ServerContext,
  conversation: ConversationRecord,
  visitor: VisitorRecord,
  body: SendMessageRequest,
  redactions: Redaction[] = [],
): PostResult {
  const { messages, uploads, conversations, pageVisits } = ctx.repos;
  // A retry of a stored send must succeed even if the attachment rules changed since.
  const stored = messages.findByClientId(conversation.id, body.clientId);
  if (stored) return { message: stored, duplicate: true };

  const { uploads: files, attachments } = resolveAttachments(
    ctx,
    body.attachmentIds,
    (upload) => upload.visitorId === visitor.id,
  );
  if (body.text.trim() === '' && attachments.length === 0) {
    throw new ProblemError(400, 'invalid_body', 'text: a message needs text or an attachment');
  }
  const author = { role: 'visitor' as const, id: visitor.id, ...(visitor.name ? { name: visitor.name } : {}) };

  return withEvents(ctx, (emit) => {
    // Checked again inside the transaction: another process may share the database file.
    const raced = messages.findByClientId(conversation.id, body.clientId);
    if (raced) return { message: raced, duplicate: true };
    let current = conversations.require(conversation.id);
    if (current.status === 'resolved') current = changeStatus(ctx, current, 'open', emit);
    const now = ctx.now();
    const message = messages.append(
      current.id,
      {
        clientId: body.clientId,
        author,
        text: body.text,
        attachments,
        ...(body.context ? { context: body.context } : {}),
        ...(redactions.length > 0 ? { redactions } : {}),
      },
      now,
    );
    for (const file of files) uploads.addRef(file.id, current.id);
    if (body.context) pageVisits.add(visitor.id, current.id, body.context, now);
    // Writers have read their own message, so it never counts as unread for them.
    conversations.update(current.id, { visitorReadSeq: message.seq }, now);
    emit(messageCreated(message), { visitorId: current.visitorId });
    return { message, duplicate: false };
  });
}

/**
 * Stores an agent's message once per clientId. The first message of an agent in a conversation
 * makes them join it (assignee, handler `human`, an `agent.joined` event and system message).
 */
export function postAgentMessage(
  ctx: ServerContext,
  conversation: ConversationRecord,
  body: OperatorSendRequest,
): PostResult {
  const { messages, uploads, conversations } = ctx.repos;
  const stored = messages.findByClientId(conversation.id, body.clientId);
  if (stored) return { message: stored, duplicate: true };

  const owner = { visitorId: conversation.visitorId, userId: conversation.ownerUserId };
  const { uploads: files, attachments } = resolveAttachments(
    ctx,
    body.attachmentIds,
    // Agents attach their own uploads, or forward files the visitor may already see.
    (upload) => upload.visitorId === null || uploads.canAccess(owner, upload),
  );
  if (body.text.trim() === '' && attachments.length === 0) {
    throw new ProblemError(400, 'invalid_body', 'text: a message needs text or an attachment');
  }
  const author = agentAuthor(body.authorName?.trim() || DEFAULT_AGENT_NAME);

  return withEvents(ctx, (emit) => {
    const raced = messages.findByClientId(conversation.id, body.clientId);
    if (raced) return { message: raced, duplicate: true };
    const current = joinAgent(ctx, conversations.require(conversation.id), author, emit);
    const now = ctx.now();
    const message = messages.append(current.id, { clientId: body.clientId, author, text: body.text, attachments }, now);
    for (const file of files) uploads.addRef(file.id, current.id);
    conversations.update(current.id, { agentReadSeq: message.seq }, now);
    emit(messageCreated(message), { visitorId: current.visitorId });
    return { message, duplicate: false };
  });
}
