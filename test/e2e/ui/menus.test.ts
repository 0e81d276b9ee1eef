// The header's language menu and the composer's attach menu (the paper clip, a menu only where the
// desk allows screenshots and the browser can capture the screen) in real Chromium on a 375×667
// phone screen: each opens whole inside the screen, left to right and right to left (Arabic), and
// Escape closes it and puts focus back on its button, leaving the panel open.
import type { Locator, Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { type LaunchedBrowser, launchBrowser } from '../support/launchBrowser.js';
import { type UiServer, activeElement, goToChat, hostPage, inWidget, openPanel, settle, startUiServer, widgetReady } from './support/uiHarness.js';

const PHONE = { width: 375, height: 667 };

let server: UiServer;
/** A desk without screenshots: the paper clip opens the file picker, with no menu. */
let noScreenshots: UiServer;
let chromium: LaunchedBrowser;
const pages: Page[] = [];

beforeAll(async () => {
  const pageSet = { '/': hostPage(), '/ar': hostPage({ lang: 'ar', init: { locale: 'ar' } }) };
  server = await startUiServer({ pages: pageSet });
  noScreenshots = await startUiServer({ pages: pageSet, server: { config: { features: { screenshots: false } } } });
  chromium = await launchBrowser({ viewport: PHONE });
});
// Each open page holds an event stream; Chromium allows six connections per origin.
afterEach(async () => {
  await Promise.all(pages.splice(0).map((page) => page.close()));
});
afterAll(async () => {
  await chromium?.close();
  await server?.close();
  await noScreenshots?.close();
});

/** The panel on the chat screen, with the composer showing. */
async function chat(path = '/', stack = server): Promise<Page> {
  const page = await chromium.browser.newPage();
  pages.push(page);
  await page.goto(`${stack.hostUrl}${path}`);
  await widgetReady(page);
  await openPanel(page);
  await goToChat(page);
  return page;
}

const MENUS = {
  language: { button: '.header .language-button', menu: '#parley-language-menu', item: '[role="menuitemradio"]' },
  attach: { button: '.composer button[aria-controls="parley-attach-menu"]', menu: '#parley-attach-menu', item: '[role="menuitem"]' },
} as const;

type Rect = { left: number; top: number; right: number; bottom: number; width: number; height: number };
const rect = (locator: Locator): Promise<Rect> =>
  locator.evaluate((el) => {
    const r = el.getBoundingClientRect();
    return { left: r.left, top: r.top, right: r.right, bottom: r.bottom, width: r.width, height: r.height };
  });

function expectInViewport(box: Rect, label: string): void {
  expect(box.width, `${label}: has a size`).toBeGreaterThan(0);
  expect(box.height, `${label}: has a size`).toBeGreaterThan(0);
  expect(box.left, `${label}: left edge`).toBeGreaterThanOrEqual(0);
  expect(box.top, `${label}: top edge`).toBeGreaterThanOrEqual(0);
  expect(box.right, `${label}: right edge`).toBeLessThanOrEqual(PHONE.width);
  expect(box.bottom, `${label}: bottom edge`).toBeLessThanOrEqual(PHONE.height);
}

/** Clicks the menu's button and waits until floating-ui has placed the menu (it is transparent until then). */
async function openMenu(page: Page, which: keyof typeof MENUS): Promise<{ button: Locator; menu: Locator }> {
  const button = inWidget(page, MENUS[which].button);
  const menu = inWidget(page, MENUS[which].menu);
  await button.click();
  await menu.waitFor({ state: 'visible' });
  await expect.poll(() => menu.evaluate((el) => (el as HTMLElement).style.opacity)).toBe('');
  await settle(page);
  expect(await button.getAttribute('aria-expanded')).toBe('true');
  return { button, menu };
}

/** The menu and every item in it lie inside the screen, and the menu is on top where it is. */
async function expectWhollyOnScreen(menu: Locator, item: string, label: string): Promise<void> {
  expectInViewport(await rect(menu), label);
  const items = menu.locator(item);
  expect(await items.count(), `${label}: items`).toBeGreaterThan(1);
  for (const box of await items.evaluateAll((els) => els.map((el) => el.getBoundingClientRect().toJSON() as Rect))) {
    expectInViewport(box, `${label}: an item`);
  }
  const topmost = await menu.evaluate((el) => {
    const r = el.getBoundingClientRect();
    const root = el.getRootNode() as ShadowRoot;
    return el.contains(root.elementFromPoint(r.left + r.width / 2, r.top + r.height / 2));
  });
  expect(topmost, `${label}: nothing covers it`).toBe(true);
}

/** Escape from inside the menu: it closes, focus is back on its button, the panel stays open. */
async function expectEscapeReturnsFocus(page: Page, which: keyof typeof MENUS, button: Locator, menu: Locator): Promise<void> {
  // Opening moved focus to an item of the menu.
  await expect.poll(() => menu.evaluate((el) => el.contains((el.getRootNode() as ShadowRoot).activeElement))).toBe(true);
  await page.keyboard.press('Escape');
  await menu.waitFor({ state: 'hidden' });
  expect(await button.getAttribute('aria-expanded')).toBe('false');
  expect(await button.evaluate((el) => (el.getRootNode() as ShadowRoot).activeElement === el), `${which}: focus on its button`).toBe(true);
  expect((await activeElement(page)).inWidget).toBe(true);
  expect(await inWidget(page, '.panel').isVisible()).toBe(true);
}

describe('header and composer menus on a 375×667 screen', () => {
  for (const [path, direction] of [
    ['/', 'left to right'],
    ['/ar', 'right to left (Arabic)'],
  ] as const) {
    it(`the language menu opens inside the screen and Escape returns to its button, ${direction}`, async () => {
      const page = await chat(path);
      expect(await inWidget(page, '.panel').evaluate((el) => getComputedStyle(el).direction)).toBe(path === '/ar' ? 'rtl' : 'ltr');
      const { button, menu } = await openMenu(page, 'language');
      await expectWhollyOnScreen(menu, MENUS.language.item, `language menu, ${direction}`);
      // Every language the widget speaks is there to pick.
      expect(await menu.locator(MENUS.language.item).count()).toBeGreaterThanOrEqual(6);
      await expectEscapeReturnsFocus(page, 'language', button, menu);
    });

    it(`the attach menu opens inside the screen and Escape returns to the paper clip, ${direction}`, async () => {
      const page = await chat(path);
      const { button, menu } = await openMenu(page, 'attach');
      await expectWhollyOnScreen(menu, MENUS.attach.item, `attach menu, ${direction}`);
      // Choose files and take a screenshot.
      expect(await menu.locator(MENUS.attach.item).count()).toBe(2);
      // Opened over the composer, it does not cover the paper clip that opened it.
      const clip = await rect(button);
      const box = await rect(menu);
      const overlaps = box.left < clip.right && clip.left < box.right && box.top < clip.bottom && clip.top < box.bottom;
      expect(overlaps).toBe(false);
      await expectEscapeReturnsFocus(page, 'attach', button, menu);
    });
  }

  it('a desk without screenshots has a plain paper clip that opens no menu', async () => {
    const page = await chat('/', noScreenshots);
    const clip = inWidget(page, '.composer button[aria-label="Attach a file"]');
    await clip.waitFor();
    expect(await clip.getAttribute('aria-haspopup')).toBeNull();
    expect(await inWidget(page, MENUS.attach.button).count()).toBe(0);
    // A click opens the file picker at once.
    const chooser = page.waitForEvent('filechooser');
    await clip.click();
    await chooser;
    expect(await inWidget(page, MENUS.attach.menu).count()).toBe(0);
  });
});
