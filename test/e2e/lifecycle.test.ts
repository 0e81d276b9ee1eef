// What `init()` adds to a host page and whether `destroy()` takes all of it away again: DOM
// nodes, event listeners, timers, the live SSE connection, BroadcastChannels, observers and the
// history patch, counted by an init script (support/lifecycleProbe.browser.js) in real Chromium.
// Plus the lifecycle edges: init twice, two ids, calls after destroy, an unreachable backend,
// and an unknown `Parley(method)`.
import { createServer } from 'node:net';
import { fileURLToPath } from 'node:url';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ParleyWidget } from '../../src/index.js';
import { signIdentity } from '../../src/server/identity.js';
import { type LaunchedBrowser, launchBrowser } from './support/launchBrowser.js';
import { type Demo, startDemo } from './support/startDemo.js';

const probeScript = fileURLToPath(new URL('./support/lifecycleProbe.browser.js', import.meta.url));

interface Leaks {
  listeners: string[];
  timers: string[];
  channels: string[];
  observers: string[];
  historyPatched: boolean;
}
interface Probe {
  errors: string[];
  mark(): number;
  leaks(mark: number): Leaks;
  active(mark: number): Omit<Leaks, 'listeners' | 'timers' | 'channels' | 'observers'> & Record<string, number | boolean>;
}
type TestWindow = Window & {
  __probe: Probe;
  // The script-tag widget bundle: the loader forwards every `Parley(method, …args)` to `dispatch`.
  __parley: { dispatch(method: unknown, args: unknown[]): unknown };
  __widgets: Record<string, ParleyWidget>;
  Parley: (...args: unknown[]) => unknown;
};

const HOST_PAGE = `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>Host page</title></head>
<body><h1>A host page</h1><p>Nothing here but the widget.</p>
<script type="module">
  import * as parley from '/parley/widget/parley-widget.js';
  window.__parley = parley;
  window.__widgets = {};
</script></body></html>`;
const LOADER_PAGE = `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>Loader page</title>
<script async src="/parley/parley.js"></script></head><body><h1>Loader</h1></body></html>`;

// A host page that uses the README's queue stub and calls Parley before parley.js has loaded,
// `init` last. The identity is signed as the host's backend would sign it.
const IDENTITY_SECRET = 'lifecycle-identity-secret';
const QUEUED_USER = 'u_queued';
const queuedIdentity = (() => {
  const expires = Math.floor(Date.now() / 1000) + 3600;
  return { userId: QUEUED_USER, expires, signature: signIdentity(IDENTITY_SECRET, QUEUED_USER, expires) };
})();
const QUEUE_STUB_PAGE = `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>Queue stub page</title>
<script>
  window.Parley = window.Parley || function () { (Parley.q = Parley.q || []).push(arguments); };
  Parley('open');
  Parley('identify', ${JSON.stringify(queuedIdentity)});
  Parley('init', { endpoint: '{{PARLEY_ENDPOINT}}' });
</script>
<script async src="/parley/parley.js"></script></head><body><h1>Queued calls</h1></body></html>`;

let demo: Demo;
let chromium: LaunchedBrowser;

beforeAll(async () => {
  demo = await startDemo({
    pages: { '/host': HOST_PAGE, '/loader': LOADER_PAGE, '/queued': QUEUE_STUB_PAGE },
    identitySecret: IDENTITY_SECRET,
  });
  chromium = await launchBrowser();
});
afterAll(async () => {
  await chromium?.close();
  await demo?.close();
});

interface Opened {
  page: Page;
  pageErrors: string[];
  warnings: string[];
  consoleErrors: string[];
  /** Live-event (SSE) requests: how many started and how many are still open. */
  events: { started: number; open: Set<unknown> };
}

async function openHostPage(path = '/host'): Promise<Opened> {
  const page = await chromium.browser.newPage();
  await page.addInitScript({ path: probeScript });
  const opened: Opened = { page, pageErrors: [], warnings: [], consoleErrors: [], events: { started: 0, open: new Set() } };
  page.on('pageerror', (error) => opened.pageErrors.push(error.message));
  page.on('console', (message) => {
    if (message.type() === 'warning') opened.warnings.push(message.text());
    if (message.type() === 'error') opened.consoleErrors.push(message.text());
  });
  const isEvents = (url: string) => new URL(url).pathname === '/v1/events';
  page.on('request', (request) => {
    if (!isEvents(request.url())) return;
    opened.events.started++;
    opened.events.open.add(request);
  });
  page.on('requestfinished', (request) => opened.events.open.delete(request));
  page.on('requestfailed', (request) => opened.events.open.delete(request));
  await page.goto(`${demo.demoUrl}${path}`);
  if (path === '/host') await page.waitForFunction(() => '__parley' in window);
  return opened;
}

