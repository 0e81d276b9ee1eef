import { useStore } from '@nanostores/preact';
import { useState } from 'preact/hooks';
import { useT } from '../hooks/useT.js';
import { useWidget } from '../WidgetContext.js';
import { Icon } from './Icon.js';

/**
 * Says so when history cannot be kept: the browser keeps nothing (private mode, blocked
 * storage), so the conversation lives only as long as the page; or the device's storage is full
 * (`$storage.full`), so even after evicting older messages the newest may not be saved. Closing
 * it lasts for this page, which is all it can last; a different reason shows again.
 */
export function StorageNotice() {
  const { client } = useWidget();
  const t = useT();
  const storage = useStore(client.$storage);
  const [dismissed, setDismissed] = useState<string | null>(null);
  const reason = !storage ? null : storage.full ? 'storage.full' : storage.durable ? null : 'storage.notDurable';
  if (!reason || dismissed === reason) return null;
  return (
    <div class="storage-notice" role="note">
      <Icon name="info" />
      <p>{t(reason)}</p>
      <button type="button" class="icon-button" aria-label={t('storage.dismiss')} onClick={() => setDismissed(reason)}>
        <Icon name="close" />
      </button>
    </div>
  );
}
