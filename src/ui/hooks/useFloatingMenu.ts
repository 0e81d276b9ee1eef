import { autoUpdate, computePosition, flip, offset, shift } from '@floating-ui/dom';
import { useEffect } from 'preact/hooks';
import type { RefObject } from 'preact';

/**
 * Positions `floating` next to `anchor` while open, with flip (to stay in view above or below)
 * and shift (to stay inside the viewport edges). `fixed` strategy, so the panel's overflow
 * cannot clip it. autoUpdate follows scroll and resize; its cleanup stops that.
 */
export function useFloatingMenu(anchor: RefObject<HTMLElement>, floating: RefObject<HTMLElement>, open: boolean, rtl: boolean) {
  useEffect(() => {
    const reference = anchor.current;
    const menu = floating.current;
    if (!open || !reference || !menu) return;
    return autoUpdate(reference, menu, () => {
      void computePosition(reference, menu, {
        strategy: 'fixed',
        placement: rtl ? 'bottom-start' : 'bottom-end',
        middleware: [offset(6), flip({ padding: 8 }), shift({ padding: 8 })],
      }).then(({ x, y }) => {
        Object.assign(menu.style, { left: `${x}px`, top: `${y}px` });
      });
    });
  }, [open, rtl]);
}