/** `Parley('init', options)` through the widget bundle; the handle is kept as `__widgets[name]`. */
async function initWidget(page: Page, name: string, options: Record<string, unknown>): Promise<void> {
  await page.evaluate(
    ({ name, options }) => {
      const win = window as unknown as TestWindow;
      win.__widgets[name] = win.__parley.dispatch('init', [options]) as ParleyWidget;
    },
    { name, options },
  );
}

const hostCount = (page: Page) => page.evaluate(() => document.querySelectorAll('parley-widget-host').length);
const connectionOf = (page: Page, name: string) =>
  page.evaluate((name) => (window as unknown as TestWindow).__widgets[name]!.client?.$connection.get() ?? null, name);
const messagesOf = (page: Page, name: string) =>
  page.evaluate(
    (name) => (window as unknown as TestWindow).__widgets[name]!.client?.$messages.get().map((m) => ({ text: m.text, state: m.state })) ?? [],
    name,
  );

/** A port on 127.0.0.1 with nothing listening: connections to it are refused at once. */
async function closedPort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((ok) => server.listen(0, '127.0.0.1', ok));
  const { port } = server.address() as { port: number };
  await new Promise<void>((ok) => server.close(() => ok()));
  return port;
}

/** What the page looked like: markup, stylesheets adopted by the document, and global names. */
const pageShape = (page: Page) =>
  page.evaluate(() => ({
    html: document.documentElement.outerHTML,
    adoptedStyleSheets: document.adoptedStyleSheets.length,
    globals: Object.keys(window).sort(),
  }));

describe('destroy() removes everything init() added', () => {
  it('the probe itself sees each kind of leftover (so an empty report means something)', async () => {
    const { page } = await openHostPage();
    const mark = await page.evaluate(() => (window as unknown as TestWindow).__probe.mark());
    const leaks = await page.evaluate((mark) => {
      const onResize = () => undefined;
      window.addEventListener('resize', onResize);
      document.body.addEventListener('click', onResize, { once: true });
      const interval = setInterval(() => undefined, 60_000);
      const channel = new BroadcastChannel('probe-self-test');
      const observer = new ResizeObserver(() => undefined);
      observer.observe(document.body);
      const push = history.pushState;
      history.pushState = (...args: Parameters<History['pushState']>) => push.apply(history, args);
      const probe = (window as unknown as TestWindow).__probe;
      const found = probe.leaks(mark);
      window.removeEventListener('resize', onResize);
      document.body.click(); // the `once` listener removes itself
      clearInterval(interval);
      channel.close();
      observer.disconnect();
      history.pushState = push;
      return { found, cleaned: probe.leaks(mark) };
    }, mark);
    expect(leaks.found.listeners.map((l) => l.split('\n')[0])).toEqual(['resize on window', 'click on <body>']);
    expect(leaks.found.timers.map((t) => t.split('\n')[0])).toEqual(['setInterval(60000)']);
    expect(leaks.found.channels.map((c) => c.split('\n')[0])).toEqual(['BroadcastChannel(probe-self-test)']);
    expect(leaks.found.observers.map((o) => o.split('\n')[0])).toEqual(['ResizeObserver']);
    expect(leaks.found.historyPatched).toBe(true);
    expect(leaks.cleaned).toEqual({ listeners: [], timers: [], channels: [], observers: [], historyPatched: false });
    await page.close();
  });

  it('DOM, listeners, timers, the SSE connection, BroadcastChannels, observers and the history patch', async () => {
    const { page, pageErrors, events } = await openHostPage();
    const before = await pageShape(page);
    const mark = await page.evaluate(() => (window as unknown as TestWindow).__probe.mark());

    await initWidget(page, 'life', { endpoint: demo.apiUrl, id: 'life' });
    await expect.poll(() => connectionOf(page, 'life'), { timeout: 15_000 }).toBe('online');
    // Use it the way a visitor would, so the panel, the composer and context tracking all run.
    await page.getByRole('button', { name: /open support chat/i }).click();
    await page.evaluate(() => (window as unknown as TestWindow).__widgets.life!.sendMessage('Lifecycle check'));
    await expect.poll(() => messagesOf(page, 'life'), { timeout: 15_000 }).toEqual([{ text: 'Lifecycle check', state: 'sent' }]);
    const composer = page.getByRole('textbox', { name: /message/i });
    if (await composer.isVisible()) await composer.fill('typing something');
    await page.evaluate(() => history.pushState({}, '', '/host?step=2'));
    await page.waitForTimeout(500);

    // Not vacuous: the widget really did add all of these.
    const added = await page.evaluate((mark) => (window as unknown as TestWindow).__probe.active(mark), mark);
    expect(added.listeners).toBeGreaterThan(0);
    expect(added.timers).toBeGreaterThan(0);
    expect(added.channels).toBeGreaterThan(0);
    expect(added.historyPatched).toBe(true);
    expect(await hostCount(page)).toBe(1);
    expect(events.started).toBeGreaterThan(0);
    expect(events.open.size).toBe(1);

    await page.evaluate(() => history.replaceState({}, '', '/host'));
    await page.evaluate(() => (window as unknown as TestWindow).__widgets.life!.destroy());

    expect(await hostCount(page)).toBe(0);
    // Timers already running when destroy() was called may still fire once; none may remain.
    await expect
      .poll(() => page.evaluate((mark) => (window as unknown as TestWindow).__probe.leaks(mark), mark), { timeout: 5_000 })
      .toEqual({ listeners: [], timers: [], channels: [], observers: [], historyPatched: false });
    await expect.poll(() => events.open.size, { timeout: 5_000 }).toBe(0);
    const after = await pageShape(page);
    expect(after.adoptedStyleSheets).toBe(before.adoptedStyleSheets);
    expect(after.html).toBe(before.html);
    expect(after.globals.filter((name) => !before.globals.includes(name))).toEqual([]);
    expect(pageErrors).toEqual([]);
    expect(await page.evaluate(() => (window as unknown as TestWindow).__probe.errors)).toEqual([]);
    await page.close();
  });
});

