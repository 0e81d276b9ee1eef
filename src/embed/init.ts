import type { ParleyWidget } from './ParleyWidget.js';
import { createWidget } from './createWidget.js';
import { createInertWidget } from './createInertWidget.js';
import { findTarget } from './findTarget.js';
import { parseWidgetOptions, type WidgetOptions } from './widgetOptions.js';

// Live widgets by id: `init` twice (or React StrictMode's double mount) yields one widget.
const widgets = new Map<string, ParleyWidget>();

/**
 * Starts the Parley widget on this page and returns its handle. Never throws into the host page:
 * a bad option is logged (naming the option and the accepted values) and replaced by its
 * default; if the widget cannot start at all, the returned handle is inert and says why.
 *
 * @example
 * ```ts
 * import { init } from 'parley-chat';
 * const chat = init({ endpoint: 'https://support.example.com', locale: 'ru', position: 'left' });
 * chat.on('ready', () => chat.open());
 * ```
 */
export function init(options: WidgetOptions): ParleyWidget {
  try {
    if (typeof window === 'undefined' || typeof document === 'undefined') {
      return createInertWidget('default', 'Parley: init() runs only in a browser (it was called during server-side rendering)');
    }
    const parsed = parseWidgetOptions(options);
    for (const error of parsed.errors) console.error(error);
    if (!parsed.options) {
      console.error(parsed.fatal);
      return createInertWidget('default', parsed.fatal ?? 'Parley: invalid options');
    }
    const id = parsed.options.id ?? 'default';
    const existing = widgets.get(id);
    if (existing) {
      console.warn(`Parley: a widget with id "${id}" is already running; returning it. Call destroy() first to re-initialise.`);
      return existing;
    }
    // Checked before anything starts: a chat with nowhere to render must not open a session or a
    // live connection, nor hold the id in the registry.
    let resolved = parsed.options;
    if (resolved.target !== undefined) {
      const target = findTarget(document, resolved.target);
      if (!target) {
        const reason = `Parley: option \`target\` must be an Element or a CSS selector of an element on the page, but ${describeTarget(resolved.target)} matches no element; the widget did not start`;
        console.error(reason);
        return createInertWidget(id, reason);
      }
      resolved = { ...resolved, target };
    }
    const widget = createWidget(resolved, {
      win: window,
      warn: (message) => console.warn(message),
      onDestroy: () => widgets.delete(id),
    });
    widgets.set(id, widget);
    return widget;
  } catch (error) {
    // The last line of defence for "never break the host page".
    console.error('Parley: init() failed unexpectedly', error);
    return createInertWidget('default', `Parley: init() failed: ${String(error)}`);
  }
}

function describeTarget(target: Element | string): string {
  return typeof target === 'string' ? JSON.stringify(target) : `<${target.localName}>`;
}

/** The widget started with this id (default `default`), if any. */
export function getWidget(id = 'default'): ParleyWidget | undefined {
  return widgets.get(id);
}
