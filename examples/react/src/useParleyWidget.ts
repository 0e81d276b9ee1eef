import { useEffect, useState } from 'react';
import { init, type ParleyWidget, type WidgetOptions } from 'parley-chat';

/**
 * Starts the Parley widget while the calling component is mounted and removes it (every node,
 * listener, timer and connection) when it unmounts. Returns `null` until the first effect ran,
 * which also keeps server rendering safe: effects never run on the server.
 *
 * Pass a stable options object (a module constant or `useMemo`): a new object restarts the
 * widget. Change the language, context or theme of a running widget through the handle instead.
 *
 * StrictMode mounts, cleans up and mounts again in development; `destroy()` in the cleanup makes
 * that end with exactly one widget. (Without the cleanup, `init` with the same `id` would still
 * return the running widget rather than a second one.)
 */
export function useParleyWidget(options: WidgetOptions): ParleyWidget | null {
  const [widget, setWidget] = useState<ParleyWidget | null>(null);
  useEffect(() => {
    const started = init(options);
    setWidget(started);
    return () => {
      started.destroy();
      setWidget(null);
    };
  }, [options]);
  return widget;
}