describe('lifecycle edges', () => {
  it('init twice with the same id returns the same widget and adds one host', async () => {
    const { page, warnings } = await openHostPage();
    await initWidget(page, 'first', { endpoint: demo.apiUrl, id: 'twice' });
    await initWidget(page, 'second', { endpoint: demo.apiUrl, id: 'twice' });
    expect(await page.evaluate(() => {
      const { first, second } = (window as unknown as TestWindow).__widgets;
      return first === second;
    })).toBe(true);
    expect(await hostCount(page)).toBe(1);
    expect(warnings.some((w) => w.includes('"twice" is already running'))).toBe(true);
    await page.evaluate(() => (window as unknown as TestWindow).__widgets.first!.destroy());
    expect(await hostCount(page)).toBe(0);
    await page.close();
  });

  it('two widgets with different ids on one page do not share state', async () => {
    const { page, pageErrors } = await openHostPage();
    await initWidget(page, 'alpha', { endpoint: demo.apiUrl, id: 'alpha' });
    await initWidget(page, 'beta', { endpoint: demo.apiUrl, id: 'beta' });
    expect(await page.evaluate(() => [...document.querySelectorAll('parley-widget-host')].map((h) => h.getAttribute('data-parley-id')))).toEqual([
      'alpha',
      'beta',
    ]);
    await expect.poll(() => connectionOf(page, 'alpha'), { timeout: 15_000 }).toBe('online');
    await expect.poll(() => connectionOf(page, 'beta'), { timeout: 15_000 }).toBe('online');

    await page.evaluate(() => (window as unknown as TestWindow).__widgets.alpha!.sendMessage('Only for alpha'));
    await expect.poll(() => messagesOf(page, 'alpha'), { timeout: 15_000 }).toEqual([{ text: 'Only for alpha', state: 'sent' }]);
    // Give any cross-talk (a shared store, BroadcastChannel or storage key) time to show.
    await page.waitForTimeout(750);
    expect(await messagesOf(page, 'beta')).toEqual([]);
    const sessions = await page.evaluate(() => {
      const { alpha, beta } = (window as unknown as TestWindow).__widgets;
      return [alpha!.client!.$session.get().sessionId, beta!.client!.$session.get().sessionId];
    });
    expect(sessions[0]).toBeTruthy();
    expect(sessions[0]).not.toBe(sessions[1]);

    // Destroying one leaves the other running.
    await page.evaluate(() => (window as unknown as TestWindow).__widgets.alpha!.destroy());
    expect(await page.evaluate(() => [...document.querySelectorAll('parley-widget-host')].map((h) => h.getAttribute('data-parley-id')))).toEqual([
      'beta',
    ]);
    expect(await connectionOf(page, 'beta')).toBe('online');
    await page.evaluate(() => (window as unknown as TestWindow).__widgets.beta!.destroy());
    expect(pageErrors).toEqual([]);
    await page.close();
  });

  it('calls after destroy() log a warning and do nothing', async () => {
    const { page, warnings, pageErrors } = await openHostPage();
    await initWidget(page, 'gone', { endpoint: demo.apiUrl, id: 'gone' });
    await expect.poll(() => connectionOf(page, 'gone'), { timeout: 15_000 }).toBe('online');
    await page.evaluate(() => (window as unknown as TestWindow).__widgets.gone!.destroy());
    const sends: string[] = [];
    page.on('request', (request) => {
      if (request.method() === 'POST') sends.push(request.url());
    });

    const result = await page.evaluate(async () => {
      const widget = (window as unknown as TestWindow).__widgets.gone!;
      widget.open();
      widget.sendMessage('after destroy');
      widget.setContext({ plan: 'pro' });
      await widget.setLocale('ru');
      const off = widget.on('message', () => undefined);
      widget.destroy(); // a second destroy is a no-op
      return { client: widget.client, off: typeof off };
    });
    expect(result).toEqual({ client: null, off: 'function' });
    await page.waitForTimeout(300);
    expect(await hostCount(page)).toBe(0);
    expect(sends).toEqual([]);
    for (const method of ['open', 'sendMessage', 'setContext', 'setLocale', 'on']) {
      expect(warnings).toContain(`Parley: \`${method}()\` was called after destroy(); ignored`);
    }
    expect(pageErrors).toEqual([]);
    await page.close();
  });

  it('an unreachable endpoint shows the widget offline, with no uncaught error or unhandled rejection', async () => {
    const { page, pageErrors } = await openHostPage();
    const mark = await page.evaluate(() => (window as unknown as TestWindow).__probe.mark());
    const endpoint = `http://127.0.0.1:${await closedPort()}`;
    await initWidget(page, 'offline', { endpoint, id: 'offline', open: true });

    const banner = page.locator('parley-widget-host .connection');
    await expect.poll(async () => (await banner.textContent())?.trim() ?? '', { timeout: 15_000 }).toMatch(/reach|offline|reconnect/i);
    expect(await page.getByRole('dialog').isVisible()).toBe(true);
    // Let a few reconnect attempts fail.
    await page.waitForTimeout(3_000);
    expect(await page.evaluate(() => (window as unknown as TestWindow).__probe.errors)).toEqual([]);
    expect(pageErrors).toEqual([]);

    // Retry timers are part of what destroy() must stop.
    await page.evaluate(() => (window as unknown as TestWindow).__widgets.offline!.destroy());
    await expect
      .poll(() => page.evaluate((mark) => (window as unknown as TestWindow).__probe.leaks(mark), mark), { timeout: 5_000 })
      .toEqual({ listeners: [], timers: [], channels: [], observers: [], historyPatched: false });
    expect(await page.evaluate(() => (window as unknown as TestWindow).__probe.errors)).toEqual([]);
    await page.close();
  });

  it("the README's queue stub: Parley('open'), ('identify', …), ('init', …) made before parley.js loads all take effect", async () => {
    const page = await chromium.browser.newPage();
    const pageErrors: string[] = [];
    const warnings: string[] = [];
    page.on('pageerror', (error) => pageErrors.push(error.message));
    page.on('console', (message) => {
      if (message.type() === 'warning') warnings.push(message.text());
    });
    // Whose sessions the backend opened: the queued identify must reach it although init came after.
    const sessionUsers: Array<string | null> = [];
    page.on('response', async (response) => {
      if (response.request().method() !== 'POST' || new URL(response.url()).pathname !== '/v1/sessions') return;
      const reply = (await response.json().catch(() => null)) as { session?: { userId?: string | null } } | null;
      sessionUsers.push(reply?.session?.userId ?? null);
    });
    await page.goto(`${demo.demoUrl}/queued`);

    await expect.poll(() => page.getByRole('dialog').isVisible(), { timeout: 15_000 }).toBe(true);
    await expect.poll(() => sessionUsers, { timeout: 15_000 }).toContain(QUEUED_USER);
    expect(warnings.filter((w) => w.includes('before init'))).toEqual([]);
    expect(pageErrors).toEqual([]);
    await page.close();
  });

  it("Parley('nonexistentMethod') logs an error that names the known methods", async () => {
    const { page, consoleErrors, pageErrors } = await openHostPage('/loader');
    await page.evaluate(() => (window as unknown as TestWindow).Parley('nonexistentMethod', 1, 2));
    // The loader queues the call until its widget bundle has loaded (on idle), then runs it.
    await expect.poll(() => consoleErrors.find((e) => e.includes('nonexistentMethod')) ?? '', { timeout: 10_000 }).toContain(
      'known methods: init, open, close',
    );
    expect(consoleErrors.find((e) => e.includes('nonexistentMethod'))).toMatch(/unknown method "nonexistentMethod"/);
    expect(pageErrors).toEqual([]);
    await page.close();
  });
});
