import { useStore } from '@nanostores/preact';
import { pickLocalized } from '../../core/index.js';
import { renderMarkdown } from '../markdown/renderMarkdown.js';
import { useT } from '../hooks/useT.js';
import { useWidget } from '../WidgetContext.js';
import { Icon } from './Icon.js';

/**
 * Notices from the desk (security warnings, outages). Dismissible ones can be closed, and stay
 * closed across reloads: the client saves the ids in `$dismissedNotices`.
 */
export function NoticeBanner() {
  const { client } = useWidget();
  const t = useT();
  const config = useStore(client.$config);
  const dismissed = useStore(client.$dismissedNotices);
  const notices = (config?.notices ?? []).filter((n) => !(n.dismissible && dismissed.includes(n.id)));
  if (notices.length === 0) return null;
  return (
    <>
      {notices.map((notice) => (
        <div key={notice.id} class="notice" data-level={notice.level}>
          <Icon name={notice.level === 'info' ? 'info' : 'alert'} />
          <div class="rich">
            <span class="sr-only">{t(`notice.${notice.level}`)}: </span>
            {renderMarkdown(pickLocalized(notice.text, t.locale))}
          </div>
          {notice.dismissible && (
            <button type="button" class="icon-button" aria-label={t('notice.dismiss')} onClick={() => client.dismissNotice(notice.id)}>
              <Icon name="close" />
            </button>
          )}
        </div>
      ))}
    </>
  );
}
