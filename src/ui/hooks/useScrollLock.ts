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
    const { documentElement: html, body } = doc;
    const saved = { html: html.style.overflow, body: body.style.overflow, x: win.scrollX, y: win.scrollY };
    html.style.overflow = 'hidden';
    body.style.overflow = 'hidden';
    return () => {
      html.style.overflow = saved.html;
      body.style.overflow = saved.body;
      win.scrollTo(saved.x, saved.y);
    };
  }, [active]);
}
