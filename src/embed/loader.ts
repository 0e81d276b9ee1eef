/**
 * The script-tag loader (dist/parley.js): the only code every host page pays for. It installs
 * `window.Parley`, keeps calls made before the widget loads in order, draws the launcher at
 * once, and imports the widget bundle (dist/widget/parley-widget.js: client and panel) on the
 * first hover, focus or click of the launcher, when the browser is idle, or at once when there
 * are unread messages or the page asks to open the chat.
 *
 * Queue stub for calling Parley before this script has loaded:
 *   window.Parley = window.Parley || function () { (Parley.q = Parley.q || []).push(arguments); };
 */
import { drawStubLauncher, type StubLauncher } from './drawStubLauncher.js';
import { readScriptOptions } from './readScriptOptions.js';
import { replayOrder, type QueuedCall } from './replayOrder.js';

interface WidgetModule {
  dispatch(method: unknown, args: unknown[], defaults: Record<string, unknown>): unknown;
  adoptHost(element: HTMLElement): void;
}

type Call = QueuedCall;
type StubbedWindow = Window & { Parley?: ((...args: unknown[]) => unknown) & { q?: ArrayLike<unknown>[]; loaded?: boolean } };

(() => {
  const win = window as StubbedWindow;
  const doc = document;
  const script = doc.currentScript as HTMLScriptElement | null;
  if (win.Parley?.loaded) return; // the tag was included twice
  const queued: Call[] = Array.from(win.Parley?.q ?? [], (args) => Array.from(args) as Call);
  const defaults = readScriptOptions(script);
  const queuedInit = queued.find((call) => call[0] === 'init')?.[1];
  const initial = { ...defaults, ...(typeof queuedInit === 'object' ? queuedInit : {}) } as Record<string, unknown>;
  const id = typeof initial.id === 'string' ? initial.id : 'default';
  let widget: WidgetModule | null = null;
  let loading = false;
  let stub: StubLauncher | null = null;
  let openOnLoad = queued.some((call) => call[0] === 'open');

  const load = () => {
    if (loading) return;
    loading = true;
    const base = script?.src ? script.src : doc.baseURI;
    import(/* @vite-ignore */ new URL('widget/parley-widget.js', base).href).then(
      (mod: WidgetModule) => {
        widget = mod;
        if (stub) mod.adoptHost(stub.element);
        for (const [method, ...args] of replayOrder(queued.splice(0), Boolean(defaults.endpoint))) mod.dispatch(method, args, defaults);
        if (openOnLoad) mod.dispatch('open', [], defaults);
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
  Parley.loaded = true;
  win.Parley = Parley;

  const launcher = initial.launcher as { hidden?: boolean } | undefined;
  const draw = () => {
    if (!initial.endpoint || initial.target || launcher?.hidden || widget) return;
    stub = drawStubLauncher(doc, { id, position: initial.position, primaryColor: script?.dataset.primaryColor, zIndex: initial.zIndex, locale: initial.locale, nonce: initial.nonce });
    stub.button.addEventListener('pointerenter', load, { once: true });
    stub.button.addEventListener('focus', load, { once: true });
    stub.button.addEventListener('click', () => {
      openOnLoad = true;
      load();
    });
  };
  if (doc.body) draw();
  else doc.addEventListener('DOMContentLoaded', draw, { once: true });

  if (openOnLoad || hasUnread(win, id)) load();
  else if ('requestIdleCallback' in win) win.requestIdleCallback(load, { timeout: 2500 });
  else setTimeout(load, 1200);
})();

/** The widget leaves an unread count here for the loader, so replies are never hidden behind lazy loading. */
function hasUnread(win: Window, id: string): boolean {
  try {
    return Number(win.localStorage.getItem(`parley:${win.location.host}:${id}:unread`)) > 0;
  } catch {
    return false; // storage blocked: the idle load still brings the panel in within seconds
  }
}
