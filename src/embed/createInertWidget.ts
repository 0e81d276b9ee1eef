import type { ParleyWidget } from './ParleyWidget.js';

/** A handle that does nothing but repeat why the widget did not start, so host code never crashes. */
export function createInertWidget(id: string, reason: string): ParleyWidget {
  const say = () => console.warn(`${reason} (call ignored)`);
  return {
    id,
    client: null,
    open: say,
    close: say,
    toggle: say,
    show: say,
    hide: say,
    sendMessage: say,
    setLocale: async () => say(),
    setContext: say,
    identify: async () => say(),
    setTheme: say,
    grantConsent: say,
    clear: async () => say(),
    destroy: () => undefined,
    on: () => () => undefined,
  };
}
