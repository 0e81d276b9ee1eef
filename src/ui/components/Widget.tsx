import { useStore } from '@nanostores/preact';
import { useEffect, useRef } from 'preact/hooks';
import { useWidget } from '../WidgetContext.js';
import { Launcher } from './Launcher.js';
import { LiveAnnouncer } from './LiveAnnouncer.js';
import { Panel } from './Panel.js';

/**
 * The whole widget: launcher, panel and the live announcer. It also gives focus back when the
 * panel closes while focus was inside it: to the launcher, or to where it was on the page.
 */
export function Widget({ position }: { position: 'left' | 'right' }) {
  const { view, inline } = useWidget();
  const open = useStore(view.$open);
  const launcherVisible = useStore(view.$launcherVisible);
  const root = useRef<HTMLDivElement>(null);
  const returnTo = useRef<HTMLElement | null>(null);
  const focusWasInside = useRef(false);
  // `launcher: { hidden: true }` only sets the starting value of $launcherVisible, so the host's
  // show() can still bring the launcher back; inline mode never has one.
  const showLauncher = !inline && launcherVisible;

  // `listen` fires synchronously on open/close, before the panel is hidden and loses focus.
  useEffect(
    () =>
      view.$open.listen((next) => {
        const el = root.current;
        if (!el) return;
        const scope = el.getRootNode() as Document | ShadowRoot;
        if (next) {
          const pageFocus = el.ownerDocument.activeElement as HTMLElement | null;
          returnTo.current = pageFocus && !('host' in scope && pageFocus === scope.host) ? pageFocus : null;
        } else {
          focusWasInside.current = !!scope.activeElement && el.contains(scope.activeElement);
        }
      }),
    [view],
  );

  useEffect(() => {
    if (open || !focusWasInside.current) return;
    focusWasInside.current = false;
    const launcher = root.current?.querySelector<HTMLElement>('.launcher');
    const target = launcher ?? (returnTo.current?.isConnected ? returnTo.current : null);
    target?.focus({ preventScroll: true });
  }, [open]);

  return (
    <div
      ref={root}
      class="root"
      data-position={position}
      data-inline={inline || undefined}
      data-open={open || undefined}
      data-launcher-hidden={!showLauncher || undefined}
    >
      {showLauncher && <Launcher />}
      <Panel />
      <LiveAnnouncer />
    </div>
  );
}
