// Accessibility of the widget in every state, checked by axe-core in real Chromium at WCAG 2.2
// AA (axe looks into the open shadow root), in the light and the dark theme; plus what axe cannot
// see: the log role, one polite announcement per new message, and reduced motion.
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { createRequire } from 'node:module';
import type { Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { startDemoHost } from '../../../scripts/startDemoHost.mjs';
import { type LaunchedBrowser, launchBrowser } from '../support/launchBrowser.js';
import {
  type UiServer,
  type WidgetWindow,
  conversationId,
  goToChat,
  hostPage,
  inWidget,
  openPanel,
  sendFromComposer,
  settle,
  startUiServer,
  widgetReady,
} from './support/uiHarness.js';

const axePath = createRequire(import.meta.url).resolve('axe-core/axe.min.js');
const TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'];

interface Violation {
  id: string;
  help: string;
  nodes: Array<{ target: unknown; summary: string | undefined }>;
}

/** Runs axe on the widget's host element (and so its shadow tree) and returns the violations. */
async function axe(page: Page): Promise<Violation[]> {
  if (!(await page.evaluate(() => 'axe' in window))) await page.addScriptTag({ path: axePath });
  await settle(page);
  return page.evaluate(async (tags) => {
    const run = (window as unknown as { axe: { run: (context: unknown, options: unknown) => Promise<{ violations: Array<{ id: string; help: string; nodes: Array<{ target: unknown; failureSummary?: string }> }> }> } }).axe.run;
    const result = await run({ include: [['parley-widget-host']] }, { runOnly: { type: 'tag', values: tags }, resultTypes: ['violations'] });
    return result.violations.map((v) => ({ id: v.id, help: v.help, nodes: v.nodes.map((n) => ({ target: n.target, summary: n.failureSummary })) }));
  }, TAGS);
}

let server: UiServer;
let chromium: LaunchedBrowser;

// Desk hours on one day two days from now only: the desk is away whenever the test runs.
const awayDay = (new Date().getUTCDay() + 2) % 7;

beforeAll(async () => {
  server = await startUiServer({
    pages: {
      '/light': hostPage(),
      '/dark': hostPage({ init: { theme: { mode: 'dark' } } }),
      '/light-local': hostPage({ init: { storage: 'local' } }),
    },
  });
  chromium = await launchBrowser();
});
afterAll(async () => {
  await chromium?.close();
  await server?.close();
});

// Pages are closed after each test, failed or not: each open page holds an event stream, and
// Chromium allows only six connections per origin.
const pages: Page[] = [];
afterEach(async () => {
  await Promise.all(pages.splice(0).map((page) => page.close()));
});

async function newPage(path: string, base = server.hostUrl): Promise<Page> {
  const page = await chromium.browser.newPage();
  pages.push(page);
  await page.goto(`${base}${path}`);
  return page;
}

/** Visitor writes, the operator answers (which also adds "Alex joined the conversation"). */
async function chatWithReply(page: Page, reply = 'Hi! Please send me the transaction hash.'): Promise<string> {
  await goToChat(page);
  await sendFromComposer(page, 'My deposit has not arrived after 2 hours');
  const id = await conversationId(page);
  await server.operator.reply(id, reply);
  await inWidget(page, '.group[data-role="agent"] .bubble').filter({ hasText: reply }).waitFor();
  return id;
}

for (const mode of ['light', 'dark'] as const) {
  describe(`axe, WCAG 2.2 AA, ${mode} theme`, () => {
    const path = `/${mode}`;

    it('closed: only the launcher', async () => {
      const page = await newPage(path);
      await widgetReady(page);
      expect(await axe(page)).toEqual([]);
    });

    it('open, home screen', async () => {
      const page = await newPage(path);
      await widgetReady(page);
      await openPanel(page);
      await inWidget(page, '.home').waitFor();
      expect(await axe(page)).toEqual([]);
    });

    it('topics', async () => {
      const page = await newPage(path);
      await widgetReady(page);
      await openPanel(page);
      await inWidget(page, '.start-card .button').click();
      await inWidget(page, '.topic').first().waitFor();
      expect(await axe(page)).toEqual([]);
    });

    it('chat with visitor, agent and system messages', async () => {
      const page = await newPage(path);
      await widgetReady(page);
      await openPanel(page);
      await chatWithReply(page);
      await inWidget(page, '.system').first().waitFor();
      expect(await axe(page)).toEqual([]);
    });

    it('a failed message with Retry and Delete', async () => {
      const page = await newPage(path);
      await widgetReady(page);
      await openPanel(page);
      await goToChat(page);
      // Longer than the protocol allows: the server refuses it, so it stays as failed.
      await page.evaluate(() => (window as unknown as WidgetWindow).__widget.sendMessage('x'.repeat(10001)));
      await inWidget(page, '.message[data-state="failed"] .failure').waitFor();
      expect(await axe(page)).toEqual([]);
    });

    it('language menu open', async () => {
      const page = await newPage(path);
      await widgetReady(page);
      await openPanel(page);
      await inWidget(page, '.language-button').click();
      await inWidget(page, '#parley-language-menu').waitFor({ state: 'visible' });
      expect(await axe(page)).toEqual([]);
    });

    it('rating after the conversation is resolved, before and after picking a score', async () => {
      const page = await newPage(path);
      await widgetReady(page);
      await openPanel(page);
      const id = await chatWithReply(page);
      await server.operator.setStatus(id, 'resolved');
      await inWidget(page, '.rating legend').waitFor();
      expect(await axe(page)).toEqual([]);
      await inWidget(page, '.score').nth(3).click();
      await inWidget(page, '.rating textarea').waitFor();
      expect(await axe(page)).toEqual([]);
      await inWidget(page, '.rating .button').click();
      await inWidget(page, '.rating.thanks').waitFor();
      expect(await axe(page)).toEqual([]);
    });

    it('error: the backend is unreachable', async () => {
      const closed = await closedPort();
      const page = await newPage('/p', await pageServer('/p', hostPage({ init: { endpoint: `http://127.0.0.1:${closed}`, theme: { mode } } })));
      await widgetReady(page, { session: false });
      await openPanel(page);
      await inWidget(page, '.connection:not(:empty)').waitFor();
      expect(await axe(page)).toEqual([]);
    });

    it('error: the backend refuses the session (composer disabled)', async () => {
      const refusing = await refusingBackend();
      try {
        const page = await newPage('/p', await pageServer('/p', hostPage({ init: { endpoint: refusing.url, theme: { mode } } })));
        await widgetReady(page, { session: false });
        await openPanel(page);
        await page.waitForFunction(() => (window as unknown as WidgetWindow).__widget.client.$session.get().status === 'error');
        await inWidget(page, '.start-card .button').click();
        await inWidget(page, '.composer-reason').waitFor();
        expect(await axe(page)).toEqual([]);
      } finally {
        await refusing.close();
      }
    });

    it('offline: the connection drops after the chat started', async () => {
      const proxied = await startUiServer({ proxy: true, pages: { '/p': hostPage({ init: { theme: { mode } } }) } });
      try {
        const page = await newPage('/p', proxied.hostUrl);
        await widgetReady(page);
        await openPanel(page);
        await goToChat(page);
        await sendFromComposer(page, 'Hello before the network drops');
        proxied.proxy!.setDown(true);
        proxied.proxy!.cutAll();
        await inWidget(page, '.connection:not(:empty)').waitFor();
        expect(await axe(page)).toEqual([]);
      } finally {
        await proxied.close();
      }
    });

    it('a complete answer from the first-line bot', async () => {
      const botServer = await startUiServer({ server: { bot: true }, pages: { '/p': hostPage({ init: { theme: { mode } } }) } });
      try {
        const page = await newPage('/p', botServer.hostUrl);
        await widgetReady(page);
        await openPanel(page);
        await goToChat(page);
        await sendFromComposer(page, 'My deposit has not arrived');
        await inWidget(page, '.group[data-role="bot"] .bubble').first().waitFor({ timeout: 20000 });
        await page.waitForFunction(() => !document.querySelector('parley-widget-host')?.shadowRoot?.querySelector('.bubble[data-streaming]'), undefined, {
          timeout: 20000,
        });
        expect(await axe(page)).toEqual([]);
      } finally {
        await botServer.close();
      }
    });

    it('away: outside business hours, home and chat', async () => {
      const away = await startUiServer({
        server: { config: { availability: { alwaysOpen: false, timeZone: 'UTC', hours: [{ day: awayDay, open: '09:00', close: '10:00' }] } } },
        pages: { '/p': hostPage({ init: { theme: { mode } } }) },
      });
      try {
        const page = await newPage('/p', away.hostUrl);
        await widgetReady(page);
        await openPanel(page);
        await inWidget(page, '.away').waitFor();
        expect(await axe(page)).toEqual([]);
        // An invalid email shows the inline error.
        await inWidget(page, '.away input').fill('not an email');
        await inWidget(page, '.away .button').click();
        await inWidget(page, '.away .form-error').waitFor();
        expect(await axe(page)).toEqual([]);
        await goToChat(page);
        await inWidget(page, '.chat-away').waitFor();
        expect(await axe(page)).toEqual([]);
      } finally {
        await away.close();
      }
    });
  });
}

describe('what axe cannot check', () => {
  it('the message list is a log, and a new agent message is announced once, politely', async () => {
    const page = await newPage('/light-local');
    await widgetReady(page);
    await openPanel(page);
    await goToChat(page);
    await expect(inWidget(page, '[role="log"]').count()).resolves.toBe(1);
    const live = inWidget(page, '[aria-live="polite"]');
    await expect(live.count()).resolves.toBe(1);
    // The log itself must not speak: the live region does, once.
    await expect(inWidget(page, '[role="log"]').getAttribute('aria-live')).resolves.toBe('off');

    await sendFromComposer(page, 'Where is my withdrawal?');
    // The visitor's own message is not read back to them.
    expect(await live.textContent()).toBe('');
    const id = await conversationId(page);
    const reply = 'It is on its way: 2 of 3 confirmations.';
    await server.operator.reply(id, reply);
    await expect.poll(() => live.textContent()).toContain(reply);
    const count = (text: string | null) => (text ?? '').split(reply).length - 1;
    expect(count(await live.textContent())).toBe(1);

    // Closing and opening again does not repeat it.
    await inWidget(page, '.header-actions .icon-button').last().click();
    await openPanel(page);
    expect(count(await live.textContent())).toBeLessThanOrEqual(1);
    await page.waitForTimeout(300);
    expect(count(await live.textContent())).toBeLessThanOrEqual(1);

    // Reloading loads the history, which is never announced.
    await page.reload();
    await widgetReady(page);
    await openPanel(page);
    await goToChat(page);
    await inWidget(page, '.group[data-role="agent"] .bubble').filter({ hasText: reply }).waitFor();
    await page.waitForTimeout(500);
    expect(await inWidget(page, '[aria-live="polite"]').textContent()).toBe('');

    // A second reply is announced, and the first is not repeated with it.
    const second = 'Confirmed now. Anything else?';
    await server.operator.reply(id, second);
    await expect.poll(() => inWidget(page, '[aria-live="polite"]').textContent()).toContain(second);
    const text = (await inWidget(page, '[aria-live="polite"]').textContent()) ?? '';
    expect(text.split(second).length - 1).toBe(1);
    expect(text).not.toContain(reply);
  });

  it('prefers-reduced-motion: reduce turns animations and transitions off', async () => {
    const motion = async (reduce: boolean) => {
      const page = await chromium.browser.newPage();
      pages.push(page);
      await page.emulateMedia({ reducedMotion: reduce ? 'reduce' : 'no-preference' });
      await page.goto(`${server.hostUrl}/light`);
      await widgetReady(page);
      await openPanel(page);
      await chatWithReply(page, `Reply for motion ${reduce}`);
      const styles = await page.evaluate(() => {
        const root = document.querySelector('parley-widget-host')!.shadowRoot!;
        const read = (selector: string) => {
          const el = root.querySelector(selector)!;
          const style = getComputedStyle(el);
          return { animation: style.animationName, transition: style.transitionDuration };
        };
        return {
          launcher: read('.launcher'),
          launcherIcon: read('.launcher .icon'),
          panel: read('.panel'),
          message: read('.message'),
          button: read('.icon-button'),
          running: root.getAnimations().length,
        };
      });
      return styles;
    };
    const still = await motion(true);
    for (const name of ['launcher', 'launcherIcon', 'panel', 'message', 'button'] as const) {
      expect(still[name].animation, name).toBe('none');
      expect(still[name].transition.split(',').every((d) => d.trim() === '0s'), `${name}: ${still[name].transition}`).toBe(true);
    }
    expect(still.running).toBe(0);
    // The same elements do move when motion is welcome, so the check above means something.
    const moving = await motion(false);
    expect(moving.message.animation).not.toBe('none');
    expect(moving.launcher.transition).not.toBe('0s');
    expect(moving.panel.transition).not.toBe('0s');
  });
});

// --- small servers for the error states -------------------------------------------------------

const pageServers: Array<() => Promise<void>> = [];
afterAll(async () => {
  await Promise.all(pageServers.map((close) => close()));
});

/** Serves one host page whose endpoint is not the reference server, at `path`; returns its origin. */
async function pageServer(path: string, html: string): Promise<string> {
  const host = await startDemoHost({ port: 0, endpoint: 'http://127.0.0.1:9', pages: { [path]: html } });
  pageServers.push(host.close);
  return host.url;
}

/** A port nothing listens on: bound, then released. */
async function closedPort(): Promise<number> {
  const probe = createServer();
  await new Promise<void>((ok) => probe.listen(0, '127.0.0.1', ok));
  const { port } = probe.address() as AddressInfo;
  await new Promise<void>((ok) => probe.close(() => ok()));
  return port;
}

/** A backend that answers every session request with a permanent 403 problem. */
async function refusingBackend(): Promise<{ url: string; close(): Promise<void> }> {
  const backend = createServer((req, res) => {
    const cors = {
      'Access-Control-Allow-Origin': req.headers.origin ?? '*',
      'Access-Control-Allow-Headers': req.headers['access-control-request-headers'] ?? '*',
      'Access-Control-Allow-Methods': 'GET, POST, PUT, DELETE, OPTIONS',
    };
    if (req.method === 'OPTIONS') return void res.writeHead(204, cors).end();
    res.writeHead(403, { ...cors, 'Content-Type': 'application/problem+json' });
    res.end(JSON.stringify({ code: 'origin_not_allowed', message: 'This site may not use the chat.' }));
  });
  await new Promise<void>((ok) => backend.listen(0, '127.0.0.1', ok));
  const { port } = backend.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    close: () =>
      new Promise<void>((ok) => {
        backend.closeAllConnections();
        backend.close(() => ok());
      }),
  };
}
