import { useState } from 'preact/hooks';
import { useT } from '../hooks/useT.js';
import { useWidget } from '../WidgetContext.js';

/**
 * Pages in earlier messages; the list keeps what is on screen in place. With `reveal`, the
 * earlier messages are already loaded and only hidden by the list's window: it shows them.
 */
export function LoadOlderButton({ reveal }: { reveal?: () => void }) {
  const { client } = useWidget();
  const t = useT();
  const [state, setState] = useState<'idle' | 'loading' | 'failed'>('idle');
  const load = () => {
    if (reveal) return reveal();
    setState('loading');
    client.loadOlder().then(
      () => setState('idle'),
      () => setState('failed'),
    );
  };
  return (
    <>
      <button type="button" class="load-older" disabled={state === 'loading'} aria-busy={state === 'loading'} onClick={load}>
        {t(state === 'loading' ? 'messages.loadingOlder' : 'messages.loadOlder')}
      </button>
      {state === 'failed' && (
        <p class="system" role="alert">
          {t('messages.loadOlderFailed')}
        </p>
      )}
    </>
  );
}
