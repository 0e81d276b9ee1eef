import { afterEach, describe, expect, it } from 'vitest';
import { watchNavigation } from '../../../src/core/context/watchNavigation.js';

const originalPush = history.pushState;
const originalReplace = history.replaceState;
const cleanups: Array<() => void> = [];

/** Starts watching and counts notifications; stopped after each test. */
function watch() {
  const counter = { calls: 0, stop: () => undefined as void };
  counter.stop = watchNavigation(window, () => counter.calls++);
  cleanups.push(counter.stop);
  return counter;
}

/** What another library (a router, an analytics tag) does to history.pushState. */
function wrapLikeAnotherLibrary() {
  const seen: string[] = [];
  const previous = history.pushState;
  history.pushState = function (this: History, ...args: Parameters<History['pushState']>) {
    seen.push(String(args[2]));
    return previous.apply(this, args);
  };
  return seen;
}

afterEach(() => {
  for (const stop of cleanups.splice(0)) stop();
  history.pushState = originalPush;
  history.replaceState = originalReplace;
  history.replaceState(null, '', '/');
});

describe('watchNavigation', () => {
  it('notifies on pushState, replaceState, popstate and hashchange', () => {
    const nav = watch();
    history.pushState({ n: 1 }, '', '/a');
    expect(nav.calls).toBe(1);
    history.replaceState({ n: 2 }, '', '/b');
    expect(nav.calls).toBe(2);
    window.dispatchEvent(new PopStateEvent('popstate', { state: null }));
    expect(nav.calls).toBe(3);
    window.dispatchEvent(new HashChangeEvent('hashchange'));
    expect(nav.calls).toBe(4);
  });

  it('still navigates: the URL has changed by the time the listener runs', () => {
    const urls: string[] = [];
    cleanups.push(watchNavigation(window, () => urls.push(location.pathname + location.search)));
    history.pushState(null, '', '/orders?id=7');
    expect(urls).toEqual(['/orders?id=7']);
    expect(history.state).toBeNull();
  });

  it('stops notifying after unsubscribe', () => {
    const nav = watch();
    nav.stop();
    history.pushState(null, '', '/after');
    window.dispatchEvent(new PopStateEvent('popstate'));
    window.dispatchEvent(new HashChangeEvent('hashchange'));
    expect(nav.calls).toBe(0);
  });

  it('puts the original history.pushState back after the last unsubscribe when nobody wrapped after us', () => {
    const nav = watch();
    expect(history.pushState).not.toBe(originalPush);
    nav.stop();
    expect(history.pushState).toBe(originalPush);
    expect(history.replaceState).toBe(originalReplace);
  });

  it('lets two watchers share one patch', () => {
    const first = watch();
    const patched = history.pushState;
    const second = watch();
    expect(history.pushState).toBe(patched);

    history.pushState(null, '', '/shared');
    expect([first.calls, second.calls]).toEqual([1, 1]);

    first.stop();
    history.pushState(null, '', '/only-second');
    expect([first.calls, second.calls]).toEqual([1, 2]);
    expect(history.pushState).toBe(patched);

    second.stop();
    expect(history.pushState).toBe(originalPush);
  });

  it('keeps another library’s wrapper, installed after ours, working after we unsubscribe', () => {
    const nav = watch();
    const theirs = wrapLikeAnotherLibrary();
    const theirWrapper = history.pushState;
    nav.stop();

    expect(history.pushState).toBe(theirWrapper);
    history.pushState(null, '', '/their-route');
    expect(theirs).toEqual(['/their-route']);
    expect(location.pathname).toBe('/their-route');
    expect(nav.calls).toBe(0);
  });

  it('notifies once per navigation when watching again on top of another library’s wrapper', () => {
    const first = watch();
    wrapLikeAnotherLibrary();
    first.stop();

    const again = watch();
    history.pushState(null, '', '/again');
    expect(again.calls).toBe(1);
  });

  it('keeps the host’s navigation and the other watchers working when one listener throws', () => {
    cleanups.push(
      watchNavigation(window, () => {
        throw new Error('listener bug');
      }),
    );
    const other = watch();
    expect(() => history.pushState(null, '', '/still-works')).not.toThrow();
    expect(location.pathname).toBe('/still-works');
    expect(other.calls).toBe(1);
  });
});
