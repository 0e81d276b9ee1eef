import type { ConversationRecord } from '../db/ConversationRepo.js';
import { canAccess } from '../db/ConversationRepo.js';
import type { Viewer } from '../db/VisitorRepo.js';
import { ProblemError } from '../problem.js';
import type { ServerContext } from '../ServerContext.js';

/** The conversation if it exists (404) and the viewer may see it (403). */
export function loadConversation(ctx: ServerContext, id: string, viewer: Viewer | 'operator'): ConversationRecord {
  const record = ctx.repos.conversations.get(id);
  if (!record) throw new ProblemError(404, 'not_found', 'no such conversation');
  if (viewer !== 'operator' && !canAccess(viewer, record)) {
    throw new ProblemError(403, 'forbidden', 'this conversation belongs to another visitor');
  }
  return record;
}
