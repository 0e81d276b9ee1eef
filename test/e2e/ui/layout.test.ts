// Bad input must not break the layout, in real Chromium: 5,000 characters without a space,
// Arabic and Hebrew, long emoji runs and URLs, a very long agent name, and avatar URLs that do
// not load (the brand's from the real server; an agent's through the in-memory transport, which
// can give an agent an avatar the reference server cannot).
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { type LaunchedBrowser, launchBrowser } from '../support/launchBrowser.js';
import {
  type UiServer,
  bundleForBrowser,
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

// Pictures for a person to check (Playwright creates the folder).
const SHOTS = fileURLToPath(new URL('../../../test-results/screenshots/', import.meta.url));
const BROKEN = 'http://127.0.0.1:9/avatar.png'; // nothing listens on the discard port
const LONG = Array.from({ length: 5000 }, (_, i) => 'abcdefghij'[i % 10]).join('');
const ARABIC = 'مرحبا، لدي مشكلة في السحب منذ ساعتين. هل يمكنكم المساعدة؟ 🙏';
const HEBREW = 'שלום! ההפקדה שלי לא הגיעה עדיין, מה לעשות? 😕';
const EMOJI = '👨‍👩‍👧‍👦🇺🇦🏳️‍🌈🙂'.repeat(80);
const URL_TEXT = `See https://example.com/${'segment/'.repeat(300)}end`;
const LONG_NAME = 'Maximilian-Alexander-Konstantin-Bartholomew-Wolfeschlegelsteinhausenbergerdorff-Smith';

let server: UiServer;
let chromium: LaunchedBrowser;
let memoryBundle: string;
const pages: Page[] = [];

beforeAll(async () => {
  memoryBundle = await bundleForBrowser(fileURLToPath(new URL('./support/memoryWidget.browser.ts', import.meta.url)));
  server = await startUiServer({
    server: { config: { brand: { avatarUrl: BROKEN } } },
    pages: {
      '/': hostPage(),
      '/memory': `<!doctype html><html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><title>Memory</title></head>
<body><main><h1>Memory transport</h1></main><script type="module">${memoryBundle}</script></body></html>`,
    },
  });
  chromium = await launchBrowser();
});
afterEach(async () => {
  await Promise.all(pages.splice(0).map((page) => page.close()));
});
afterAll(async () => {
  await chromium?.close();
  await server?.close();
});

async function newPage(path: string): Promise<Page> {
  const page = await chromium.browser.newPage();
  pages.push(page);
  await page.goto(`${server.hostUrl}${path}`);
  return page;
}

/** Boxes and overflow of the panel, the message log and every bubble. */
function measureLayout(page: Page) {
  return page.evaluate(() => {
    const root = document.querySelector('parley-widget-host')!.shadowRoot!;
    const box = (el: Element) => {
      const r = el.getBoundingClientRect();
      return { left: r.left, right: r.right, top: r.top, bottom: r.bottom, width: r.width };
    };
    const log = root.querySelector('[role="log"]')!;
    const header = root.querySelector('.header')!;
    return {
      viewport: { width: innerWidth, height: innerHeight },
      page: { scrollWidth: document.documentElement.scrollWidth },
      panel: box(root.querySelector('.panel')!),
      log: { ...box(log), scrollWidth: log.scrollWidth, clientWidth: log.clientWidth },
      header: { scrollWidth: header.scrollWidth, clientWidth: header.clientWidth },
      bubbles: Array.from(root.querySelectorAll('.bubble'), (el) => ({
        ...box(el),
        text: (el.textContent ?? '').slice(0, 20),
        direction: getComputedStyle(el.querySelector('.rich > *') ?? el).direction,
      })),
      brokenImages: Array.from(root.querySelectorAll('img')).filter((img) => img.complete && img.naturalWidth === 0).length,
    };
  });
}

function expectIntact(layout: Awaited<ReturnType<typeof measureLayout>>, label: string) {
  expect(layout.log.scrollWidth, `${label}: the log scrolls sideways`).toBeLessThanOrEqual(layout.log.clientWidth);
  expect(layout.header.scrollWidth, `${label}: the header overflows`).toBeLessThanOrEqual(layout.header.clientWidth);
  expect(layout.page.scrollWidth, `${label}: the host page got wider`).toBeLessThanOrEqual(layout.viewport.width);
  expect(layout.panel.right).toBeLessThanOrEqual(layout.viewport.width + 0.5);
  expect(layout.bubbles.length).toBeGreaterThan(0);
  for (const bubble of layout.bubbles) {
    expect(bubble.left, `${label}: "${bubble.text}" starts outside the log`).toBeGreaterThanOrEqual(layout.log.left - 0.5);
    expect(bubble.right, `${label}: "${bubble.text}" ends outside the log`).toBeLessThanOrEqual(layout.log.right + 0.5);
  }
  expect(layout.brokenImages, `${label}: a broken <img> is on screen`).toBe(0);
}

describe('bad input keeps the layout intact', () => {
  it('long unbroken text, RTL, emoji, URLs and a long agent name, on desktop and on a phone', async () => {
    const page = await newPage('/');
    await widgetReady(page);
    await openPanel(page);
    await goToChat(page);
    await sendFromComposer(page, LONG);
    await sendFromComposer(page, ARABIC);
    await sendFromComposer(page, EMOJI);
    const id = await conversationId(page);
    for (const text of [LONG, HEBREW, URL_TEXT, EMOJI]) {
      const response = await fetch(`${server.apiUrl}/v1/operator/conversations/${id}/messages`, {
        method: 'POST',
        headers: { Authorization: `Bearer ${server.operatorKey}`, 'Content-Type': 'application/json' },
        body: JSON.stringify({ clientId: `op_${Math.random().toString(36).slice(2)}`, text, authorName: LONG_NAME }),
      });
      expect(response.ok).toBe(true);
    }
    await expect.poll(() => inWidget(page, '.group[data-role="agent"] .bubble').count()).toBe(4);
    await settle(page);

    await page.screenshot({ path: join(SHOTS, 'layout-desktop.png') });
    const desktop = await measureLayout(page);
    expectIntact(desktop, 'desktop');
    const direction = (start: string) => desktop.bubbles.find((b) => b.text.startsWith(start.slice(0, 10)))?.direction;
    expect(direction(ARABIC)).toBe('rtl');
    expect(direction(HEBREW)).toBe('rtl');
    expect(direction(LONG)).toBe('ltr');
    // The long name is cut with an ellipsis, not pushed out of the header or the log.
    const title = await inWidget(page, '.header-subtitle span:not(.presence)').evaluate((el) => ({
      scroll: el.scrollWidth,
      client: el.clientWidth,
      overflow: getComputedStyle(el).textOverflow,
    }));
    expect(title.overflow).toBe('ellipsis');

    await page.setViewportSize({ width: 375, height: 667 });
    await settle(page);
    await page.screenshot({ path: join(SHOTS, 'layout-phone.png') });
    const phone = await measureLayout(page);
    expectIntact(phone, 'phone');
    expect(phone.panel.width).toBe(375);
  });

  it('a brand avatar that does not load falls back to initials', async () => {
    const page = await newPage('/');
    await widgetReady(page);
    await openPanel(page);
    const avatar = inWidget(page, '.header .avatar');
    await expect.poll(() => avatar.locator('img').count(), { timeout: 10000 }).toBe(0);
    expect(await avatar.textContent()).toBe('PS'); // Parley Support
    expect(await avatar.isVisible()).toBe(true);
    const size = await avatar.boundingBox();
    expect(size!.width).toBeGreaterThan(20);
  });

  it("an agent's avatar that does not load falls back to initials, in the header and the log", async () => {
    const page = await newPage('/memory');
    const dana = { role: 'agent', id: 'agent-dana', name: 'Dana Kim', avatarUrl: BROKEN };
    await page.evaluate(
      ({ dana, LONG, ARABIC }) =>
        (window as unknown as { __mountMemoryWidget(s: unknown): Promise<void> }).__mountMemoryWidget({
          screen: 'chat',
          transport: {
            conversation: { assignee: dana, handler: 'human' },
            history: [
              { author: { role: 'visitor' }, text: 'Hello?' },
              { author: dana, text: 'Hi, I am Dana.' },
              { author: dana, text: LONG },
              { author: { role: 'visitor' }, text: ARABIC },
            ],
          },
        }),
      { dana, LONG, ARABIC },
    );
    await inWidget(page, '.group[data-role="agent"]').first().waitFor();
    const initials = inWidget(page, '.group[data-role="agent"] .avatar');
    await expect.poll(() => initials.locator('img').count(), { timeout: 10000 }).toBe(0);
    expect(await initials.first().textContent()).toBe('DK');
    expect(await initials.first().isVisible()).toBe(true);
    const header = inWidget(page, '.header .avatar');
    await expect.poll(() => header.locator('img').count(), { timeout: 10000 }).toBe(0);
    expect(await header.textContent()).toBe('DK');
    await settle(page);
    await page.screenshot({ path: join(SHOTS, 'layout-broken-avatar.png') });
    expectIntact(await measureLayout(page), 'memory');
  });
});
