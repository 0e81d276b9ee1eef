import type { UploadItem } from '../../core/index.js';
import { useT } from '../hooks/useT.js';
import { UploadChip } from './UploadChip.js';

/** Files attached to the next message, each with its progress, problem and actions. */
export function AttachmentTray({ items, onPickAgain }: { items: readonly UploadItem[]; onPickAgain: (id: string) => void }) {
  const t = useT();
  if (items.length === 0) return null;
  return (
    <ul class="tray" aria-label={t('upload.tray')}>
      {items.map((item) => (
        <UploadChip key={item.id} item={item} onPickAgain={onPickAgain} />
      ))}
    </ul>
  );
}
