import { useStore } from '@nanostores/preact';
import { useState } from 'preact/hooks';
import { useT } from '../hooks/useT.js';
import { useWidget } from '../WidgetContext.js';
import { Icon } from './Icon.js';

/**
 * Says so when the browser keeps nothing (private mode, blocked storage): the conversation
 * lives only as long as the page. Closing it lasts for this page, which is all it can last.
 */
export function StorageNotice() {
  const { client } = useWidget();
  const t = useT();
  const storage = useStore(client.$storage);
  const [dismissed, setDismissed] = useState(false);
  if (!storage || storage.durable || dismissed) return null;
  return (
    <div class="storage-notice" role="note">
      <Icon name="info" />
      <p>{t('storage.notDurable')}</p>
      <button type="button" class="icon-button" aria-label={t('storage.dismiss')} onClick={() => setDismissed(true)}>
        <Icon name="close" />
      </button>
    </div>
  );
}
