import { Hono } from 'hono';
import {
  CreateConversationRequestSchema,
  RatingRequestSchema,
  ReadRequestSchema,
  TypingRequestSchema,
} from '../../core/protocol/index.js';
import { toConversation } from '../db/ConversationRepo.js';
import { changeStatus } from '../desk/changeStatus.js';
import { loadConversation } from '../desk/conversationAccess.js';
import { createConversation } from '../desk/createConversation.js';
import { markRead } from '../desk/markRead.js';
import { requestHandoff } from '../desk/requestHandoff.js';
import { submitRating } from '../desk/submitRating.js';
import { withEvents } from '../desk/withEvents.js';
import { requireVisitor } from '../middleware/auth.js';
import { rateLimit } from '../middleware/rateLimit.js';
import { validateBody } from '../problem.js';
import type { AppEnv, ServerContext } from '../ServerContext.js';

/** The visitor's conversation routes under `/v1/conversations`, except messages. */
export function conversationRoutes(ctx: ServerContext): Hono<AppEnv> {
  const app = new Hono<AppEnv>();
  // Middleware is listed per route: a wildcard `use` here would also run for routes that
  // other modules mount under the same prefix.
  const auth = requireVisitor(ctx);
  const writes = rateLimit(ctx, 'writes', (c) => c.get('visitor').id);

  app.get('/v1/conversations', auth, (c) => {
    const list = ctx.repos.conversations.listAccessible(c.get('viewer'));
    return c.json({ conversations: list.map(toConversation) });
  });

  app.post('/v1/conversations', auth, writes, validateBody(CreateConversationRequestSchema), (c) => {
    const { record, created } = createConversation(ctx, c.get('visitor'), c.req.valid('json'));
    return c.json({ conversation: toConversation(record) }, created ? 201 : 200);
  });

  app.get('/v1/conversations/:id', auth, (c) => {
    const record = loadConversation(ctx, c.req.param('id'), c.get('viewer'));
    return c.json({ conversation: toConversation(record) });
  });

  app.post('/v1/conversations/:id/reopen', auth, writes, (c) => {
    const record = loadConversation(ctx, c.req.param('id'), c.get('viewer'));
    const updated = withEvents(ctx, (emit) => changeStatus(ctx, record, 'open', emit));
    return c.json({ conversation: toConversation(updated) });
  });

  app.post('/v1/conversations/:id/handoff', auth, writes, (c) => {
    const record = loadConversation(ctx, c.req.param('id'), c.get('viewer'));
    return c.json({ conversation: toConversation(requestHandoff(ctx, record)) });
  });

  app.post('/v1/conversations/:id/typing', auth, writes, validateBody(TypingRequestSchema), (c) => {
    const record = loadConversation(ctx, c.req.param('id'), c.get('viewer'));
    const visitor = c.get('visitor');
    // Typing is live-only: replaying "typing…" minutes later would be wrong.
    ctx.hub.publish(
      {
        type: 'typing',
        conversationId: record.id,
        author: { role: 'visitor', id: visitor.id },
        typing: c.req.valid('json').typing,
      },
      { visitorId: record.visitorId, visitorVisible: false, transient: true },
    );
    return c.body(null, 204);
  });

  app.post('/v1/conversations/:id/read', auth, writes, validateBody(ReadRequestSchema), (c) => {
    const record = loadConversation(ctx, c.req.param('id'), c.get('viewer'));
    markRead(ctx, record, 'visitor', c.req.valid('json').seq);
    return c.body(null, 204);
  });

  app.post('/v1/conversations/:id/rating', auth, writes, validateBody(RatingRequestSchema), (c) => {
    const record = loadConversation(ctx, c.req.param('id'), c.get('viewer'));
    const updated = submitRating(ctx, record, c.req.valid('json'));
    return c.json({ conversation: toConversation(updated) });
  });

  return app;
}
