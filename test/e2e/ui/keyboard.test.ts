// The widget by keyboard alone, in real Chromium: from the page to the launcher, into the panel,
// through every control and back, menus with arrows and Escape, sending with Enter, closing with
// Escape, and a collapsed panel that nothing can tab into.
import type { Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { type LaunchedBrowser, launchBrowser } from '../support/launchBrowser.js';
import {
  type UiServer,
  type WidgetWindow,
  activeElement,
  conversationId,
  hostPage,
  inWidget,
  settle,
  startUiServer,
  widgetReady,
} from './support/uiHarness.js';

const BODY = `<main><h1>Shop</h1><p>Some text.</p><button type="button" id="before">Add to cart</button></main>`;

let server: UiServer;
let chromium: LaunchedBrowser;
const pages: Page[] = [];

beforeAll(async () => {
  server = await startUiServer({ pages: { '/': hostPage({ body: BODY }) } });
  chromium = await launchBrowser();
});
afterEach(async () => {
  await Promise.all(pages.splice(0).map((page) => page.close()));
});
afterAll(async () => {
  await chromium?.close();
  await server?.close();
});

async function open(): Promise<Page> {
  const page = await chromium.browser.newPage();
  pages.push(page);
  await page.goto(`${server.hostUrl}/`);
  await widgetReady(page);
  return page;
}

/** Marks every control a keyboard user should reach in the open panel, and returns their marks. */
function markFocusable(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const root = document.querySelector('parley-widget-host')!.shadowRoot!;
    const panel = root.querySelector('.panel')!;
    const candidates = panel.querySelectorAll<HTMLElement>('a[href], button, input, textarea, select, [tabindex]');
    const marks: string[] = [];
    let n = 0;
    for (const el of candidates) {
      const disabled = (el as HTMLButtonElement).disabled;
      const visible = el.getClientRects().length > 0 && getComputedStyle(el).visibility !== 'hidden';
      if (disabled || !visible || el.tabIndex < 0 || el.closest('[hidden], [inert]')) continue;
      // Radio groups are one tab stop; arrows move inside them.
      if (el instanceof HTMLInputElement && el.type === 'radio' && !el.checked && marks.some((m) => m.startsWith(`radio:${el.name}`))) continue;
      const mark = el instanceof HTMLInputElement && el.type === 'radio' ? `radio:${el.name}:${n++}` : `kb-${n++}`;
      el.dataset.kb = mark;
      marks.push(mark);
    }
    return marks;
  });
}

/** The `data-kb` mark of the focused element inside the widget, `page` outside it, `none` on body. */
function focusedMark(page: Page): Promise<string> {
  return page.evaluate(() => {
    const host = document.querySelector('parley-widget-host')!;
    if (document.activeElement === host) {
      const inner = host.shadowRoot!.activeElement as HTMLElement | null;
      if (!inner) return 'host';
      if (inner.classList.contains('launcher')) return 'launcher';
      return inner.dataset.kb ?? `unmarked:${inner.outerHTML.slice(0, 120)}`;
    }
    if (!document.activeElement || document.activeElement === document.body) return 'none';
    return `page:${document.activeElement.id}`;
  });
}

async function tabFromLauncher(page: Page, key: 'Tab' | 'Shift+Tab', limit = 60): Promise<string[]> {
  const seen: string[] = [];
  for (let i = 0; i < limit; i++) {
    await page.keyboard.press(key);
    const mark = await focusedMark(page);
    if (mark === 'launcher' || !mark.startsWith('kb-') && !mark.startsWith('radio:') && !mark.startsWith('unmarked')) {
      seen.push(mark);
      break;
    }
    seen.push(mark);
  }
  return seen;
}

/**
 * Tab from the launcher visits every control of the open panel once, in order, then leaves the
 * widget (no trap); Shift+Tab from the last control visits them in reverse back to the launcher.
 */
async function expectTabCycle(page: Page): Promise<void> {
  const marks = await markFocusable(page);
  expect(marks.length).toBeGreaterThan(3);
  await inWidget(page, '.launcher').focus();
  const forward = await tabFromLauncher(page, 'Tab');
  const unmarked = forward.filter((m) => m.startsWith('unmarked'));
  expect(unmarked, 'focus landed on something that is not a visible control').toEqual([]);
  expect(forward.slice(0, -1)).toEqual(marks);
  expect(['none', 'page:before', 'host']).toContain(forward.at(-1));

  await page.evaluate(() => {
    const all = Array.from(document.querySelector('parley-widget-host')!.shadowRoot!.querySelectorAll<HTMLElement>('[data-kb]'));
    all[all.length - 1]!.focus();
  });
  const backward = [marks.at(-1)!, ...(await tabFromLauncher(page, 'Shift+Tab'))];
  expect(backward.at(-1)).toBe('launcher');
  expect(backward.slice(0, -1)).toEqual([...marks].reverse());
  await page.evaluate(() => {
    for (const el of document.querySelector('parley-widget-host')!.shadowRoot!.querySelectorAll<HTMLElement>('[data-kb]')) delete el.dataset.kb;
  });
}

