import { useEffect } from 'preact/hooks';
import type { RefObject } from 'preact';

/**
 * Sizes the full-screen panel to the visible part of the screen. iOS Safari does not resize the
 * layout viewport when the on-screen keyboard opens (so `100dvh` still reaches under the
 * keyboard and the composer would hide behind it); `visualViewport` reports what is actually
 * visible, and we pin the panel to it through `--parley-vv-height` and `--parley-vv-top`.
 */
export function useVisualViewport(active: boolean, ref: RefObject<HTMLElement>): void {
  useEffect(() => {
    const el = ref.current;
    const viewport = el?.ownerDocument.defaultView?.visualViewport;
    if (!active || !el || !viewport) return;
    const update = () => {
      el.style.setProperty('--parley-vv-height', `${viewport.height}px`);
      el.style.setProperty('--parley-vv-top', `${viewport.offsetTop}px`);
    };
    update();
    viewport.addEventListener('resize', update);
    viewport.addEventListener('scroll', update);
    return () => {
      viewport.removeEventListener('resize', update);
      viewport.removeEventListener('scroll', update);
      el.style.removeProperty('--parley-vv-height');
      el.style.removeProperty('--parley-vv-top');
    };
  }, [active]);
}
