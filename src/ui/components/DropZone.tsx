import { useT } from '../hooks/useT.js';
import { Icon } from './Icon.js';

/**
 * The overlay shown while files are dragged over the panel. The status line is always in the
 * tree, so a screen reader hears "Drop files here" when a drag starts and nothing otherwise.
 */
export function DropZone({ active }: { active: boolean }) {
  const t = useT();
  return (
    <>
      <p class="sr-only" role="status">
        {active ? t('upload.dropHere') : ''}
      </p>
      {active && (
        <div class="drop-zone" aria-hidden="true">
          <Icon name="attach" />
          <span>{t('upload.dropHere')}</span>
        </div>
      )}
    </>
  );
}
