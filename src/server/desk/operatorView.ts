import type { OperatorConversation, OperatorConversationDetail } from '../../core/protocol/index.js';
import type { ConversationRecord } from '../db/ConversationRepo.js';
import { toConversation } from '../db/ConversationRepo.js';
import { toAttachment } from '../db/UploadRepo.js';
import type { ServerContext } from '../ServerContext.js';

/** How much of a conversation the console loads at once. */
const DETAIL_MESSAGES = 1000;
const DETAIL_PAGES = 200;

/** A conversation as the desk sees it: who the visitor is and where they are now. */
export function toOperatorConversation(ctx: ServerContext, record: ConversationRecord): OperatorConversation {
  const visitor = ctx.repos.visitors.get(record.visitorId);
  return {
    ...toConversation(record),
    visitor: {
      id: record.visitorId,
      userId: visitor?.userId ?? null,
      name: visitor?.name ?? null,
      email: visitor?.email ?? null,
      locale: visitor?.locale ?? record.locale,
    },
    lastContext: ctx.repos.pageVisits.last(record.visitorId),
    attachmentCount: ctx.repos.uploads.countForConversation(record.id),
    article: readArticle(ctx, record),
  };
}

/** The article behind "Still need help?", titled in the conversation's language where it exists. */
function readArticle(ctx: ServerContext, record: ConversationRecord): OperatorConversation['article'] {
  if (!record.articleId) return null;
  const article = ctx.kb.get(record.articleId, record.locale ?? undefined);
  return { id: record.articleId, title: article?.title ?? null };
}

export function operatorDetail(ctx: ServerContext, record: ConversationRecord): OperatorConversationDetail {
  return {
    conversation: toOperatorConversation(ctx, record),
    messages: ctx.repos.messages.before(record.id, null, DETAIL_MESSAGES),
    pages: ctx.repos.pageVisits.recent(record.visitorId, DETAIL_PAGES),
    attachments: ctx.repos.uploads.forConversation(record.id).map((upload) => toAttachment(upload)),
  };
}
