import type { Article, ArticleSummary } from '../../core/protocol/index.js';
import type { Db } from '../db/openDatabase.js';
import type { KbArticle } from './loadArticles.js';
import { matchUrlPattern, patternSpecificity } from './matchUrlPattern.js';
import { matchExpression, searchStems, tokenize } from './searchTerms.js';

/** A search hit: the article, an excerpt around the match, and its bm25 rank (lower is better). */
export interface KbHit {
  article: KbArticle;
  excerpt: string;
  rank: number;
}

/** Title matches count ten times a body match, tags four times: titles say what an article is for. */
const RANK = 'bm25(kb_fts, 10.0, 1.0, 4.0, 0.0)';
/**
 * bm25 gives (almost) no weight to a word found in most articles, which in a small knowledge
 * base can be the very word of the topic ("2FA"). Articles whose title has the query's words
 * get this much more, in proportion to the share of words found there.
 */
const TITLE_BONUS = 3;
/** Candidates ranked per locale before the title bonus re-orders them. */
const CANDIDATES = 50;
const SNIPPET = `snippet(kb_fts, 1, '', '', '…', 24)`;
const LEAD_LENGTH = 220;
const FALLBACK_LOCALE = 'en';

/**
 * The knowledge base: articles held in memory (they come from files and are reloaded on every
 * start) with an FTS5 index in the database for ranked, prefix-aware search.
 */
export class KnowledgeBase {
  private articles: KbArticle[] = [];
  /** Per article, its distinct words (title, text and tags), to judge what a hit covers. */
  private words = new Map<KbArticle, string[]>();

  constructor(private readonly db: Db) {}

  /** Replaces every indexed article; the FTS rowid is the article's position plus one. */
  replace(articles: readonly KbArticle[]): void {
    this.db
      .transaction(() => {
        this.db.prepare('DELETE FROM kb_fts').run();
        const insert = this.db.prepare('INSERT INTO kb_fts (rowid, title, body, tags, locale) VALUES (?, ?, ?, ?, ?)');
        articles.forEach((a, index) =>
          insert.run(index + 1, foldYo(a.title), foldYo(a.text), foldYo(a.tags.join(' ')), a.locale),
        );
      })
      .immediate();
    this.articles = [...articles];
    this.words = new Map(articles.map((a) => [a, [...new Set(tokenize(`${a.title} ${a.text} ${a.tags.join(' ')}`))]]));
  }

  get size(): number {
    return this.articles.length;
  }

  /** Article counts by locale, e.g. `{ en: 8, ru: 8 }`. */
  countByLocale(): Record<string, number> {
    const counts: Record<string, number> = {};
    for (const article of this.articles) counts[article.locale] = (counts[article.locale] ?? 0) + 1;
    return counts;
  }

  /** The article in `locale` (or its base language), else in English, else null. */
  get(id: string, locale: string | undefined): KbArticle | null {
    for (const candidate of localeChain(locale)) {
      const found = this.articles.find((a) => a.id === id && a.locale === candidate);
      if (found) return found;
    }
    return null;
  }

  /**
   * Search as you type: every word must match (as a prefix of its stem); when no article has
   * them all, any word may. Hits in `locale` come first, then English ones not already listed.
   */
  search(query: string, locale: string | undefined, limit: number): KbHit[] {
    const stems = searchStems(query);
    if (stems.length === 0) return [];
    const all = this.ranked(stems, 'AND', locale, limit);
    return all.length > 0 || stems.length === 1 ? all : this.ranked(stems, 'OR', locale, limit);
  }

  /**
   * Articles that answer a free-text question (the bot). An article counts when the question's
   * words are in its title or tags, or when it has at least two of them and half: one common
   * word in passing ("open", "today") is no answer. Of those, hits at least `ratio` as relevant
   * as the best one are kept.
   */
  answer(question: string, locale: string | undefined, limit: number, ratio = 0.5): KbHit[] {
    const stems = searchStems(question, { meaningfulOnly: true });
    if (stems.length === 0) return [];
    const hits = this.ranked(stems, 'OR', locale, CANDIDATES).filter((hit) => this.answers(hit.article, stems));
    const best = hits[0];
    if (!best) return [];
    return hits.filter((hit) => hit.rank <= best.rank * ratio).slice(0, limit);
  }

