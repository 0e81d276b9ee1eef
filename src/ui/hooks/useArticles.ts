import { useStore } from '@nanostores/preact';
import { useEffect, useState } from 'preact/hooks';
import type { ArticleSummary } from '../../core/index.js';
import { useWidget } from '../WidgetContext.js';

export interface ArticlesState {
  status: 'idle' | 'loading' | 'ready' | 'failed';
  articles: ArticleSummary[];
}

const SEARCH_DEBOUNCE_MS = 300;

/**
 * Help articles for the home screen: with an empty `query`, the ones suggested for the host
 * page (`$pageUrl`, refreshed when the SPA navigates); otherwise a search, debounced while the
 * visitor types. Answers that arrive after a newer request are dropped. Both need a session.
 */
export function useArticles(query: string, enabled = true): ArticlesState {
  const { client, $pageUrl, warn } = useWidget();
  const url = useStore($pageUrl);
  const locale = useStore(client.$locale);
  const ready = useStore(client.$session).status === 'ready';
  const [state, setState] = useState<ArticlesState>({ status: 'idle', articles: [] });
  const q = query.trim();

  useEffect(() => {
    if (!enabled || !ready || (!q && !url)) return;
    let live = true;
    setState((s) => ({ ...s, status: 'loading' }));
    const run = () =>
      (q ? client.transport.searchArticles(q, locale) : client.transport.suggestArticles(url, locale)).then(
        (articles) => live && setState({ status: 'ready', articles }),
        (error: unknown) => {
          if (!live) return;
          warn(`Parley: help articles could not be loaded (${String(error)})`);
          setState({ status: 'failed', articles: [] });
        },
      );
    const timer = q ? setTimeout(run, SEARCH_DEBOUNCE_MS) : undefined;
    if (!q) void run();
    return () => {
      live = false;
      clearTimeout(timer);
    };
  }, [q, url, locale, ready, enabled]);

  return state;
}
