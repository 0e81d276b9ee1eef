import type { UploadItem } from '../hooks/useUploads.js';
import { useT } from '../hooks/useT.js';
import { Icon } from './Icon.js';

/** Files attached to the next message, each with its upload progress and a remove button. */
export function AttachmentTray({ items, onRemove }: { items: readonly UploadItem[]; onRemove: (id: string) => void }) {
  const t = useT();
  if (items.length === 0) return null;
  return (
    <ul class="tray" aria-label={t('upload.tray')}>
      {items.map((item) => {
        const percent = Math.round(item.progress * 100);
        const status =
          item.state === 'failed'
            ? t('upload.failed', { name: item.name })
            : item.state === 'done'
              ? t('upload.done', { name: item.name })
              : t('upload.progress', { name: item.name, percent });
        return (
          <li key={item.id} class="chip" data-state={item.state}>
            <Icon name={item.state === 'failed' ? 'alert' : 'file'} />
            <span class="chip-name" dir="auto" aria-hidden="true">
              {item.name}
            </span>
            <span class="sr-only">{status}</span>
            {item.state === 'uploading' && <progress max={100} value={percent} aria-hidden="true" />}
            <button type="button" class="icon-button" aria-label={t('upload.remove', { name: item.name })} onClick={() => onRemove(item.id)}>
              <Icon name="close" />
            </button>
          </li>
        );
      })}
    </ul>
  );
}
