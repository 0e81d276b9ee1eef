import type { Page } from 'playwright-core';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { type LaunchedBrowser, launchBrowser } from '../support/launchBrowser.js';
import { openChat, sendFromWidget } from '../support/openChat.js';
import { type Demo, startDemo } from '../support/startDemo.js';

let demo: Demo;
let chromium: LaunchedBrowser;

// A host page that asks for consent first, embedding Parley by script tag as a site would.
const consentPage = `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Consent</title>
<script async src="/parley/parley.js" data-endpoint="{{PARLEY_ENDPOINT}}" data-widget-id="consent" data-consent="required"></script>
</head><body><main><h1>A site with a consent banner</h1></main></body></html>`;

// A fresh backend and browser profile per test: each visitor starts with an empty device.
beforeEach(async () => {
  demo = await startDemo({ pages: { '/consent': consentPage } });
  chromium = await launchBrowser();
});
afterEach(async () => {
  await chromium?.close();
  await demo?.close();
});

/** Everything the page's origin keeps on the device. */
const device = (page: Page) =>
  page.evaluate(async () => ({
    localStorage: localStorage.length,
    sessionStorage: sessionStorage.length,
    databases: (await indexedDB.databases()).map((db) => db.name),
  }));

/** Loads the page without touching it, and waits until the widget has started its session and settled. */
async function visitUntouched(page: Page): Promise<void> {
  const session = page.waitForResponse((response) => response.url().endsWith('/v1/sessions') && response.ok(), { timeout: 15000 });
  await page.goto(`${demo.demoUrl}/consent`);
  await session;
  // Long enough for every write the widget would make on start (config, session, debounced state).
  await page.waitForTimeout(1500);
}

describe("consent: 'required', end to end", () => {
  it('stores nothing before the visitor interacts; a click in the widget grants consent and the conversation persists', async () => {
    const page = await chromium.browser.newPage();
    await visitUntouched(page);
    expect(await device(page)).toEqual({ localStorage: 0, sessionStorage: 0, databases: [] });

    const composer = await openChat(page);
    await sendFromWidget(page, composer, 'Hello after consent');
    await expect.poll(async () => (await device(page)).databases, { timeout: 10000 }).toEqual(['parley']);

    // Reloaded (and not touched again), the widget reads the saved session back.
    await page.reload();
    await page.getByRole('button', { name: /open support chat/i }).waitFor();
    await openChat(page);
    await expect.poll(() => page.getByText('Hello after consent', { exact: true }).count(), { timeout: 10000 }).toBe(1);
    await page.close();
  });

  it("stores nothing until the host calls grantConsent(), then saves the visitor's session", async () => {
    const page = await chromium.browser.newPage();
    await visitUntouched(page);
    expect(await device(page)).toEqual({ localStorage: 0, sessionStorage: 0, databases: [] });

    await page.evaluate(() => (window as unknown as { Parley: (...args: unknown[]) => void }).Parley('grantConsent'));
    const savedKeys = () =>
      page.evaluate(async () => {
        if (!(await indexedDB.databases()).some((db) => db.name === 'parley')) return [];
        const db = await new Promise<IDBDatabase>((resolve, reject) => {
          const request = indexedDB.open('parley');
          request.onsuccess = () => resolve(request.result);
          request.onerror = () => reject(request.error);
        });
        const keys = await new Promise<IDBValidKey[]>((resolve, reject) => {
          const request = db.transaction('state', 'readonly').objectStore('state').getAllKeys();
          request.onsuccess = () => resolve(request.result);
          request.onerror = () => reject(request.error);
        });
        db.close();
        return keys.map(String);
      });
    await expect.poll(savedKeys, { timeout: 10000 }).toEqual(expect.arrayContaining([expect.stringMatching(/:consent:session$/)]));
    await page.close();
  });
});
