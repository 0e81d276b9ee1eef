// Phones, in real Chromium at 375×667: the panel fills the screen, the host page is locked behind
// it and comes back exactly as it was (scrollable, at the same position), and the composer stays
// visible when the on-screen keyboard takes part of the screen.
import type { Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { type LaunchedBrowser, launchBrowser } from '../support/launchBrowser.js';
import { type UiServer, type WidgetWindow, goToChat, hostPage, inWidget, settle, startUiServer, widgetReady } from './support/uiHarness.js';

const PHONE = { width: 375, height: 667 };
const TALL = `<main><h1>A long article</h1>${Array.from({ length: 120 }, (_, i) => `<p id="p${i}">Paragraph ${i} of the host page.</p>`).join('')}</main>`;

let server: UiServer;
let chromium: LaunchedBrowser;
const pages: Page[] = [];

beforeAll(async () => {
  server = await startUiServer({ pages: { '/': hostPage({ body: TALL }) } });
  chromium = await launchBrowser({ viewport: PHONE });
});
afterEach(async () => {
  await Promise.all(pages.splice(0).map((page) => page.close()));
});
afterAll(async () => {
  await chromium?.close();
  await server?.close();
});

async function open(viewport = PHONE): Promise<Page> {
  const page = await chromium.browser.newPage();
  pages.push(page);
  await page.setViewportSize(viewport);
  await page.goto(`${server.hostUrl}/`);
  await widgetReady(page);
  return page;
}

const panelRect = (page: Page) =>
  inWidget(page, '.panel').evaluate((el) => {
    const r = el.getBoundingClientRect();
    return { x: r.x, y: r.y, width: r.width, height: r.height };
  });

const pageState = (page: Page) =>
  page.evaluate(() => ({
    y: window.scrollY,
    html: getComputedStyle(document.documentElement).overflowY,
    body: getComputedStyle(document.body).overflowY,
    htmlInline: document.documentElement.getAttribute('style'),
    bodyInline: document.body.getAttribute('style'),
  }));

describe('on a phone', () => {
  for (const viewport of [PHONE, { width: 480, height: 800 }, { width: 320, height: 568 }]) {
    it(`the open panel is the whole screen at ${viewport.width}×${viewport.height}`, async () => {
      const page = await open(viewport);
      await inWidget(page, '.launcher').click();
      await inWidget(page, '.panel').waitFor({ state: 'visible' });
      await settle(page);
      expect(await panelRect(page)).toEqual({ x: 0, y: 0, width: viewport.width, height: viewport.height });
      // The launcher steps aside; the header's close button closes.
      expect(await inWidget(page, '.launcher').isVisible()).toBe(false);
      await inWidget(page, '.header [aria-label="Close chat"]').click();
      await inWidget(page, '.panel').waitFor({ state: 'hidden' });
      expect(await inWidget(page, '.launcher').isVisible()).toBe(true);
    });
  }

  it('one pixel wider than a phone, the panel floats again', async () => {
    const page = await open({ width: 481, height: 800 });
    await inWidget(page, '.launcher').click();
    await settle(page);
    const rect = await panelRect(page);
    expect(rect.width).toBeLessThan(481);
    expect(rect.height).toBeLessThan(800);
  });

  it('full-screen height comes from 100dvh and the visual viewport, not 100vh alone', async () => {
    const page = await open();
    const css = await page.evaluate(() => {
      const root = document.querySelector('parley-widget-host')!.shadowRoot!;
      const sheets = [...root.adoptedStyleSheets, ...Array.from(root.querySelectorAll('style'), (s) => s.sheet!)];
      const rules: string[] = [];
      const walk = (list: CSSRuleList) => {
        for (const rule of Array.from(list)) {
          if (rule instanceof CSSMediaRule && rule.conditionText.includes('max-width: 480px')) rules.push(rule.cssText);
          else if ('cssRules' in rule) walk((rule as CSSGroupingRule).cssRules);
        }
      };
      for (const sheet of sheets) walk(sheet.cssRules);
      return rules.join('\n');
    });
    expect(css).toMatch(/\.panel[^}]*block-size: var\(--parley-vv-height, 100dvh\)/);
    // The full-screen panel keeps clear of the notch and rounded corners.
    expect(css).toMatch(/\.panel[^}]*env\(safe-area-inset-/);
    await inWidget(page, '.launcher').click();
    await settle(page);
    const sizes = await page.evaluate(() => ({ inner: innerHeight, vv: visualViewport!.height }));
    expect((await panelRect(page)).height).toBe(sizes.vv);
    expect(sizes.vv).toBe(sizes.inner);
  });

  it('opening and closing keeps the host page scrollable, at exactly the same position', async () => {
    const page = await open();
    // The host's own inline styles must come back as they were, too.
    await page.evaluate(() => {
      document.body.style.overflowX = 'hidden';
      window.scrollTo(0, 1234);
    });
    await expect.poll(() => page.evaluate(() => window.scrollY)).toBe(1234);
    const before = await pageState(page);

    const closers: Array<[string, (p: Page) => Promise<void>]> = [
      ['the close button', (p) => inWidget(p, '.header [aria-label="Close chat"]').click()],
      ['Escape', (p) => p.keyboard.press('Escape')],
      ['Parley.close()', (p) => p.evaluate(() => (window as unknown as WidgetWindow).__widget.close())],
    ];
    for (const [how, close] of closers) {
      await inWidget(page, '.launcher').click();
      await inWidget(page, '.panel').waitFor({ state: 'visible' });
      // Behind the full-screen chat the page does not scroll.
      await expect.poll(async () => (await pageState(page)).html, { message: how }).toBe('hidden');
      // (With classic scrollbars, removing the page's scrollbar reflows it and scroll anchoring
      // may nudge scrollY while locked; what counts is that the wheel does not move it, and that
      // closing restores it exactly.)
      const lockedAt = await page.evaluate(() => window.scrollY);
      await page.mouse.move(180, 300);
      await page.mouse.wheel(0, 400);
      await page.waitForTimeout(150);
      expect(await page.evaluate(() => window.scrollY), how).toBe(lockedAt);
      // Moving around inside the panel does not lose the page's position either.
      await goToChat(page);
      await close(page);
      await inWidget(page, '.panel').waitFor({ state: 'hidden' });
      // The lock is released by an effect, just after the closed panel renders.
      await expect.poll(() => pageState(page), { message: how }).toEqual(before);
    }
    // And the page scrolls again, by wheel.
    await page.mouse.move(100, 300);
    await page.mouse.wheel(0, 300);
    await expect.poll(() => page.evaluate(() => window.scrollY)).toBeGreaterThan(1234);
  });

  it('destroying the widget while it is open gives the page back too', async () => {
    const page = await open();
    await page.evaluate(() => window.scrollTo(0, 1234));
    const before = await pageState(page);
    await inWidget(page, '.launcher').click();
    await inWidget(page, '.panel').waitFor({ state: 'visible' });
    await page.evaluate(() => (window as unknown as { __widget: { destroy(): void } }).__widget.destroy());
    expect(await page.locator('parley-widget-host').count()).toBe(0);
    expect(await pageState(page)).toEqual(before);
  });

  it('with the on-screen keyboard up, the composer stays above it', async () => {
    const page = await open();
    await inWidget(page, '.launcher').click();
    await goToChat(page);
    await inWidget(page, '.composer textarea').focus();

    const composerInView = () =>
      page.evaluate(() => {
        const root = document.querySelector('parley-widget-host')!.shadowRoot!;
        const composer = root.querySelector('.composer')!.getBoundingClientRect();
        const header = root.querySelector('.header')!.getBoundingClientRect();
        const vv = visualViewport!;
        return {
          composerTop: composer.top,
          composerBottom: composer.bottom,
          headerTop: header.top,
          viewTop: vv.offsetTop,
          viewBottom: vv.offsetTop + vv.height,
        };
      });

    // Android-style: the keyboard shrinks the viewport itself.
    await page.setViewportSize({ width: 375, height: 667 - 290 });
    await expect.poll(async () => (await composerInView()).composerBottom).toBeLessThanOrEqual(667 - 290);
    let view = await composerInView();
    expect(view.composerTop).toBeGreaterThan(view.headerTop);
    expect(view.composerBottom).toBeLessThanOrEqual(view.viewBottom + 0.5);

    // iOS-style: the layout viewport keeps its size and only the visual viewport shrinks and
    // moves. Chromium's pinch-zoom does the same to visualViewport, so it stands in for it.
    await page.setViewportSize(PHONE);
    const cdp = await page.context().newCDPSession(page);
    await cdp.send('Emulation.setPageScaleFactor', { pageScaleFactor: 2 });
    await expect.poll(() => page.evaluate(() => visualViewport!.height)).toBeLessThan(400);
    await page.evaluate(() => window.scrollBy(0, 0));
    await expect.poll(async () => (await composerInView()).composerBottom - (await composerInView()).viewBottom).toBeLessThanOrEqual(0.5);
    view = await composerInView();
    expect(view.composerTop).toBeGreaterThanOrEqual(view.viewTop);
    expect(view.headerTop).toBeGreaterThanOrEqual(view.viewTop - 0.5);
    await cdp.send('Emulation.setPageScaleFactor', { pageScaleFactor: 1 });
  });
});
