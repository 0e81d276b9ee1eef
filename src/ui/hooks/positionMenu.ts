import { autoUpdate, computePosition, flip, offset, shift } from '@floating-ui/dom';

/**
 * Keeps `menu` next to `reference` until the returned cleanup runs. A module of its own so that
 * `useFloatingMenu` can import it lazily and the chunk holds only the parts of @floating-ui/dom
 * used here (a dynamic `import('@floating-ui/dom')` would keep the whole package).
 */
export function positionMenu(reference: HTMLElement, menu: HTMLElement, rtl: boolean): () => void {
  return autoUpdate(reference, menu, () => {
    void computePosition(reference, menu, {
      strategy: 'fixed',
      placement: rtl ? 'bottom-start' : 'bottom-end',
      middleware: [offset(6), flip({ padding: 8 }), shift({ padding: 8 })],
    }).then(({ x, y }) => {
      Object.assign(menu.style, { left: `${x}px`, top: `${y}px`, opacity: '' });
    });
  });
}
