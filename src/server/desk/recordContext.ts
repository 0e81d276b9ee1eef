import type { PageContext } from '../../core/protocol/index.js';
import type { VisitorRecord } from '../db/VisitorRepo.js';
import { toViewer } from '../db/VisitorRepo.js';
import type { ServerContext } from '../ServerContext.js';
import { withEvents } from './withEvents.js';

/**
 * Adds a page to the visitor's timeline and, when they have a conversation that is not
 * resolved, tells the desk (`context.updated`; visitors do not need their own pages echoed).
 */
export function recordContext(ctx: ServerContext, visitor: VisitorRecord, context: PageContext): void {
  const open = ctx.repos.conversations.newestUnresolved(toViewer(visitor));
  withEvents(ctx, (emit) => {
    ctx.repos.pageVisits.add(visitor.id, open?.id ?? null, context, ctx.now());
    if (open) {
      emit(
        { type: 'context.updated', conversationId: open.id, context },
        { visitorId: open.visitorId, visitorVisible: false },
      );
    }
  });
}
