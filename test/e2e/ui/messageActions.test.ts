// Message actions ("⋯" beside a message) in real Chromium on a 375×667 phone screen: the menu of
// the message at the bottom edge flips above its button, the menu of a button near the start edge
// shifts inside the screen (also right to left), everything works by keyboard alone (Copy writes
// the clipboard, Delete drops a failed message), and axe finds nothing with the menu open.
import { createRequire } from 'node:module';
import type { Locator, Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { type LaunchedBrowser, launchBrowser } from '../support/launchBrowser.js';
import {
  type UiServer,
  type WidgetWindow,
  activeElement,
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

const PHONE = { width: 375, height: 667 };
const axePath = createRequire(import.meta.url).resolve('axe-core/axe.min.js');

let server: UiServer;
let chromium: LaunchedBrowser;
const pages: Page[] = [];

beforeAll(async () => {
  server = await startUiServer({
    pages: {
      '/': hostPage(),
      '/dark': hostPage({ init: { theme: { mode: 'dark' } } }),
      '/ar': hostPage({ lang: 'ar', init: { locale: 'ar' } }),
    },
  });
  chromium = await launchBrowser({ viewport: PHONE });
  await chromium.browser.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: server.hostUrl });
});
// Each open page holds an event stream; Chromium allows six connections per origin.
afterEach(async () => {
  await Promise.all(pages.splice(0).map((page) => page.close()));
});
afterAll(async () => {
  await chromium?.close();
  await server?.close();
});

const LONG = 'My withdrawal of 0.25 BTC to my external wallet has been pending for more than two hours now';
const REPLY = 'Thanks! Let me check the transfer for you.';

/** The panel on the chat screen: a long visitor message, then agent replies down to the bottom edge. */
async function chat(path = '/'): Promise<Page> {
  const page = await chromium.browser.newPage();
  pages.push(page);
  await page.goto(`${server.hostUrl}${path}`);
  await widgetReady(page);
  await openPanel(page);
  await goToChat(page);
  await sendFromComposer(page, LONG);
  const id = await conversationId(page);
  // Enough replies to fill the screen, so that the last one sits at the bottom edge.
  for (let i = 1; i <= 5; i++) await server.operator.reply(id, `Step ${i} of the check: looking at the ledger and the network.`);
  await server.operator.reply(id, REPLY);
  await inWidget(page, '.group[data-role="agent"] .bubble').filter({ hasText: REPLY }).waitFor();
  await settle(page);
  return page;
}

const actionsOf = (page: Page, text: string): Locator =>
  inWidget(page, '.message').filter({ has: page.locator('.bubble', { hasText: text }) }).locator('.message-actions');
const openMenu = (page: Page): Locator => inWidget(page, '.message [role="menu"]');

type Rect = { left: number; top: number; right: number; bottom: number; width: number };
const rect = (locator: Locator): Promise<Rect> =>
  locator.evaluate((el) => {
    const r = el.getBoundingClientRect();
    return { left: r.left, top: r.top, right: r.right, bottom: r.bottom, width: r.width };
  });

/** Waits until floating-ui has placed the open menu (it is transparent until then). */
async function placedMenu(page: Page): Promise<Locator> {
  const menu = openMenu(page);
  await menu.waitFor({ state: 'visible' });
  await expect.poll(() => menu.evaluate((el) => (el as HTMLElement).style.opacity)).toBe('');
  await settle(page);
  return menu;
}

function expectInViewport(box: Rect, label: string): void {
  expect(box.left, `${label}: left edge`).toBeGreaterThanOrEqual(0);
  expect(box.top, `${label}: top edge`).toBeGreaterThanOrEqual(0);
  expect(box.right, `${label}: right edge`).toBeLessThanOrEqual(PHONE.width);
  expect(box.bottom, `${label}: bottom edge`).toBeLessThanOrEqual(PHONE.height);
}

/** Tab order backwards from the composer until a message's actions button has focus. */
async function shiftTabToActions(page: Page): Promise<void> {
  await inWidget(page, '.composer textarea').focus();
  for (let i = 0; i < 12; i++) {
    await page.keyboard.press('Shift+Tab');
    if ((await activeElement(page)).className.includes('message-actions')) return;
  }
  throw new Error('Shift+Tab from the composer never reached a message actions button');
}

const REFUSED = 'Please refund order 4417';

/**
 * The server refuses the message whose text is REFUSED with a 422 problem (the reference server
 * refuses only ones longer than the protocol allows, which would fill the screen), so it stays
 * as failed; every other request goes through.
 */
