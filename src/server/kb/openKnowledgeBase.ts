import { existsSync, statSync } from 'node:fs';
import { resolve } from 'node:path';
import type { Db } from '../db/openDatabase.js';
import type { Logger } from '../ServerContext.js';
import { KnowledgeBase } from './KnowledgeBase.js';
import { loadArticles } from './loadArticles.js';

/**
 * Loads the articles of `dir` (none when null) and indexes them. A missing folder is a
 * configuration mistake and fails the start; a bad article is logged and skipped.
 */
export async function openKnowledgeBase(db: Db, dir: string | null, log: Logger): Promise<KnowledgeBase> {
  const kb = new KnowledgeBase(db);
  if (dir === null) {
    kb.replace([]);
    return kb;
  }
  const folder = resolve(dir);
  if (!existsSync(folder) || !statSync(folder).isDirectory()) {
    throw new Error(`Parley: option \`kbDir\` must be a folder of Markdown articles, got "${dir}" (not found)`);
  }
  const { articles, problems } = await loadArticles(folder);
  for (const problem of problems) log.error(`knowledge base: ${problem}`);
  kb.replace(articles);
  const counts = Object.entries(kb.countByLocale())
    .map(([locale, count]) => `${count} ${locale}`)
    .join(', ');
  log.info(`knowledge base: ${articles.length} articles (${counts || 'none'}) from ${folder}`);
  return kb;
}
