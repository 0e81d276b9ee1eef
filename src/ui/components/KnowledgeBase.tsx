import { useStore } from '@nanostores/preact';
import { useState } from 'preact/hooks';
import { useArticles } from '../hooks/useArticles.js';
import { useT } from '../hooks/useT.js';
import { useWidget } from '../WidgetContext.js';
import { ArticleList } from './ArticleList.js';
import { Icon } from './Icon.js';

/**
 * Self-service before a conversation: articles suggested for the page the visitor is on, and
 * a search box. The number of results is announced once the search settles.
 */
export function KnowledgeBase() {
  const { client } = useWidget();
  const t = useT();
  const enabled = !!useStore(client.$config)?.features.knowledgeBase;
  const [query, setQuery] = useState('');
  const { status, articles } = useArticles(query, enabled);
  const searching = query.trim() !== '';
  const listed = status === 'ready' && articles.length > 0;
  if (!enabled) return null;
  return (
    <section class="card kb" aria-label={t('kb.search')}>
      <form role="search" class="kb-search" onSubmit={(event) => event.preventDefault()}>
        <Icon name="search" />
        <input
          type="search"
          value={query}
          aria-label={t('kb.search')}
          placeholder={t('kb.searchPlaceholder')}
          enterkeyhint="search"
          dir="auto"
          maxLength={200}
          onInput={(event) => setQuery(event.currentTarget.value)}
        />
      </form>
      {!searching && listed && (
        <h3 id="parley-kb-heading" class="kb-heading">
          {t('kb.suggested')}
        </h3>
      )}
      {listed && <ArticleList articles={articles} labelledBy={searching ? 'parley-kb-status' : 'parley-kb-heading'} />}
      <p id="parley-kb-status" class={searching ? 'muted small' : 'sr-only'} role="status">
        {searching && status === 'ready' && (articles.length ? t('kb.results', { count: articles.length }) : t('kb.noResults', { query: query.trim() }))}
        {searching && status === 'failed' && t('kb.searchFailed')}
      </p>
    </section>
  );
}
