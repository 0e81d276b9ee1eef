// Host elements drawn by the script-tag loader, waiting for the widget of their id to take them.
const adopted = new Map<string, HTMLElement>();

/** Called by the loader: the widget of this element's id renders into it instead of a new one. */
export function adoptHost(element: HTMLElement): void {
  adopted.set(element.getAttribute('data-parley-id') ?? 'default', element);
}

/**
 * The loader's element for this id, emptied of the stub launcher, if it is still on the page.
 * `hadFocus` says the visitor had tabbed to the stub: removing it drops focus to <body>, so the
 * widget hands focus to its own launcher.
 */
export function takeAdoptedHost(id: string): { element: HTMLElement; root: ShadowRoot; hadFocus: boolean } | null {
  const element = adopted.get(id);
  adopted.delete(id);
  if (!element?.isConnected || !element.shadowRoot) return null;
  const root = element.shadowRoot;
  const hadFocus = root.activeElement !== null;
  root.adoptedStyleSheets = [];
  root.replaceChildren();
  return { element, root, hadFocus };
}
