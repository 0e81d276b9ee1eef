import { Hono } from 'hono';
import * as z from 'zod/mini';
import {
  ConversationStatusSchema,
  OperatorSendRequestSchema,
  OperatorStatusRequestSchema,
  ReadRequestSchema,
  TypingRequestSchema,
} from '../../core/protocol/index.js';
import { toConversation } from '../db/ConversationRepo.js';
import { changeStatus } from '../desk/changeStatus.js';
import { loadConversation } from '../desk/conversationAccess.js';
import { agentAuthor, joinAgent } from '../desk/joinAgent.js';
import { markRead } from '../desk/markRead.js';
import { operatorDetail, toOperatorConversation } from '../desk/operatorView.js';
import { DEFAULT_AGENT_NAME, postAgentMessage } from '../desk/postMessage.js';
import { withEvents } from '../desk/withEvents.js';
import { requireOperator } from '../middleware/auth.js';
import { parseOrThrow, validateBody } from '../problem.js';
import type { AppEnv, ServerContext } from '../ServerContext.js';

const ListQuerySchema = z.object({ status: z.optional(ConversationStatusSchema) });

/** `POST /v1/operator/conversations/:id/join`: the console takes a conversation before replying. */
const JoinRequestSchema = z.object({ authorName: z.optional(z.string().check(z.maxLength(120))) });

const LIST_LIMIT = 500;

/** The desk side: every conversation, replies, status changes. Requires the operator key. */
export function operatorRoutes(ctx: ServerContext): Hono<AppEnv> {
  const app = new Hono<AppEnv>();
  const auth = requireOperator(ctx);
  const base = '/v1/operator/conversations';

  app.get(base, auth, (c) => {
    const { status } = parseOrThrow(ListQuerySchema, c.req.query(), 'invalid_query');
    const list = ctx.repos.conversations.listAll(status, LIST_LIMIT);
    return c.json({ conversations: list.map((record) => toOperatorConversation(ctx, record)) });
  });

  app.get(`${base}/:id`, auth, (c) => {
    const record = loadConversation(ctx, c.req.param('id'), 'operator');
    return c.json(operatorDetail(ctx, record));
  });

  app.post(`${base}/:id/messages`, auth, validateBody(OperatorSendRequestSchema), (c) => {
    const record = loadConversation(ctx, c.req.param('id'), 'operator');
    const result = postAgentMessage(ctx, record, c.req.valid('json'));
    return c.json(result, result.duplicate ? 200 : 201);
  });

  app.post(`${base}/:id/status`, auth, validateBody(OperatorStatusRequestSchema), (c) => {
    const record = loadConversation(ctx, c.req.param('id'), 'operator');
    const { status } = c.req.valid('json');
    const updated = withEvents(ctx, (emit) => changeStatus(ctx, record, status, emit));
    return c.json({ conversation: toConversation(updated) });
  });

  app.post(`${base}/:id/join`, auth, validateBody(JoinRequestSchema, { allowEmpty: true }), (c) => {
    const record = loadConversation(ctx, c.req.param('id'), 'operator');
    const agent = agentAuthor(c.req.valid('json').authorName?.trim() || DEFAULT_AGENT_NAME);
    const updated = withEvents(ctx, (emit) => joinAgent(ctx, record, agent, emit));
    return c.json({ conversation: toConversation(updated) });
  });

  app.post(`${base}/:id/typing`, auth, validateBody(TypingRequestSchema), (c) => {
    const record = loadConversation(ctx, c.req.param('id'), 'operator');
    ctx.hub.publish(
      {
        type: 'typing',
        conversationId: record.id,
        author: record.assignee ?? agentAuthor(DEFAULT_AGENT_NAME),
        typing: c.req.valid('json').typing,
      },
      { visitorId: record.visitorId, transient: true },
    );
    return c.body(null, 204);
  });

  app.post(`${base}/:id/read`, auth, validateBody(ReadRequestSchema), (c) => {
    const record = loadConversation(ctx, c.req.param('id'), 'operator');
    markRead(ctx, record, 'agent', c.req.valid('json').seq);
    return c.body(null, 204);
  });

  return app;
}
