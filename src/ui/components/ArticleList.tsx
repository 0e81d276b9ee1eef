import { useEffect } from 'preact/hooks';
import type { ArticleSummary } from '../../core/index.js';
import { useWidget } from '../WidgetContext.js';
import { Icon } from './Icon.js';
import { ArticleView } from './lazyParts.js';

/** Help articles as buttons; each opens the article inside the panel. */
export function ArticleList({ articles, labelledBy }: { articles: readonly ArticleSummary[]; labelledBy: string }) {
  const { view, warn } = useWidget();
  // Fetched while the list shows, so an opened article can take focus at once.
  useEffect(() => {
    ArticleView.preload().catch((error: unknown) => warn(`Parley: the article view failed to load (${String(error)})`));
  }, []);
  const open = (article: ArticleSummary) => {
    view.$article.set({ id: article.id, title: article.title });
    view.$screen.set('article');
  };
  return (
    <ul class="article-list" aria-labelledby={labelledBy}>
      {articles.map((article) => (
        <li key={article.id}>
          <button type="button" class="article-link" onClick={() => open(article)}>
            <Icon name="book" />
            <span class="article-text">
              <span class="article-title" dir="auto">
                {article.title}
              </span>
              {article.excerpt && (
                <span class="muted small article-excerpt" dir="auto">
                  {article.excerpt}
                </span>
              )}
            </span>
            <Icon name="chevron" class="mirror" />
          </button>
        </li>
      ))}
    </ul>
  );
}
