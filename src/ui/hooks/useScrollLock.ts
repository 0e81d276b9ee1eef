import type { RefObject } from 'preact';
import { useEffect } from 'preact/hooks';

/**
 * While `active` (the full-screen panel on a phone), stops the host page from scrolling behind
 * the chat, and on release restores the page's own `overflow` values and its exact scroll
 * position. Only inline styles we set are touched, and they are put back as they were.
 */
export function useScrollLock(active: boolean, ref: RefObject<HTMLElement>): void {
  useEffect(() => {
    const doc = ref.current?.ownerDocument;
    const win = doc?.defaultView;
    if (!active || !doc || !win) return;
    const x = win.scrollX;
    const y = win.scrollY;
    const restores = [doc.documentElement, doc.body].map(lockOverflow);
    return () => {
      restores.forEach((restore) => restore());
      win.scrollTo(x, y);
    };
  }, [active]);
}

/**
 * Sets `overflow: hidden !important` inline (important, so a page's `html { overflow: auto
 * !important }` cannot undo the lock) and returns how to put back exactly what was there: the
 * longhands one by one (the `overflow` shorthand reads as '' when x and y differ, so saving it
 * would lose a page's `overflow-x: hidden`), and no empty `style=""` left behind.
 */
function lockOverflow(el: HTMLElement): () => void {
  const hadStyle = el.hasAttribute('style');
  const names = ['overflow-x', 'overflow-y'];
  const saved = names.map((name) => ({ name, value: el.style.getPropertyValue(name), priority: el.style.getPropertyPriority(name) }));
  for (const name of names) el.style.setProperty(name, 'hidden', 'important');
  return () => {
    for (const { name, value, priority } of saved) {
      if (value) el.style.setProperty(name, value, priority);
      else el.style.removeProperty(name);
    }
    if (!hadStyle && el.getAttribute('style') === '') el.removeAttribute('style');
  };
}
