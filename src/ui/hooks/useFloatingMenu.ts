import { useEffect } from 'preact/hooks';
import type { RefObject } from 'preact';
import { useWidget } from '../WidgetContext.js';

/**
 * Positions `floating` next to `anchor` while open, with flip (to stay in view above or below)
 * and shift (to stay inside the viewport edges). `fixed` strategy, so the panel's overflow
 * cannot clip it. autoUpdate follows scroll and resize; its cleanup stops that.
 *
 * @floating-ui/dom is a lazy chunk (about a sixth of the panel's code), fetched the first time
 * a menu opens. Until it has a position the menu is transparent, not hidden: the menu moves
 * focus into it at once, and a `visibility: hidden` element cannot take focus.
 */
export function useFloatingMenu(anchor: RefObject<HTMLElement>, floating: RefObject<HTMLElement>, open: boolean, rtl: boolean) {
  const { warn } = useWidget();
  useEffect(() => {
    const reference = anchor.current;
    const menu = floating.current;
    if (!open || !reference || !menu) return;
    let stop: (() => void) | undefined;
    let closed = false;
    menu.style.opacity = '0';
    import('./positionMenu.js').then(
      ({ positionMenu }) => {
        if (!closed) stop = positionMenu(reference, menu, rtl);
      },
      // Without the positioning code the menu still works where CSS puts it.
      (error: unknown) => {
        menu.style.opacity = '';
        warn(`Parley: the menu positioning code failed to load (${String(error)}); the menu opens unpositioned`);
      },
    );
    return () => {
      closed = true;
      stop?.();
    };
  }, [open, rtl]);
}
