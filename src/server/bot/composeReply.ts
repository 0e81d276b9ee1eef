import type { QuickReply } from '../../core/protocol/index.js';
import type { KnowledgeBase } from '../kb/KnowledgeBase.js';
import { botCopy } from './botCopy.js';

export interface BotReply {
  text: string;
  quickReplies: QuickReply[];
  /** Ids of the articles the reply names. */
  articleIds: string[];
  /** Hand the conversation to a person once the reply is out. */
  handoff: boolean;
}

/** Quick-reply ids the bot offers and understands. */
export const HANDOFF_REPLY = 'handoff';
export const RESOLVED_REPLY = 'resolved';

const MAX_ARTICLES = 2;

/**
 * The bot's answer to a visitor's question: the best matching article with an excerpt (and a
 * runner-up by title), or an honest "nothing found". A person is always one tap away; after
 * `handoffAfter` fruitless answers in a row the bot hands over by itself.
 */
export function composeReply(
  kb: KnowledgeBase,
  question: string,
  locale: string | null,
  unansweredBefore: number,
  handoffAfter: number,
): BotReply {
  const copy = botCopy(locale);
  const talk: QuickReply = { id: HANDOFF_REPLY, label: copy.talkToPerson };
  const hits = kb.answer(question, locale ?? undefined, MAX_ARTICLES);
  const [best, ...others] = hits;
  if (!best) {
    const giveUp = handoffAfter > 0 && unansweredBefore + 1 >= handoffAfter;
    return giveUp
      ? { text: copy.handingOff, quickReplies: [talk], articleIds: [], handoff: true }
      : { text: copy.noArticle, quickReplies: [talk], articleIds: [], handoff: false };
  }
  const lines = [`${copy.oneArticle} **${best.article.title}**`, best.excerpt];
  if (others.length > 0) lines.push('', `${copy.alsoSee} ${others.map((hit) => `**${hit.article.title}**`).join(', ')}`);
  lines.push('', copy.stillStuck);
  return {
    text: lines.join('\n'),
    quickReplies: [talk, { id: RESOLVED_REPLY, label: copy.solved }],
    articleIds: hits.map((hit) => hit.article.id),
    handoff: false,
  };
}