describe('keyboard only', () => {
  it('Tab reaches the launcher, Enter opens, every control is reachable both ways, Escape closes', async () => {
    const page = await open();
    await page.locator('#before').focus();
    await page.keyboard.press('Tab');
    expect(await focusedMark(page)).toBe('launcher');

    await page.keyboard.press('Enter');
    await inWidget(page, '.panel').waitFor({ state: 'visible' });
    // Focus moves in, to "Start a conversation", the home screen's main action.
    await expect.poll(async () => (await activeElement(page)).className).toContain('button');
    expect((await activeElement(page)).inWidget).toBe(true);
    await settle(page);

    await expectTabCycle(page);

    // The same on the chat screen, with the visitor's and an agent's messages in the log.
    await inWidget(page, '.start-card .button').press('Enter');
    await inWidget(page, '.topic').first().waitFor();
    await inWidget(page, '.topic').last().press('Enter');
    await inWidget(page, '.composer textarea').waitFor();
    // The new screen moves focus to the composer; a keyboard user types once it is there.
    await expect.poll(async () => (await activeElement(page)).tag).toBe('textarea');
    await page.keyboard.type('Hello from the keyboard');
    await page.keyboard.press('Enter');
    await server.operator.reply(await conversationId(page), 'Hi! How can I help?');
    await inWidget(page, '.group[data-role="agent"]').waitFor();
    await settle(page);
    await expectTabCycle(page);

    // Back home for the Escape check below.
    await inWidget(page, '.header .icon-button').first().press('Enter');
    await inWidget(page, '.start-card .button').waitFor();

    // Escape from deep inside closes and gives focus back to the launcher.
    await inWidget(page, '.start-card .button').focus();
    await page.keyboard.press('Escape');
    await inWidget(page, '.panel').waitFor({ state: 'hidden' });
    // Focus comes back once the closed panel has rendered.
    await expect.poll(() => focusedMark(page)).toBe('launcher');
  });

  it('menus open with Enter or arrows, move with arrows, Home and End, close with Escape', async () => {
    const page = await open();
    await inWidget(page, '.launcher').focus();
    await page.keyboard.press('Enter');
    await inWidget(page, '.panel').waitFor({ state: 'visible' });

    const buttons = await inWidget(page, '.header [aria-haspopup="menu"]').count();
    expect(buttons).toBeGreaterThanOrEqual(1);
    for (let i = 0; i < buttons; i++) {
      const button = inWidget(page, '.header [aria-haspopup="menu"]').nth(i);
      const label = await button.getAttribute('aria-label');
      const menu = inWidget(page, `#${await button.getAttribute('aria-controls')}`);
      await button.focus();
      await page.keyboard.press('Enter');
      await menu.waitFor({ state: 'visible' });
      expect(await button.getAttribute('aria-expanded'), label!).toBe('true');
      const items = menu.locator('[role^="menuitem"]');
      const count = await items.count();
      const focusedIndex = () =>
        menu.evaluate((el) => {
          const list = Array.from(el.querySelectorAll('[role^="menuitem"]'));
          return list.indexOf((el.getRootNode() as ShadowRoot).activeElement!);
        });
      // Focus moves into the menu (after it paints).
      await expect.poll(focusedIndex, { message: `${label}: focus is on an item` }).toBeGreaterThanOrEqual(0);
      const startAt = await focusedIndex();
      await page.keyboard.press('ArrowDown');
      expect(await focusedIndex()).toBe((startAt + 1) % count);
      await page.keyboard.press('ArrowUp');
      expect(await focusedIndex()).toBe(startAt);
      await page.keyboard.press('End');
      expect(await focusedIndex()).toBe(count - 1);
      await page.keyboard.press('Home');
      expect(await focusedIndex()).toBe(0);
      await page.keyboard.press('Escape');
      await menu.waitFor({ state: 'hidden' });
      // Escape closed only the menu: the panel stays, focus is back on the button.
      expect(await inWidget(page, '.panel').isVisible()).toBe(true);
      expect(await button.evaluate((el) => (el.getRootNode() as ShadowRoot).activeElement === el)).toBe(true);
      // ArrowDown on the button opens it too; an Escape at once (before focus has moved in)
      // still closes only the menu.
      await page.keyboard.press('ArrowDown');
      await menu.waitFor({ state: 'visible' });
      await page.keyboard.press('Escape');
      await menu.waitFor({ state: 'hidden' });
      expect(await inWidget(page, '.panel').isVisible(), `${label}: the panel stays open`).toBe(true);
    }

    // The language menu picks with arrows and Space or Enter: Russian, then English again.
    const language = inWidget(page, '.language-button');
    const focusedLang = () => page.evaluate(() => document.querySelector('parley-widget-host')!.shadowRoot!.activeElement?.getAttribute('lang'));
    await language.focus();
    await page.keyboard.press('Enter');
    await expect.poll(focusedLang).toBe('en'); // the checked language
    await page.keyboard.press('ArrowDown');
    expect(await focusedLang()).toBe('ru');
    await page.keyboard.press(' ');
    await expect.poll(() => inWidget(page, '.panel').getAttribute('lang')).toBe('ru');
    await inWidget(page, '#parley-language-menu').waitFor({ state: 'hidden' });
    expect((await activeElement(page)).className).toContain('language-button');
    await page.keyboard.press('ArrowDown');
    await expect.poll(focusedLang).toBe('ru');
    await page.keyboard.press('Home');
    expect(await focusedLang()).toBe('en');
    await page.keyboard.press('Enter');
    await expect.poll(() => inWidget(page, '.panel').getAttribute('lang')).toBe('en');
  });

  it('Space starts, Enter picks a topic, Enter sends, Escape closes', async () => {
    const page = await open();
    await inWidget(page, '.launcher').focus();
    await page.keyboard.press('Space');
    await inWidget(page, '.panel').waitFor({ state: 'visible' });
    // "Start a conversation" has focus (not just any button: Space on the close button would close).
    await expect.poll(async () => (await activeElement(page)).label).toBe('Start a conversation');
    await page.keyboard.press('Space');
    await inWidget(page, '.topic').first().waitFor();
    await expect.poll(async () => (await activeElement(page)).className).toContain('topic');
    // Down the list with Tab, back with Shift+Tab, then pick.
    await page.keyboard.press('Tab');
    expect((await activeElement(page)).className).toContain('topic');
    await page.keyboard.press('Shift+Tab');
    await page.keyboard.press('Enter');
    await inWidget(page, '.composer textarea').waitFor();
    await expect.poll(async () => (await activeElement(page)).tag).toBe('textarea');

    await page.keyboard.type('Typed and sent with the keyboard');
    await page.keyboard.press('Shift+Enter');
    await page.keyboard.type('second line');
    await page.keyboard.press('Enter');
    await page.waitForFunction(() =>
      (window as unknown as WidgetWindow).__widget.client.$messages
        .get()
        .some((m) => m.text === 'Typed and sent with the keyboard\nsecond line' && m.state === 'sent'),
    );
    expect(await inWidget(page, '.composer textarea').inputValue()).toBe('');
    // Focus stays in the composer for the next message.
    expect((await activeElement(page)).tag).toBe('textarea');

    await page.keyboard.press('Escape');
    await inWidget(page, '.panel').waitFor({ state: 'hidden' });
    // Focus comes back once the closed panel has rendered.
    await expect.poll(() => focusedMark(page)).toBe('launcher');
  });

  it('while collapsed, Tab never lands inside the hidden panel', async () => {
    const page = await open();
    // Open and close once, so the panel's content exists (hidden) rather than never rendered.
    await inWidget(page, '.launcher').click();
    await inWidget(page, '.panel').waitFor({ state: 'visible' });
    await page.keyboard.press('Escape');
    await inWidget(page, '.panel').waitFor({ state: 'hidden' });
    expect(await inWidget(page, '.panel').evaluate((el) => (el as HTMLElement).hidden)).toBe(true);

    await page.locator('#before').focus();
    const stops: string[] = [];
    for (let i = 0; i < 8; i++) {
      await page.keyboard.press('Tab');
      stops.push(await focusedMark(page));
    }
    for (let i = 0; i < 8; i++) {
      await page.keyboard.press('Shift+Tab');
      stops.push(await focusedMark(page));
    }
    // Only the launcher and the page's own button: nothing of the panel, and focus moves on.
    expect(new Set(stops)).toEqual(new Set(['launcher', 'page:before', 'none']));
    const insidePanel = await page.evaluate(() => {
      const root = document.querySelector('parley-widget-host')!.shadowRoot!;
      return root.querySelector('.panel')!.contains(root.activeElement);
    });
    expect(insidePanel).toBe(false);
  });
});
