import { readdir, readFile, stat } from 'node:fs/promises';
import { join, relative } from 'node:path';
import type { FrontMatterValue } from './parseFrontMatter.js';
import { FrontMatterError, parseFrontMatter } from './parseFrontMatter.js';
import { markdownToText } from './markdownToText.js';

/** One article in one language, as loaded from `<kbDir>/**\/*.md`. */
export interface KbArticle {
  id: string;
  /** Lower-cased BCP 47 tag, e.g. `en`, `ru`, `pt-br`. */
  locale: string;
  title: string;
  /** Markdown, as served by `GET /v1/kb/articles/:id`. */
  body: string;
  /** The body without markup, for the index and excerpts. */
  text: string;
  tags: string[];
  /** Path globs (`/deposit*`) of the pages the article is suggested on. */
  urls: string[];
  updatedAt: string;
  /** Where it came from, relative to the folder, for messages about it. */
  source: string;
}

export interface LoadedArticles {
  articles: KbArticle[];
  /** One line per file that was skipped, naming the file and the fix. */
  problems: string[];
}

const ID = /^[a-z0-9][a-z0-9-]{0,127}$/;
const LOCALE = /^[a-z]{2,3}(-[a-z0-9]{2,8})*$/;
const DATE = /^\d{4}-\d{2}-\d{2}(T[\d:.]+(Z|[+-]\d{2}:?\d{2})?)?$/;
const MAX_TITLE = 300;
const MAX_BODY = 100_000;
const KNOWN_KEYS = new Set(['id', 'title', 'locale', 'tags', 'urls', 'updated']);

/**
 * Reads every `.md` file under `dir` (sorted, so the first of two duplicates wins the same way
 * on every start). A file with bad front matter is skipped and reported, never half-loaded.
 *
 * @example
 * const { articles, problems } = await loadArticles('./kb');
 */
export async function loadArticles(dir: string): Promise<LoadedArticles> {
  const articles: KbArticle[] = [];
  const problems: string[] = [];
  const seen = new Map<string, string>();
  for (const file of await markdownFiles(dir)) {
    const source = relative(dir, file).split('\\').join('/');
    try {
      const [content, info] = await Promise.all([readFile(file, 'utf8'), stat(file)]);
      const article = toArticle(content, source, info.mtime);
      const key = `${article.id}\u0000${article.locale}`;
      const first = seen.get(key);
      if (first !== undefined) {
        throw new Error(`id "${article.id}" in locale "${article.locale}" is already used by ${first}; give one a new id`);
      }
      seen.set(key, source);
      articles.push(article);
    } catch (error) {
      const where = error instanceof FrontMatterError ? `${source}:${error.line}` : source;
      problems.push(`${where}: ${error instanceof Error ? error.message : String(error)}; skipped`);
    }
  }
  return { articles, problems };
}

async function markdownFiles(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { withFileTypes: true });
  const files: string[] = [];
  for (const entry of entries.sort((a, b) => a.name.localeCompare(b.name))) {
    if (entry.name.startsWith('.')) continue;
    const path = join(dir, entry.name);
    if (entry.isDirectory()) files.push(...(await markdownFiles(path)));
    else if (entry.isFile() && entry.name.toLowerCase().endsWith('.md') && entry.name.toLowerCase() !== 'readme.md') {
      files.push(path);
    }
  }
  return files;
}

function toArticle(content: string, source: string, mtime: Date): KbArticle {
  const { data, body: rawBody } = parseFrontMatter(content);
  for (const key of Object.keys(data)) {
    if (!KNOWN_KEYS.has(key)) throw new Error(`unknown front matter key "${key}"; use ${[...KNOWN_KEYS].join(', ')}`);
  }
  let body = rawBody.trim();
  let title = scalar(data, 'title');
  if (title === undefined) {
    // Without a `title:`, a leading `# Heading` is the title and is not repeated in the body.
    const heading = /^#\s+(.+)\n?/.exec(body);
    if (!heading) throw new Error('needs a "title:" in the front matter or a leading "# Title" line');
    title = (heading[1] as string).trim();
    body = body.slice(heading[0].length).trim();
  }
  const id = scalar(data, 'id') ?? fileStem(source);
  if (!ID.test(id)) throw new Error(`id "${id}" must be lower-case letters, digits and dashes (at most 128)`);
  const locale = (scalar(data, 'locale') ?? 'en').toLowerCase();
  if (!LOCALE.test(locale)) throw new Error(`locale "${locale}" is not a language tag such as en or ru`);
  if (title.length > MAX_TITLE) throw new Error(`title is longer than ${MAX_TITLE} characters`);
  if (body === '') throw new Error('the article has no text after the front matter');
  if (body.length > MAX_BODY) throw new Error(`the body is longer than ${MAX_BODY} characters; split the article`);
  const urls = list(data, 'urls');
  for (const url of urls) {
    if (!url.startsWith('/')) throw new Error(`url pattern "${url}" must be a path starting with /, e.g. "/deposit*"`);
  }
  const updated = scalar(data, 'updated');
  if (updated !== undefined && (!DATE.test(updated) || Number.isNaN(Date.parse(updated)))) {
    throw new Error(`updated "${updated}" must be a date such as 2026-11-01`);
  }
  return {
    id,
    locale,
    title,
    body,
    text: markdownToText(body),
    tags: list(data, 'tags').map((tag) => tag.toLowerCase()),
    urls,
    updatedAt: updated === undefined ? mtime.toISOString() : new Date(updated).toISOString(),
    source,
  };
}

function scalar(data: Record<string, FrontMatterValue>, key: string): string | undefined {
  const value = data[key];
  if (value === undefined) return undefined;
  if (Array.isArray(value)) throw new Error(`"${key}" must be a single value, not a list`);
  return value === '' ? undefined : value;
}

function list(data: Record<string, FrontMatterValue>, key: string): string[] {
  const value = data[key];
  if (value === undefined) return [];
  return Array.isArray(value) ? value : [value];
}

/** `deposit-not-arriving.ru.md` → `deposit-not-arriving`. */
function fileStem(source: string): string {
  const name = source.slice(source.lastIndexOf('/') + 1);
  return name.replace(/\.md$/i, '').replace(/\.[a-z]{2,3}(-[a-z0-9]{2,8})*$/i, '').toLowerCase();
}
