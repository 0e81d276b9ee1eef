import type { UploadItem } from '../../core/index.js';
import { formatFileSize } from '../model/formatFileSize.js';
import { uploadText } from '../model/uploadText.js';
import { useAttachmentUrl } from '../hooks/useAttachmentUrl.js';
import { useObjectUrl } from '../hooks/useObjectUrl.js';
import { useT } from '../hooks/useT.js';
import { useWidget } from '../WidgetContext.js';
import { Icon } from './Icon.js';

export interface UploadChipProps {
  item: UploadItem;
  /** Opens the file picker for a file whose bytes were lost (an upload cut off by a reload). */
  onPickAgain: (id: string) => void;
}

/**
 * One attached file: a preview for images, its name and size, progress while it uploads, and
 * exactly why it cannot go when it cannot, with what can be done about it (cancel, retry,
 * attach anyway, remove). The name is always text, so markup in a file name stays inert.
 */
export function UploadChip({ item, onPickAgain }: UploadChipProps) {
  const { client, uploads } = useWidget();
  const t = useT();
  // A refused file gets no preview: its reason is what matters, and it may not even decode.
  const local = useObjectUrl(item.state === 'refused' ? null : item.file, item.type);
  const restored = !item.file && item.state === 'done' && item.attachment?.kind === 'image';
  const remote = useAttachmentUrl(client, item.attachment ?? PLACEHOLDER, restored);
  const preview = local ?? (restored ? remote.url : null);
  const problem = item.state === 'failed' || item.state === 'refused';
  // Waiting out a busy server is still in progress: it can be cancelled, not removed or retried.
  const busy = item.state === 'uploading' || item.state === 'checking' || item.state === 'waiting';
  const percent = Math.round(item.progress * 100);
  const name = { name: item.name };

  return (
    <li class="chip" data-state={item.state}>
      {preview ? <img class="chip-thumb" src={preview} alt="" /> : <Icon name={problem ? 'alert' : 'file'} />}
      <div class="chip-text">
        {problem ? (
          <span class="chip-error" role="alert" dir="auto">
            {uploadText(t, item)}
          </span>
        ) : (
          <>
            <span class="chip-name" dir="auto">
              {item.name}
            </span>
            <span class="chip-meta" aria-hidden={busy || undefined}>
              {item.state === 'waiting' ? t('upload.waitingShort') : busy ? `${t.formatNumber(percent)}%` : formatFileSize(t, item.size)}
            </span>
            <span class="sr-only">{uploadText(t, item)}</span>
          </>
        )}
        {item.canForce && (
          <button type="button" class="link-button" onClick={() => uploads.force(item.id)}>
            {t('upload.force')}
          </button>
        )}
      </div>
      {item.state === 'uploading' && <progress max={100} value={percent} aria-hidden="true" />}
      <div class="chip-actions">
        {busy && (
          <button type="button" class="icon-button" aria-label={t('upload.cancel', name)} onClick={() => uploads.cancel(item.id)}>
            <Icon name="close" />
          </button>
        )}
        {item.state === 'failed' && (
          <button
            type="button"
            class="icon-button"
            aria-label={t(item.file ? 'upload.retry' : 'upload.chooseAgain', name)}
            onClick={() => (item.file ? uploads.retry(item.id) : onPickAgain(item.id))}
          >
            <Icon name="retry" />
          </button>
        )}
        {!busy && (
          <button type="button" class="icon-button" aria-label={t('upload.remove', name)} onClick={() => uploads.remove(item.id)}>
            <Icon name="close" />
          </button>
        )}
      </div>
    </li>
  );
}

// useAttachmentUrl is a hook and must always be called; this stands in when there is nothing to fetch.
const PLACEHOLDER = { id: '', name: '', size: 0, type: '', kind: 'file', url: '' } as const;
