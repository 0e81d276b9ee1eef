/**
 * The script-tag loader (dist/parley.js): the only code every host page pays for. It installs
 * `window.Parley`, keeps calls made before the widget loads in order, and imports the widget
 * bundle (dist/widget/parley-widget.js) when the browser is idle, or at once when the page
 * asks to open the chat.
 *
 * Queue stub for calling Parley before this script has loaded:
 *   window.Parley = window.Parley || function () { (Parley.q = Parley.q || []).push(arguments); };
 */
import { readScriptOptions } from './readScriptOptions.js';

interface WidgetModule {
  dispatch(method: unknown, args: unknown[], defaults: Record<string, unknown>): unknown;
}

type Call = [unknown, ...unknown[]];
type StubbedWindow = Window & { Parley?: ((...args: unknown[]) => unknown) & { q?: ArrayLike<unknown>[] } };

(() => {
  const win = window as StubbedWindow;
  const script = document.currentScript as HTMLScriptElement | null;
  if (win.Parley && !win.Parley.q && (win.Parley as { loaded?: boolean }).loaded) return; // loaded twice
  const queued: Call[] = Array.from(win.Parley?.q ?? [], (args) => Array.from(args) as Call);
  const defaults = readScriptOptions(script);
  let widget: WidgetModule | null = null;
  let loading = false;

  const load = () => {
    if (loading) return;
    loading = true;
    const base = script?.src ? script.src : document.baseURI;
    import(/* @vite-ignore */ new URL('widget/parley-widget.js', base).href).then(
      (mod: WidgetModule) => {
        widget = mod;
        if (defaults.endpoint && !queued.some((call) => call[0] === 'init')) queued.unshift(['init', {}]);
        for (const [method, ...args] of queued.splice(0)) mod.dispatch(method, args, defaults);
      },
      (error: unknown) => console.error('Parley: could not load the widget bundle', error),
    );
  };

  const Parley = (method: unknown, ...args: unknown[]): unknown => {
    if (widget) return widget.dispatch(method, args, defaults);
    queued.push([method, ...args]);
    if (method === 'open' || method === 'toggle' || method === 'sendMessage') load();
    return undefined;
  };
  (Parley as { loaded?: boolean }).loaded = true;
  win.Parley = Parley;

  if (queued.some((call) => call[0] === 'open')) load();
  else if ('requestIdleCallback' in win) win.requestIdleCallback(load, { timeout: 2500 });
  else setTimeout(load, 1200);
})();
