import { Hono } from 'hono';
import type { Session } from '../../core/protocol/index.js';
import { CreateSessionRequestSchema, UpdateSessionRequestSchema } from '../../core/protocol/index.js';
import { toConversation } from '../db/ConversationRepo.js';
import type { SessionRecord } from '../db/SessionRepo.js';
import type { VisitorPatch, VisitorRecord } from '../db/VisitorRepo.js';
import { toViewer } from '../db/VisitorRepo.js';
import { recordContext } from '../desk/recordContext.js';
import { verifyIdentity } from '../identity.js';
import { bearerToken, requireVisitor } from '../middleware/auth.js';
import { rateLimit } from '../middleware/rateLimit.js';
import { ProblemError, validateBody } from '../problem.js';
import type { AppEnv, ServerContext } from '../ServerContext.js';
import { clientIp } from './clientIp.js';

/** `POST /v1/sessions`, `PATCH /v1/session`, `DELETE /v1/session`. */
export function sessionRoutes(ctx: ServerContext): Hono<AppEnv> {
  const app = new Hono<AppEnv>();
  const { sessions, visitors, conversations } = ctx.repos;

  /**
   * The live session of `token` with `profile` applied, or null when a new one is needed: no
   * or a dead token, or a visitor linked to another user than `userId` (someone else signing
   * in on a shared browser must not inherit the previous user's conversations).
   */
  const resume = (token: string | null, userId: string | null, profile: VisitorPatch) => {
    const session = token ? sessions.findLive(token) : undefined;
    const visitor = session ? visitors.get(session.visitorId) : undefined;
    if (!token || !session || !visitor) return null;
    if (userId !== null && visitor.userId !== null && visitor.userId !== userId) return null;
    return { token, session, visitor: visitors.update(visitor.id, profile) ?? visitor, resumed: true };
  };

  app.post(
    '/v1/sessions',
    rateLimit(ctx, 'sessions', clientIp),
    validateBody(CreateSessionRequestSchema, { allowEmpty: true }),
    (c) => {
      const body = c.req.valid('json');
      const { identity } = body;
      // A refused identity must create and change nothing, so it is checked first.
      if (identity) {
        const check = verifyIdentity(ctx.identitySecret, identity, ctx.now());
        if (!check.ok) {
          const message =
            check.code === 'identity_expired' ? 'the identity token has expired' : 'the identity signature is not valid';
          throw new ProblemError(401, check.code, message);
        }
      }

      const profile: VisitorPatch = {
        ...(body.locale ? { locale: body.locale } : {}),
        ...(identity ? { userId: identity.userId } : {}),
        ...(identity?.name ? { name: identity.name } : {}),
        ...(identity?.email ? { email: identity.email } : {}),
      };
      const { token, session, visitor, resumed } =
        resume(bearerToken(c), identity?.userId ?? null, profile) ??
        ctx.db
          .transaction(() => {
            const fresh = visitors.create(profile, ctx.now());
            const created = sessions.create(fresh.id, body.widgetId ?? null, ctx.now());
            return { ...created, visitor: fresh, resumed: false };
          })
          .immediate();
      if (identity) ctx.hub.relinkVisitor(visitor.id, visitor.userId);
      if (body.context) recordContext(ctx, visitor, body.context);

      const open = conversations.newestUnresolved(toViewer(visitor));
      return c.json(
        {
          token,
          session: toSession(session, visitor),
          conversation: open ? toConversation(open) : null,
          resumed,
        },
        resumed ? 200 : 201,
      );
    },
  );

  app.patch('/v1/session', requireVisitor(ctx), validateBody(UpdateSessionRequestSchema), (c) => {
    const body = c.req.valid('json');
    const session = c.get('session');
    const visitor = visitors.update(session.visitorId, body) ?? c.get('visitor');
    return c.json({ session: toSession(session, visitor) });
  });

  app.delete('/v1/session', requireVisitor(ctx), (c) => {
    const session = c.get('session');
    sessions.end(session.id, ctx.now());
    ctx.hub.closeSession(session.id);
    return c.body(null, 204);
  });

  return app;
}

function toSession(session: SessionRecord, visitor: VisitorRecord): Session {
  return {
    id: session.id,
    visitorId: visitor.id,
    userId: visitor.userId,
    locale: visitor.locale,
    email: visitor.email,
  };
}
