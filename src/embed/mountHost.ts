import { takeAdoptedHost } from './adoptHost.js';

export interface Host {
  element: HTMLElement;
  root: ShadowRoot;
  inline: boolean;
  /** The loader's launcher, adopted here, had focus; the widget's own launcher should take it. */
  hadFocus: boolean;
  remove(): void;
}

/**
 * Creates the one element Parley adds to the page and its shadow root. Floating widgets go at
 * the end of <body>; inline ones into the host's container. Returns null for a missing target.
 */
export function mountHost(
  win: Window,
  options: { id: string; target: Element | string | null; fullHeight?: boolean },
): Host | null {
  const doc = win.document;
  let parent: Element | null = doc.body;
  const inline = options.target !== null;
  if (typeof options.target === 'string') parent = doc.querySelector(options.target);
  else if (options.target) parent = options.target;
  if (!parent) return null;
  // A floating widget takes over the launcher the script-tag loader already drew.
  const adopted = inline ? null : takeAdoptedHost(options.id);
  if (adopted) return { ...adopted, inline, remove: () => adopted.element.remove() };
  const element = doc.createElement('parley-widget-host');
  element.setAttribute('data-parley-id', options.id);
  if (inline) element.setAttribute('data-inline', '');
  if (inline && options.fullHeight) {
    // Telegram keeps the visible height in this variable as its sheet expands and the keyboard opens.
    element.style.display = 'block';
    element.style.blockSize = 'var(--tg-viewport-stable-height, 100dvh)';
  }
  const root = element.attachShadow({ mode: 'open' });
  parent.appendChild(element);
  return { element, root, inline, hadFocus: false, remove: () => element.remove() };
}
