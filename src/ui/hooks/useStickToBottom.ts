import { useCallback, useLayoutEffect, useRef, useState } from 'preact/hooks';
import type { RefObject } from 'preact';

const NEAR_BOTTOM_PX = 48;

interface Snapshot {
  first: string | undefined;
  last: string | undefined;
  height: number;
  top: number;
}

/**
 * Keeps a chat log scrolled sensibly as it changes:
 * - it follows new content (and a growing streamed reply) only while the reader is at the bottom,
 *   so someone reading history is never yanked down;
 * - older messages paged in at the top keep what is on screen in place;
 * - the visitor's own send always scrolls down.
 */
export function useStickToBottom(
  ref: RefObject<HTMLElement>,
  keys: { first: string | undefined; last: string | undefined; lastIsOwn: boolean },
  deps: readonly unknown[],
) {
  const atBottomRef = useRef(true);
  const [atBottom, setAtBottom] = useState(true);
  const snapshot = useRef<Snapshot | null>(null);
  const lastTop = useRef(0);

  const record = () => {
    const el = ref.current;
    if (el) snapshot.current = { first: keys.first, last: keys.last, height: el.scrollHeight, top: el.scrollTop };
  };

  const scrollToBottom = useCallback(() => {
    const el = ref.current;
    if (!el) return;
    el.scrollTop = el.scrollHeight;
    lastTop.current = el.scrollTop;
    atBottomRef.current = true;
    setAtBottom(true);
  }, [ref]);

  // Only the reader scrolling up unpins. Layout changes (a sibling appearing, our own jump to
  // the bottom landing after the list grew) also fire `scroll`, but never move the view up.
  const onScroll = useCallback(() => {
    const el = ref.current;
    if (!el) return;
    const near = el.scrollHeight - el.scrollTop - el.clientHeight <= NEAR_BOTTOM_PX;
    const movedUp = el.scrollTop < lastTop.current - 1;
    lastTop.current = el.scrollTop;
    if (near || movedUp) {
      atBottomRef.current = near;
      setAtBottom(near);
    }
    snapshot.current = { first: keys.first, last: keys.last, height: el.scrollHeight, top: el.scrollTop };
  }, [ref, keys.first, keys.last]);

  useLayoutEffect(() => {
    const el = ref.current;
    const before = snapshot.current;
    if (!el) return;
    const prepended = before !== null && before.first !== keys.first && before.last === keys.last;
    const ownSend = keys.lastIsOwn && before?.last !== keys.last;
    if (prepended) {
      el.scrollTop = before.top + (el.scrollHeight - before.height);
      lastTop.current = el.scrollTop;
    } else if (ownSend || atBottomRef.current) {
      scrollToBottom();
    }
    record();
  }, [keys.first, keys.last, keys.lastIsOwn, ...deps]);

  // Images, late layout and siblings that take space (quick replies, the rating card) change
  // sizes without a render of this list: stay pinned if we were.
  useLayoutEffect(() => {
    const el = ref.current;
    const content = el?.firstElementChild;
    if (!el || !content || typeof ResizeObserver !== 'function') return;
    const observer = new ResizeObserver(() => {
      if (!atBottomRef.current) return;
      el.scrollTop = el.scrollHeight;
      lastTop.current = el.scrollTop;
    });
    observer.observe(content);
    observer.observe(el);
    return () => observer.disconnect();
  }, [ref]);

  return { atBottom, scrollToBottom, onScroll };
}
