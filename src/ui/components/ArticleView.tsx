import { useStore } from '@nanostores/preact';
import { useEffect, useMemo, useState } from 'preact/hooks';
import type { Article } from '../../core/index.js';
import { renderMarkdown } from '../markdown/renderMarkdown.js';
import { useT } from '../hooks/useT.js';
import { useWidget } from '../WidgetContext.js';

/**
 * A help article inside the panel (the header's back button returns home). Its body goes
 * through the same safe Markdown renderer as messages. "Still need help?" starts a
 * conversation that carries the article, so the desk sees what the visitor already read.
 */
export function ArticleView() {
  const { client, view, warn } = useWidget();
  const t = useT();
  const ref = useStore(view.$article);
  const locale = useStore(client.$locale);
  const config = useStore(client.$config);
  const [state, setState] = useState<{ article: Article | null; failed: boolean }>({ article: null, failed: false });
  const body = useMemo(() => (state.article ? renderMarkdown(state.article.body) : null), [state.article]);

  useEffect(() => {
    if (!ref) return;
    let live = true;
    setState({ article: null, failed: false });
    client.transport.getArticle(ref.id, locale).then(
      (article) => live && setState({ article, failed: false }),
      (error: unknown) => {
        if (!live) return;
        warn(`Parley: the article ${ref.id} could not be loaded (${String(error)})`);
        setState({ article: null, failed: true });
      },
    );
    return () => {
      live = false;
    };
  }, [ref?.id, locale]);

  if (!ref) return null;
  const article = state.article;
  const ask = () => {
    const current = client.$conversation.get();
    // A new question after a resolved one is a new request, and the article goes with it.
    if (current?.status === 'resolved') client.startNewConversation();
    view.$askAbout.set({ id: ref.id, title: article?.title ?? ref.title });
    const fresh = !client.$conversation.get();
    view.$screen.set(fresh && (config?.topics.length ?? 0) > 0 ? 'topics' : 'chat');
  };

  return (
    <article class="article" aria-labelledby="parley-article-title">
      <h2 id="parley-article-title" tabIndex={-1} data-autofocus dir="auto">
        {article?.title ?? ref.title}
      </h2>
      {article && (
        <p class="muted small">{t('kb.updated', { date: t.formatDate(article.updatedAt, { dateStyle: 'long' }) })}</p>
      )}
      {!article && !state.failed && <p class="muted" role="status">{t('kb.loading')}</p>}
      {state.failed && <p role="alert">{t('kb.articleFailed')}</p>}
      {body && <div class="rich article-body">{body}</div>}
      <section class="card still" aria-labelledby="parley-still-title">
        <h3 id="parley-still-title">{t('kb.stillNeedHelp')}</h3>
        <button type="button" class="button" onClick={ask}>
          {t('kb.contact')}
        </button>
      </section>
    </article>
  );
}
