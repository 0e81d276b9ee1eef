import { afterEach, beforeEach, describe, expect, test, vi } from 'vitest';
import { createMemoryTransport, type MemoryTransport } from '../../../src/core/index.js';
import type { PageContext } from '../../../src/core/protocol/index.js';
import type { ParleyWidget } from '../../../src/embed/ParleyWidget.js';
import { init } from '../../../src/embed/init.js';

// The real `init` → `createWidget` → history patch → debounce → `client.updateContext` path,
// over the in-memory backend (the `transport` option).
const backend = { transport: null as MemoryTransport | null };

/** NAVIGATION_DEBOUNCE_MS in src/embed/createWidget.ts. */
const DEBOUNCE_MS = 400;

let widget: ParleyWidget | null = null;
let updates: PageContext[] = [];
let widgetCount = 0;

async function until(check: () => unknown, ms = 3000) {
  for (const end = Date.now() + ms; !check() && Date.now() < end; ) await new Promise((resolve) => setTimeout(resolve, 10));
  if (!check()) throw new Error('until: timed out');
}

/** Starts the widget with real timers (so the session opens), then hands time over to the test. */
async function startWidget(options: Record<string, unknown> = {}) {
  backend.transport = createMemoryTransport({ autoReply: false });
  updates = [];
  const original = backend.transport.updateContext.bind(backend.transport);
  backend.transport.updateContext = (context) => {
    updates.push(context);
    return original(context);
  };
  widget = init({ transport: backend.transport, id: `nav${++widgetCount}`, storage: 'none', ...options });
  await until(() => widget?.client?.$session.get().status === 'ready');
  vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout', 'setInterval', 'clearInterval', 'Date'] });
}

const urls = () => updates.map((u) => u.url);

beforeEach(() => {
  history.replaceState(null, '', '/shop');
});

afterEach(() => {
  widget?.destroy();
  widget = null;
  backend.transport?.desk.dispose();
  vi.useRealTimers();
  history.replaceState(null, '', '/');
});

describe('SPA navigation → page context', () => {
  test('a burst of pushState, replaceState and hashchange sends ONE context update, with the last URL', async () => {
    await startWidget();
    history.pushState({}, '', '/shop/catalog');
    await vi.advanceTimersByTimeAsync(100);
    history.replaceState({}, '', '/shop/catalog?sort=price');
    await vi.advanceTimersByTimeAsync(100);
    history.pushState({}, '', '/shop/item/42');
    await vi.advanceTimersByTimeAsync(100);
    // happy-dom fires hashchange a task after the hash is set, as browsers do.
    const hashChanged = new Promise((resolve) => window.addEventListener('hashchange', resolve, { once: true }));
    location.hash = '#reviews';
    await vi.advanceTimersByTimeAsync(0);
    await hashChanged;
    await vi.advanceTimersByTimeAsync(DEBOUNCE_MS - 1);
    // Every navigation restarted the wait: nothing has gone to the desk yet.
    expect(updates).toEqual([]);
    await vi.advanceTimersByTimeAsync(1);
    expect(urls()).toEqual(['http://localhost:3000/shop/item/42#reviews']);
    // And nothing more arrives later for the navigations that were folded in.
    await vi.advanceTimersByTimeAsync(5 * DEBOUNCE_MS);
    expect(updates).toHaveLength(1);
  });

  test('the update carries the page as the desk sees it: title, and the URL with secrets redacted', async () => {
    await startWidget();
    document.title = 'Reset your password';
    history.pushState({}, '', '/account/reset?token=s3cr3t-reset-token&step=2');
    history.replaceState({}, '', '/account/reset?token=s3cr3t-reset-token&step=3');
    await vi.advanceTimersByTimeAsync(DEBOUNCE_MS);
    expect(updates).toHaveLength(1);
    expect(updates[0]).toMatchObject({ url: 'http://localhost:3000/account/reset?token=[redacted]&step=3', title: 'Reset your password' });
    expect(JSON.stringify(updates)).not.toContain('s3cr3t');
  });

  test('navigations further apart than the debounce window each send their own update', async () => {
    await startWidget();
    history.pushState({}, '', '/shop/cart');
    await vi.advanceTimersByTimeAsync(DEBOUNCE_MS + 50);
    history.pushState({}, '', '/shop/checkout');
    await vi.advanceTimersByTimeAsync(DEBOUNCE_MS + 50);
    expect(urls()).toEqual(['http://localhost:3000/shop/cart', 'http://localhost:3000/shop/checkout']);
  });

  test('with `context: false`, navigation sends nothing', async () => {
    await startWidget({ context: false });
    history.pushState({}, '', '/shop/private');
    await vi.advanceTimersByTimeAsync(DEBOUNCE_MS * 2);
    expect(updates).toEqual([]);
  });

  test('destroy() inside the window cancels the pending update, and later navigations send nothing', async () => {
    await startWidget();
    history.pushState({}, '', '/shop/leaving');
    await vi.advanceTimersByTimeAsync(DEBOUNCE_MS / 2);
    widget!.destroy();
    widget = null;
    await vi.advanceTimersByTimeAsync(DEBOUNCE_MS * 2);
    history.pushState({}, '', '/shop/after-destroy');
    await vi.advanceTimersByTimeAsync(DEBOUNCE_MS * 2);
    expect(updates).toEqual([]);
  });
});
