import { useEffect, useRef } from 'preact/hooks';
import { useObjectUrl } from '../hooks/useObjectUrl.js';
import { useT } from '../hooks/useT.js';

export interface ScreenshotPreviewProps {
  blob: Blob | null;
  onAttach: () => void;
  onDiscard: () => void;
}

/**
 * The captured frame before it goes anywhere: the visitor checks it for passwords or personal
 * details, then attaches or discards it. Nothing is uploaded until "Attach screenshot".
 */
export function ScreenshotPreview({ blob, onAttach, onDiscard }: ScreenshotPreviewProps) {
  const t = useT();
  const url = useObjectUrl(blob, 'image/png');
  const attach = useRef<HTMLButtonElement>(null);
  useEffect(() => {
    if (blob) attach.current?.focus();
  }, [blob]);
  if (!blob) return null;
  return (
    <div
      class="screenshot-preview"
      role="dialog"
      aria-labelledby="parley-screenshot-title"
      aria-describedby="parley-screenshot-hint"
      onKeyDown={(event) => {
        if (event.key !== 'Escape') return;
        event.preventDefault();
        event.stopPropagation();
        onDiscard();
      }}
    >
      <p class="secret-title" id="parley-screenshot-title">
        {t('screenshot.title')}
      </p>
      {url && <img src={url} alt={t('screenshot.title')} />}
      <p class="muted small" id="parley-screenshot-hint">
        {t('screenshot.hint')}
      </p>
      <div class="secret-actions">
        <button ref={attach} type="button" class="button" onClick={onAttach}>
          {t('screenshot.attach')}
        </button>
        <button type="button" class="button secondary" onClick={onDiscard}>
          {t('screenshot.discard')}
        </button>
      </div>
    </div>
  );
}
