import * as z from 'zod/mini';

export const ArticleSummarySchema = z.object({
  id: z.string().check(z.maxLength(128)),
  title: z.string().check(z.maxLength(300)),
  excerpt: z.string().check(z.maxLength(1000)),
  locale: z.string(),
  tags: z.array(z.string()),
});

export const ArticleSchema = z.object({
  id: z.string().check(z.maxLength(128)),
  title: z.string().check(z.maxLength(300)),
  /** Markdown; clients render it with the same safe subset as messages. */
  body: z.string().check(z.maxLength(100000)),
  locale: z.string(),
  tags: z.array(z.string()),
  updatedAt: z.string(),
});

export const ArticleListSchema = z.object({ articles: z.array(ArticleSummarySchema) });
export const ArticleResponseSchema = z.object({ article: ArticleSchema });

export type ArticleSummary = z.infer<typeof ArticleSummarySchema>;
export type Article = z.infer<typeof ArticleSchema>;
export type ArticleList = z.infer<typeof ArticleListSchema>;
