import { useStore } from '@nanostores/preact';
import { useEffect, useRef, useState } from 'preact/hooks';
import { useWidget } from '../WidgetContext.js';
import { useFloatingMenu } from './useFloatingMenu.js';

const ITEMS = '[role="menuitem"], [role="menuitemradio"]';

/**
 * A menu button and its `role="menu"` popover, positioned by floating-ui: opening focuses the
 * first item; arrow keys, Home and End move; Escape closes and returns focus to the button;
 * Tab and outside clicks close. Spread `buttonProps` on the button and `menuProps` on the menu.
 */
export function useMenu(id: string) {
  const { i18n } = useWidget();
  const dir = useStore(i18n.$dir);
  const [open, setOpen] = useState(false);
  const button = useRef<HTMLButtonElement>(null);
  const menu = useRef<HTMLDivElement>(null);
  useFloatingMenu(button, menu, open, dir === 'rtl');

  const items = () => Array.from(menu.current?.querySelectorAll<HTMLElement>(ITEMS) ?? []);
  const focusItem = (index: number) => {
    const list = items();
    list[(index + list.length) % list.length]?.focus();
  };

  useEffect(() => {
    if (!open) return;
    focusItem(0);
    const doc = button.current?.ownerDocument;
    // composedPath sees through the shadow boundary.
    const onPointerDown = (event: Event) => {
      const path = event.composedPath();
      if (!path.includes(menu.current!) && !path.includes(button.current!)) setOpen(false);
    };
    doc?.addEventListener('pointerdown', onPointerDown, true);
    return () => doc?.removeEventListener('pointerdown', onPointerDown, true);
  }, [open]);

  /** Closes the menu and puts focus back on its button. */
  const close = () => {
    setOpen(false);
    button.current?.focus();
  };

  const onKeyDown = (event: KeyboardEvent) => {
    const list = items();
    const index = list.indexOf(event.target as HTMLElement);
    const moves: Record<string, number> = { ArrowDown: index + 1, ArrowUp: index - 1, Home: 0, End: list.length - 1 };
    if (event.key in moves) {
      event.preventDefault();
      focusItem(moves[event.key]!);
    } else if (event.key === 'Escape') {
      // Handled here so the panel does not close too.
      event.preventDefault();
      event.stopPropagation();
      close();
    } else if (event.key === 'Tab') {
      setOpen(false);
    }
  };

  return {
    open,
    close,
    buttonProps: {
      ref: button,
      type: 'button' as const,
      'aria-haspopup': 'menu' as const,
      'aria-expanded': open,
      'aria-controls': id,
      onClick: () => setOpen(!open),
      onKeyDown: (event: KeyboardEvent) => {
        if (event.key === 'ArrowDown' || event.key === 'ArrowUp') {
          event.preventDefault();
          setOpen(true);
        } else if (event.key === 'Escape' && open) {
          // Focus moves into the menu only after it paints; an Escape before that closes the menu, not the panel.
          event.preventDefault();
          event.stopPropagation();
          setOpen(false);
        }
      },
    },
    menuProps: { ref: menu, id, role: 'menu' as const, hidden: !open, onKeyDown },
  };
}
