import { useStore } from '@nanostores/preact';
import { useEffect, useRef, useState } from 'preact/hooks';
import { resolveLocale } from '../../core/index.js';
import { useFloatingMenu } from '../hooks/useFloatingMenu.js';
import { useT } from '../hooks/useT.js';
import { useWidget } from '../WidgetContext.js';
import { Icon } from './Icon.js';

/**
 * The language switcher: a menu button and a `role="menu"` popover of `menuitemradio` items.
 * Arrow keys, Home and End move, Enter or Space picks, Escape closes and returns focus.
 */
export function LanguageMenu({ defaultOpen = false }: { defaultOpen?: boolean }) {
  const { client, i18n, warn } = useWidget();
  const t = useT();
  const locale = useStore(client.$locale);
  const dir = useStore(i18n.$dir);
  const [open, setOpen] = useState(defaultOpen);
  const button = useRef<HTMLButtonElement>(null);
  const menu = useRef<HTMLDivElement>(null);
  const current = resolveLocale(locale, i18n.locales.map((l) => l.code));
  const currentName = i18n.locales.find((l) => l.code === current)?.name ?? current;
  useFloatingMenu(button, menu, open, dir === 'rtl');

  const items = () => Array.from(menu.current?.querySelectorAll<HTMLElement>('[role="menuitemradio"]') ?? []);
  const focusItem = (index: number) => {
    const list = items();
    list[(index + list.length) % list.length]?.focus();
  };

  useEffect(() => {
    if (!open) return;
    const list = items();
    const checked = list.findIndex((el) => el.getAttribute('aria-checked') === 'true');
    focusItem(Math.max(0, checked));
    const doc = button.current?.ownerDocument;
    // Outside clicks close the menu; composedPath sees through the shadow boundary.
    const onPointerDown = (event: Event) => {
      const path = event.composedPath();
      if (!path.includes(menu.current!) && !path.includes(button.current!)) setOpen(false);
    };
    doc?.addEventListener('pointerdown', onPointerDown, true);
    return () => doc?.removeEventListener('pointerdown', onPointerDown, true);
  }, [open]);

  const close = () => {
    setOpen(false);
    button.current?.focus();
  };

  const choose = (code: string) => {
    close();
    if (code !== current) {
      client.setLocale(code).catch((error: unknown) => warn(`Parley: could not switch language (${String(error)})`));
    }
  };

  const onMenuKeyDown = (event: KeyboardEvent) => {
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
    } else if (event.key.length === 1 && /\S/.test(event.key)) {
      const start = list.findIndex((el, i) => i > index && el.textContent?.toLowerCase().startsWith(event.key.toLowerCase()));
      const match = start >= 0 ? start : list.findIndex((el) => el.textContent?.toLowerCase().startsWith(event.key.toLowerCase()));
      if (match >= 0) focusItem(match);
    }
  };

  return (
    <>
      <button
        ref={button}
        type="button"
        class="icon-button language-button"
        aria-haspopup="menu"
        aria-expanded={open}
        aria-controls="parley-language-menu"
        // The name contains the visible code, so speech users can say what they see (WCAG 2.5.3).
        aria-label={`${t('header.language', { language: currentName })}, ${current.toUpperCase()}`}
        onClick={() => setOpen(!open)}
        onKeyDown={(event) => {
          if (event.key === 'ArrowDown' || event.key === 'ArrowUp') {
            event.preventDefault();
            setOpen(true);
          } else if (event.key === 'Escape' && open) {
            // Focus moves into the menu only after it paints; an Escape before that closes the menu, not the panel.
            event.preventDefault();
            event.stopPropagation();
            setOpen(false);
          }
        }}
      >
        <Icon name="globe" />
        <span aria-hidden="true">{current.toUpperCase()}</span>
      </button>
      <div
        ref={menu}
        id="parley-language-menu"
        class="menu"
        role="menu"
        aria-label={t('header.language', { language: currentName })}
        hidden={!open}
        onKeyDown={onMenuKeyDown}
      >
        {i18n.locales.map((l) => (
          <button
            key={l.code}
            type="button"
            role="menuitemradio"
            class="menu-item"
            aria-checked={l.code === current}
            lang={l.code}
            tabIndex={-1}
            onClick={() => choose(l.code)}
          >
            <span>{l.name}</span>
            {l.code === current && <Icon name="check" />}
          </button>
        ))}
      </div>
    </>
  );
}
