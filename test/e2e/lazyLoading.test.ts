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
});