  /**
   * Articles for the page at `url`: those whose URL globs match its path, most specific pattern
   * first, then those whose tags name a word of the path or query string.
   */
  suggest(url: URL, locale: string | undefined, limit: number): KbArticle[] {
    const path = safeDecode(url.pathname);
    const words = new Set(tokenize(`${path} ${[...url.searchParams.values()].join(' ')}`));
    const scored: { article: KbArticle; byUrl: number; byTag: number }[] = [];
    for (const id of new Set(this.articles.map((a) => a.id))) {
      const article = this.get(id, locale);
      if (!article) continue;
      const byUrl = Math.max(
        -1,
        ...article.urls.filter((pattern) => matchUrlPattern(pattern, path)).map(patternSpecificity),
      );
      const byTag = article.tags.filter((tag) => tokenize(tag).some((word) => words.has(word))).length;
      if (byUrl >= 0 || byTag > 0) scored.push({ article, byUrl, byTag });
    }
    scored.sort((a, b) => b.byUrl - a.byUrl || b.byTag - a.byTag || a.article.title.localeCompare(b.article.title));
    return scored.slice(0, limit).map((s) => s.article);
  }

  private answers(article: KbArticle, stems: readonly string[]): boolean {
    const heading = tokenize(`${article.title} ${article.tags.join(' ')}`);
    if (stems.some((s) => heading.some((word) => word.startsWith(s)))) return true;
    const words = this.words.get(article) ?? [];
    const found = stems.filter((s) => words.some((word) => word.startsWith(s))).length;
    return found >= 2 && found * 2 >= stems.length;
  }

  /** Hits in each locale of the chain, best first, English ones after those of `locale`. */
  private ranked(stems: readonly string[], join: 'AND' | 'OR', locale: string | undefined, limit: number): KbHit[] {
    const statement = this.db.prepare(
      `SELECT rowid, ${RANK} AS rank, ${SNIPPET} AS excerpt FROM kb_fts
        WHERE kb_fts MATCH ? AND locale = ? ORDER BY rank LIMIT ?`,
    );
    const expression = matchExpression(stems, join);
    const hits: KbHit[] = [];
    const ids = new Set<string>();
    for (const candidate of localeChain(locale)) {
      const rows = statement.all(expression, candidate, CANDIDATES) as { rowid: number; rank: number; excerpt: string }[];
      const inLocale: KbHit[] = [];
      for (const row of rows) {
        const article = this.articles[row.rowid - 1];
        if (!article || ids.has(article.id)) continue;
        ids.add(article.id);
        const rank = row.rank - TITLE_BONUS * titleShare(article.title, stems);
        inLocale.push({ article, rank, excerpt: unfoldExcerpt(row.excerpt, article.text) || lead(article.text) });
      }
      hits.push(...inLocale.sort((a, b) => a.rank - b.rank));
    }
    return hits.slice(0, limit);
  }
}

/**
 * FTS5's `remove_diacritics` folds Latin letters only, so `ё` is folded to `е` here, in the
 * index and (by {@link tokenize}) in queries: Russian writes the two interchangeably.
 */
function foldYo(text: string): string {
  return text.replace(/ё/g, 'е').replace(/Ё/g, 'Е');
}

/** The snippet was cut from folded text of the same length; take the same span of the original. */
function unfoldExcerpt(snippet: string, original: string): string {
  const core = snippet.replace(/^…/, '').replace(/…$/, '');
  const at = foldYo(original).indexOf(core);
  if (core === '' || at < 0) return snippet.trim();
  return `${snippet.startsWith('…') ? '…' : ''}${original.slice(at, at + core.length)}${snippet.endsWith('…') ? '…' : ''}`.trim();
}

/** The share of `stems` that start a word of the title. */
function titleShare(title: string, stems: readonly string[]): number {
  const words = tokenize(title);
  return stems.filter((s) => words.some((word) => word.startsWith(s))).length / stems.length;
}

/** `ru-RU` → `ru-ru`, `ru`, `en`: the exact tag, its language, then the fallback. */
export function localeChain(locale: string | undefined): string[] {
  const tag = (locale ?? FALLBACK_LOCALE).toLowerCase();
  const base = tag.split('-')[0] as string;
  return [...new Set([tag, base, FALLBACK_LOCALE])];
}

/** The opening of an article's text, cut at a word. */
export function lead(text: string, length = LEAD_LENGTH): string {
  if (text.length <= length) return text;
  const cut = text.slice(0, length);
  const space = cut.lastIndexOf(' ');
  return `${(space > length / 2 ? cut.slice(0, space) : cut).replace(/[\s,;:.–—-]+$/, '')}…`;
}

export function toSummary(article: KbArticle, excerpt = lead(article.text)): ArticleSummary {
  return { id: article.id, title: article.title, excerpt, locale: article.locale, tags: article.tags };
}

export function toArticle(article: KbArticle): Article {
  return {
    id: article.id,
    title: article.title,
    body: article.body,
    locale: article.locale,
    tags: article.tags,
    updatedAt: article.updatedAt,
  };
}

function safeDecode(path: string): string {
  try {
    return decodeURIComponent(path);
  } catch {
    // A malformed escape such as `%E0%A4%A` stays as written; it can still match a glob.
    return path;
  }
}
