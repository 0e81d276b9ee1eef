import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { type LaunchedBrowser, launchBrowser } from './support/launchBrowser.js';
import { type Demo, startDemo } from './support/startDemo.js';

let demo: Demo;
let chromium: LaunchedBrowser;

beforeAll(async () => {
  demo = await startDemo();
  chromium = await launchBrowser();
});
afterAll(async () => {
  await chromium?.close();
  await demo?.close();
});

/** A page whose browser never reports idle time, so only the visitor's intent can load the panel. */
async function neverIdlePage(): Promise<{ page: Page; widgetRequests: () => number }> {
  const page = await chromium.browser.newPage();
  await page.addInitScript(() => {
    window.requestIdleCallback = () => 0;
  });
  let requests = 0;
  page.on('request', (request) => {
    if (request.url().includes('/widget/parley-widget.js')) requests++;
  });
  return { page, widgetRequests: () => requests };
}

/** A page that counts the widget bundle's requests and keeps Chromium's own requestIdleCallback. */
async function idlePage(): Promise<{ page: Page; widgetRequests: () => number }> {
  const page = await chromium.browser.newPage();
  await page.addInitScript(() => {
    // Pass-through, counting the idle callbacks that ran, so the test knows which trigger fired.
    const real = window.requestIdleCallback.bind(window);
    const probe = { ran: 0 };
    (window as unknown as { __idleProbe: typeof probe }).__idleProbe = probe;
    window.requestIdleCallback = (callback, options) =>
      real((deadline) => {
        probe.ran++;
        callback(deadline);
      }, options);
  });
  let requests = 0;
  page.on('request', (request) => {
    if (request.url().includes('/widget/parley-widget.js')) requests++;
  });
  return { page, widgetRequests: () => requests };
}

/**
 * The browser context is shared by every test in this file: drop the unread hint an earlier test
 * left, or the loader would load the panel at once and hide which trigger fired.
 */
async function noRepliesWaiting(page: Page): Promise<void> {
  await page.addInitScript(() => {
    for (const key of Object.keys(localStorage)) if (key.endsWith(':unread')) localStorage.removeItem(key);
  });
}

describe('lazy loading from the script tag', () => {
  it('draws the launcher without loading the panel, and loads it on the first hover', async () => {
    const { page, widgetRequests } = await neverIdlePage();
    await page.goto(`${demo.demoUrl}/deposit`);
    const launcher = page.getByRole('button', { name: /open support chat/i });
    await expect.poll(() => launcher.isVisible()).toBe(true);
    await page.waitForTimeout(500);
    expect(widgetRequests()).toBe(0);

    await launcher.hover();
    await expect.poll(widgetRequests).toBe(1);
    await page.close();
  });

  it('opens the panel with one click on the loader-drawn launcher', async () => {
    const { page, widgetRequests } = await neverIdlePage();
    await page.goto(`${demo.demoUrl}/`);
    await page.getByRole('button', { name: /open support chat/i }).click();
    await expect.poll(() => page.getByRole('button', { name: /start a conversation/i }).isVisible()).toBe(true);
    expect(widgetRequests()).toBe(1);
    // Exactly one host element: the widget took over the loader's instead of adding another.
    expect(await page.locator('parley-widget-host').count()).toBe(1);
    await page.close();
  });

  it('loads at once when replies are waiting, so the unread badge is never hidden', async () => {
    const { page, widgetRequests } = await neverIdlePage();
    await page.goto(`${demo.demoUrl}/`);
    await page.evaluate(() => localStorage.setItem(`parley:${location.host}:demo:unread`, '2'));
    await page.reload();
    await expect.poll(widgetRequests).toBe(1);
    await page.close();
  });

  it('loads it when the visitor tabs to the launcher, which keeps focus so Enter opens the chat', async () => {
    const { page, widgetRequests } = await neverIdlePage();
    await noRepliesWaiting(page);
    await page.goto(`${demo.demoUrl}/deposit`);
    await expect.poll(() => page.getByRole('button', { name: /open support chat/i }).isVisible()).toBe(true);
    const launcherFocused = () =>
      page.evaluate(() => document.activeElement?.shadowRoot?.activeElement?.getAttribute('part') === 'launcher');
    // Tab through the page's own controls: none of them loads the panel; reaching the launcher does.
    for (let presses = 0; presses < 30 && widgetRequests() === 0 && !(await launcherFocused()); presses++) {
      await page.keyboard.press('Tab');
    }
    await expect.poll(widgetRequests).toBe(1);
    // Once the widget has replaced the loader's button with its own, focus is on the new one,
    // not dropped to <body> (Enter would then do nothing).
    const widgetLauncherDrawn = () => page.evaluate(() => !!document.querySelector('parley-widget-host')?.shadowRoot?.querySelector('.launcher'));
    await expect.poll(widgetLauncherDrawn).toBe(true);
    expect(await launcherFocused()).toBe(true);
    await page.keyboard.press('Enter');
    await expect.poll(() => page.getByRole('button', { name: /start a conversation/i }).isVisible()).toBe(true);
    expect(widgetRequests()).toBe(1);
    await page.close();
  });

  it('loads it when the browser is idle, with no interaction at all', async () => {
    const { page, widgetRequests } = await idlePage();
    await noRepliesWaiting(page);
    await page.goto(`${demo.demoUrl}/deposit`);
    await expect.poll(widgetRequests, { timeout: 10_000 }).toBe(1);
    // Through requestIdleCallback, not the loader's fallback timer for browsers without it.
    const idleCallbacksRan = await page.evaluate(() => (window as unknown as { __idleProbe: { ran: number } }).__idleProbe.ran);
    expect(idleCallbacksRan).toBeGreaterThan(0);
    await page.close();
  });
});
