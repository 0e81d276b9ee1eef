import { getWidget, init } from './init.js';
import type { ParleyWidget } from './ParleyWidget.js';
import type { WidgetOptions } from './widgetOptions.js';

const METHODS = [
  'init',
  'open',
  'close',
  'toggle',
  'show',
  'hide',
  'sendMessage',
  'setLocale',
  'setContext',
  'identify',
  'setTheme',
  'grantConsent',
  'clear',
  'destroy',
  'on',
] as const;

type Method = (typeof METHODS)[number];

// The widget a script-tag page drives: the one its last `init` started (`data-widget-id` may
// have named it something other than `default`).
let currentId: string | undefined;

/**
 * Runs one `Parley(method, …args)` call from a script-tag page. Unknown methods log the known
 * ones; calls before `init` are reported instead of throwing.
 */
export function dispatch(method: unknown, args: unknown[], defaults: Partial<WidgetOptions> = {}): unknown {
  if (!METHODS.includes(method as Method)) {
    console.error(`Parley: unknown method ${JSON.stringify(method)}; known methods: ${METHODS.join(', ')}`);
    return undefined;
  }
  if (method === 'init') {
    const options = (typeof args[0] === 'object' && args[0] !== null ? args[0] : {}) as WidgetOptions;
    const widget = init({ ...defaults, ...options } as WidgetOptions);
    currentId = widget.id;
    return widget;
  }
  const widget = getWidget(currentId);
  if (!widget) {
    console.warn(`Parley: \`${String(method)}\` was called before init; call Parley('init', { endpoint }) first`);
    return undefined;
  }
  const fn = widget[method as Exclude<Method, 'init'>] as (...a: unknown[]) => unknown;
  const result = fn.apply(widget as ParleyWidget, args);
  // Promise-returning methods must not produce unhandled rejections on the host page.
  if (result instanceof Promise) result.catch((error: unknown) => console.error(`Parley: ${String(method)} failed`, error));
  return result;
}
