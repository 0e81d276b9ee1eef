import { Hono } from 'hono';
import * as z from 'zod/mini';
import type { MessagePage } from '../../core/protocol/index.js';
import { SendMessageRequestSchema } from '../../core/protocol/index.js';
import type { ConversationRecord } from '../db/ConversationRepo.js';
import { loadConversation } from '../desk/conversationAccess.js';
import { guardSecrets } from '../desk/guardSecrets.js';
import { postVisitorMessage } from '../desk/postMessage.js';
import { requireVisitor } from '../middleware/auth.js';
import { rateLimit } from '../middleware/rateLimit.js';
import { parseOrThrow, ProblemError, validateBody } from '../problem.js';
import type { AppEnv, ServerContext } from '../ServerContext.js';

const seqParam = z.string().check(z.regex(/^\d{1,15}$/, 'expected a non-negative integer'));

const MessageQuerySchema = z.object({
  after: z.optional(seqParam),
  before: z.optional(seqParam),
  limit: z.optional(
    z.string().check(
      z.regex(/^\d{1,3}$/, 'expected an integer from 1 to 200'),
      z.refine((v) => Number(v) >= 1 && Number(v) <= 200, 'expected an integer from 1 to 200'),
    ),
  ),
});

const DEFAULT_LIMIT = 50;

/** `POST` and `GET /v1/conversations/:id/messages`. */
export function messageRoutes(ctx: ServerContext): Hono<AppEnv> {
  const app = new Hono<AppEnv>();
  const path = '/v1/conversations/:id/messages';

  app.post(
    path,
    requireVisitor(ctx),
    rateLimit(ctx, 'messages', (c) => c.get('visitor').id),
    validateBody(SendMessageRequestSchema),
    async (c) => {
      const record = loadConversation(ctx, c.req.param('id'), c.get('viewer'));
      // The second line of the secret guard: nothing secret is stored, whatever the client did.
      const guarded = await guardSecrets(ctx, c.req.valid('json').text);
      const body = { ...c.req.valid('json'), text: guarded.text };
      const result = postVisitorMessage(ctx, record, c.get('visitor'), body, guarded.redactions);
      // After the commit, so the bot's answer or a handoff always follows the question.
      if (!result.duplicate) ctx.bot?.handleVisitorMessage(record.id, result.message, body.quickReplyId);
      return c.json(result, result.duplicate ? 200 : 201);
    },
  );

  app.get(path, requireVisitor(ctx), (c) => {
    const record = loadConversation(ctx, c.req.param('id'), c.get('viewer'));
    return c.json(readPage(ctx, record, c.req.query()));
  });

  return app;
}

/**
 * One page of history. The cursor is the seq of the oldest message already held: `before=71`
 * returns the page ending at seq 70, so paging back never skips or repeats a message.
 */
export function readPage(ctx: ServerContext, record: ConversationRecord, query: Record<string, string>): MessagePage {
  const parsed = parseOrThrow(MessageQuerySchema, query, 'invalid_query');
  if (parsed.after !== undefined && parsed.before !== undefined) {
    throw new ProblemError(400, 'invalid_query', 'use either after or before, not both');
  }
  const limit = parsed.limit === undefined ? DEFAULT_LIMIT : Number(parsed.limit);
  const { messages } = ctx.repos;
  if (parsed.after !== undefined) {
    // One extra row tells whether more remain without a second query.
    const rows = messages.after(record.id, Number(parsed.after), limit + 1);
    const page = rows.slice(0, limit);
    const first = page[0];
    return {
      messages: page,
      prevCursor: first && first.seq > 1 ? String(first.seq) : null,
      hasMore: rows.length > limit,
    };
  }
  const page = messages.before(record.id, parsed.before === undefined ? null : Number(parsed.before), limit);
  const first = page[0];
  return { messages: page, prevCursor: first && first.seq > 1 ? String(first.seq) : null, hasMore: false };
}