async function refuseSends(page: Page): Promise<void> {
  await page.route('**/messages', async (route) => {
    const request = route.request();
    if (request.method() !== 'POST' || !request.postData()?.includes(REFUSED)) return route.continue();
    await route.fulfill({
      status: 422,
      headers: { 'Access-Control-Allow-Origin': (await request.headerValue('origin')) ?? '*', 'Content-Type': 'application/problem+json' },
      body: JSON.stringify({ code: 'invalid_body', message: 'Refused by the test' }),
    });
  });
}

/** Types and sends with Enter, without waiting for the server to have it. */
async function sendFromComposerUnchecked(page: Page, text: string): Promise<void> {
  const composer = inWidget(page, '.composer textarea');
  await composer.fill(text);
  await composer.press('Enter');
}

describe('message actions on a 375×667 screen', () => {
  it('the menu of the bottom message flips above its button and stays on screen', async () => {
    const page = await chat();
    const reply = actionsOf(page, REPLY);
    await reply.click();
    let menu = await placedMenu(page);
    expectInViewport(await rect(menu), 'the last reply');
    expect(await menu.locator('[role="menuitem"]').allTextContents()).toEqual(['Copy text']);
    await page.keyboard.press('Escape');
    await menu.waitFor({ state: 'detached' });

    // The visitor's own refused message, now the last, just above the composer: its menu has
    // three items, more than the room below the button.
    await refuseSends(page);
    await sendFromComposerUnchecked(page, REFUSED);
    await inWidget(page, '.message[data-state="failed"] .failure').waitFor();
    await settle(page);
    const button = inWidget(page, '.message[data-state="failed"] .message-actions');
    await inWidget(page, '.message[data-state="failed"] .bubble').hover();
    const buttonBox = await rect(button);
    await button.click();
    menu = await placedMenu(page);
    const box = await rect(menu);
    expectInViewport(box, 'the failed message');
    expect(await menu.locator('[role="menuitem"]').allTextContents()).toEqual(['Copy text', 'Retry', 'Delete']);
    // Below the button (6px away, 8px from the edge) it would not fit: flip put it above.
    expect(buttonBox.bottom + 6 + (box.bottom - box.top)).toBeGreaterThan(PHONE.height - 8);
    expect(box.bottom).toBeLessThanOrEqual(buttonBox.top);
    // The menu is fixed (the panel's overflow cannot clip it), in the shadow root, over everything.
    expect(await menu.evaluate((el) => el.getRootNode() instanceof ShadowRoot && getComputedStyle(el).position)).toBe('fixed');
    const topmost = await menu.evaluate((el) => {
      const r = el.getBoundingClientRect();
      const root = el.getRootNode() as ShadowRoot;
      return el.contains(root.elementFromPoint(r.left + r.width / 2, r.top + r.height / 2));
    });
    expect(topmost).toBe(true);
  });

  it('the menu of a button near the start edge is shifted inside the screen', async () => {
    const page = await chat();
    const button = actionsOf(page, LONG);
    await inWidget(page, '.bubble').filter({ hasText: LONG }).hover();
    const buttonBox = await rect(button);
    await button.click();
    const menu = await placedMenu(page);
    const box = await rect(menu);
    expectInViewport(box, 'visitor message');
    // Aligned to the button's end (the default placement) it would have started off screen.
    expect(buttonBox.right - box.width).toBeLessThan(0);
    expect(box.left).toBeGreaterThanOrEqual(8 - 0.5);
  });

  it('right to left (Arabic): the menu mirrors and stays on screen', async () => {
    const page = await chat('/ar');
    for (const text of [REPLY, LONG]) {
      const button = actionsOf(page, text);
      await inWidget(page, '.bubble').filter({ hasText: text }).hover();
      await button.click();
      const menu = await placedMenu(page);
      expectInViewport(await rect(menu), `rtl: ${text.slice(0, 12)}`);
      await page.keyboard.press('Escape');
      await menu.waitFor({ state: 'detached' });
    }
  });

  it('works by keyboard alone: open, move, Escape back, Copy to the clipboard, Delete a failed message', async () => {
    const page = await chat();
    await shiftTabToActions(page);
    // Backwards from the composer, the first one is the newest message's.
    expect((await activeElement(page)).label).toBe('Message actions');
    const button = actionsOf(page, REPLY);
    expect(await button.evaluate((el) => (el.getRootNode() as ShadowRoot).activeElement === el)).toBe(true);
    // Focus shows it (it is transparent only until hovered or focused).
    expect(await button.evaluate((el) => getComputedStyle(el).opacity)).toBe('1');

    await page.keyboard.press('Enter');
    await placedMenu(page);
    expect(await button.getAttribute('aria-expanded')).toBe('true');
    await expect.poll(async () => (await activeElement(page)).label).toBe('Copy text');
    await page.keyboard.press('ArrowDown'); // one item: it wraps to itself
    expect((await activeElement(page)).label).toBe('Copy text');
    await page.keyboard.press('Escape');
    await openMenu(page).waitFor({ state: 'detached' });
    expect(await inWidget(page, '.panel').isVisible()).toBe(true);
    expect((await activeElement(page)).className).toContain('message-actions');

    // ArrowDown opens it too; Enter on "Copy text" copies and says so.
    await page.keyboard.press('ArrowDown');
    await placedMenu(page);
    await expect.poll(async () => (await activeElement(page)).label).toBe('Copy text');
    await page.keyboard.press('Enter');
    await openMenu(page).waitFor({ state: 'detached' });
    const note = inWidget(page, '.message').filter({ hasText: REPLY }).locator('[role="status"]');
    await expect.poll(() => note.textContent()).toBe('Copied');
    expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(REPLY);
    expect((await activeElement(page)).className).toContain('message-actions');

    // A message the server refuses stays failed: typed and sent with the keyboard too.
    await refuseSends(page);
    await inWidget(page, '.composer textarea').focus();
    await page.keyboard.type(REFUSED);
    await page.keyboard.press('Enter');
    await inWidget(page, '.message[data-state="failed"] .failure').waitFor();
    await settle(page);
    await shiftTabToActions(page);
    const failed = inWidget(page, '.message[data-state="failed"] .message-actions');
    expect(await failed.evaluate((el) => (el.getRootNode() as ShadowRoot).activeElement === el)).toBe(true);
    await page.keyboard.press('Enter');
    const menu = await placedMenu(page);
    expectInViewport(await rect(menu), 'failed message');
    expect(await menu.locator('[role="menuitem"]').allTextContents()).toEqual(['Copy text', 'Retry', 'Delete']);
    await page.keyboard.press('End');
    expect((await activeElement(page)).label).toBe('Delete');
    await page.keyboard.press('Enter');
    await inWidget(page, '.message[data-state="failed"]').waitFor({ state: 'detached' });
    // Focus is not lost to the page: it is on the log the message was in.
    expect(await page.evaluate(() => document.querySelector('parley-widget-host')!.shadowRoot!.activeElement?.getAttribute('role'))).toBe('log');
    expect(await page.evaluate(() => (window as unknown as WidgetWindow).__widget.client.$messages.get().some((m) => m.state === 'failed'))).toBe(false);
  });

  for (const path of ['/', '/dark']) {
    it(`axe finds nothing with the menu open (${path === '/' ? 'light' : 'dark'})`, async () => {
      const page = await chat(path);
      await refuseSends(page);
      await sendFromComposerUnchecked(page, REFUSED);
      await inWidget(page, '.message[data-state="failed"] .failure').waitFor();
      await settle(page);
      await inWidget(page, '.message[data-state="failed"] .bubble').hover();
      await inWidget(page, '.message[data-state="failed"] .message-actions').click();
      await placedMenu(page);
      expect(await axe(page)).toEqual([]);
      // And with the "Copied" note showing.
      await page.keyboard.press('Enter');
      await expect.poll(() => inWidget(page, '.message[data-state="failed"] [role="status"]').textContent()).toBe('Copied');
      expect(await axe(page)).toEqual([]);
    });
  }
});

/** axe-core at WCAG 2.2 AA on the widget's host (and so its shadow tree), as in axe.test.ts. */
async function axe(page: Page): Promise<Array<{ id: string; nodes: unknown[] }>> {
  if (!(await page.evaluate(() => 'axe' in window))) await page.addScriptTag({ path: axePath });
  await settle(page);
  return page.evaluate(async () => {
    type Result = { violations: Array<{ id: string; nodes: Array<{ target: unknown; failureSummary?: string }> }> };
    const { run } = (window as unknown as { axe: { run: (context: unknown, options: unknown) => Promise<Result> } }).axe;
    const result = await run(
      { include: [['parley-widget-host']] },
      { runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'] }, resultTypes: ['violations'] },
    );
    return result.violations.map((v) => ({ id: v.id, nodes: v.nodes.map((n) => ({ target: n.target, summary: n.failureSummary })) }));
  });
}
