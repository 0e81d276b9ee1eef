import { Hono } from 'hono';
import * as z from 'zod/mini';
import type { Article, ArticleList } from '../../core/protocol/index.js';
import { LocaleTagSchema } from '../../core/protocol/index.js';
import { toArticle, toSummary } from '../kb/KnowledgeBase.js';
import { requireVisitor } from '../middleware/auth.js';
import { parseOrThrow, ProblemError } from '../problem.js';
import type { AppEnv, ServerContext } from '../ServerContext.js';

const SEARCH_LIMIT = 10;
const SUGGEST_LIMIT = 5;
/** Any base works: only the path and query of a relative `url` are used. */
const URL_BASE = 'https://page.invalid';

const locale = z.optional(LocaleTagSchema);

const SearchQuerySchema = z.object({
  q: z.string().check(
    z.maxLength(200),
    z.refine((q) => q.trim() !== '', 'expected a non-empty search text'),
  ),
  locale,
});

const SuggestQuerySchema = z.object({
  url: z.string().check(
    z.minLength(1),
    z.maxLength(2048),
    z.refine((url) => URL.canParse(url, URL_BASE), 'expected the page URL, e.g. https://example.com/deposit'),
  ),
  locale,
});

const ArticleQuerySchema = z.object({ locale });

/**
 * The knowledge base for visitors: search as you type, suggestions for the page they are on,
 * and single articles. Like every visitor route, it needs a session.
 */
export function kbRoutes(ctx: ServerContext): Hono<AppEnv> {
  const app = new Hono<AppEnv>();
  const auth = requireVisitor(ctx);

  app.get('/v1/kb/search', auth, (c) => {
    const query = parseOrThrow(SearchQuerySchema, c.req.query(), 'invalid_query');
    const hits = ctx.kb.search(query.q, query.locale, SEARCH_LIMIT);
    return c.json<ArticleList>({ articles: hits.map((hit) => toSummary(hit.article, hit.excerpt)) });
  });

  app.get('/v1/kb/suggest', auth, (c) => {
    const query = parseOrThrow(SuggestQuerySchema, c.req.query(), 'invalid_query');
    const articles = ctx.kb.suggest(new URL(query.url, URL_BASE), query.locale, SUGGEST_LIMIT);
    return c.json<ArticleList>({ articles: articles.map((article) => toSummary(article)) });
  });

  app.get('/v1/kb/articles/:id', auth, (c) => {
    const query = parseOrThrow(ArticleQuerySchema, c.req.query(), 'invalid_query');
    const article = ctx.kb.get(c.req.param('id'), query.locale);
    if (!article) throw new ProblemError(404, 'not_found', 'no such article');
    return c.json<{ article: Article }>({ article: toArticle(article) });
  });

  return app;
}
