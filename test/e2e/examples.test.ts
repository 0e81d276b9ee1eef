// The framework examples (examples/react, examples/vue), built with Vite exactly as a user
// would build them, served as static sites and driven in Chromium against the real reference
// server. Each page is pointed at the test's backend with `?endpoint=` (see examples/*/src/endpoint.ts).
import { rm } from 'node:fs/promises';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { operatorApi } from '../support/operator.js';
import { buildExample } from './support/buildExample.js';
import { type LaunchedBrowser, launchBrowser } from './support/launchBrowser.js';
import { type StaticServer, serveStatic } from './support/serveStatic.js';
import { type Demo, startDemo } from './support/startDemo.js';

let demo: Demo;
let chromium: LaunchedBrowser;
const sites: Record<string, { dir: string; server: StaticServer }> = {};

beforeAll(async () => {
  demo = await startDemo();
  chromium = await launchBrowser();
  // One at a time: these machines have two cores.
  for (const [key, name, development] of [
    ['react', 'react', false],
    ['vue', 'vue', false],
    ['react-dev', 'react', true],
  ] as const) {
    const dir = await buildExample(name, { development });
    sites[key] = { dir, server: await serveStatic(dir) };
  }
}, 180_000);

afterAll(async () => {
  await chromium?.close();
  for (const { dir, server } of Object.values(sites)) {
    await server.close();
    await rm(dir, { recursive: true, force: true });
  }
  await demo?.close();
});

/** Opens an example against the test backend, collecting uncaught errors and console errors. */
async function openExample(key: string): Promise<{ page: Page; errors: string[]; warnings: string[] }> {
  const errors: string[] = [];
  const warnings: string[] = [];
  const page = await chromium.browser.newPage();
  page.on('pageerror', (error) => errors.push(`pageerror: ${error.message}`));
  page.on('console', (message) => {
    if (message.type() === 'error') errors.push(`console.error: ${message.text()}`);
    if (message.type() === 'warning') warnings.push(message.text());
  });
  await page.goto(`${sites[key]!.server.url}/?endpoint=${encodeURIComponent(demo.apiUrl)}`);
  return { page, errors, warnings };
}

/** The conversation whose visitor wrote `text`, as the operator API sees it. */
async function conversationWith(text: string): Promise<string | undefined> {
  const operator = operatorApi(demo.apiUrl, demo.operatorKey);
  const { conversations } = await operator.conversations();
  for (const { id } of conversations) {
    const detail = (await operator.conversation(id)) as { messages: Array<{ text: string }> };
    if (detail.messages.some((message) => message.text === text)) return id;
  }
  return undefined;
}

const hosts = (page: Page) => page.locator('parley-widget-host').count();

describe.each([
  ['React', 'react'],
  ['Vue', 'vue'],
])('the %s example', (_label, key) => {
  it('headless UI: sends a message, shows its delivery state and the operator reply', async () => {
    const { page, errors } = await openExample(key);
    await expect.poll(() => page.getByTestId('connection').textContent(), { timeout: 15_000 }).toBe('Online');

    const text = `Hello from the ${key} headless example ${Date.now()}`;
    await page.getByLabel('Message', { exact: true }).fill(text);
    await page.getByRole('button', { name: 'Send', exact: true }).click();
    const mine = page.getByTestId('messages').locator('li.mine', { hasText: text });
    await expect.poll(() => mine.getAttribute('data-state'), { timeout: 15_000 }).toBe('sent');
    expect(await mine.getByTestId('delivery').textContent()).toContain('Sent');

    let conversationId: string | undefined;
    await expect.poll(async () => (conversationId = await conversationWith(text)), { timeout: 10_000 }).toBeTruthy();
    const reply = `Operator reply for ${key} ${Date.now()}`;
    await operatorApi(demo.apiUrl, demo.operatorKey).reply(conversationId!, reply);
    await expect
      .poll(() => page.getByTestId('messages').locator('li.theirs', { hasText: reply }).count(), { timeout: 15_000 })
      .toBe(1);

    expect(errors).toEqual([]);
    await page.close();
  });

  it('widget: exactly one host element; the launcher opens the panel; the page button drives the handle', async () => {
    const { page, errors } = await openExample(key);
    const launcher = page.getByRole('button', { name: /open support chat/i });
    await launcher.waitFor({ timeout: 15_000 });
    expect(await hosts(page)).toBe(1);

    await launcher.click();
    await expect.poll(() => page.getByRole('dialog').isVisible()).toBe(true);
    await page.getByRole('button', { name: /close support chat/i }).first().click();
    await expect.poll(() => page.getByRole('dialog').isVisible()).toBe(false);

    await page.getByRole('button', { name: /chat with us/i }).click();
    await expect.poll(() => page.getByRole('dialog').isVisible()).toBe(true);
    expect(await hosts(page)).toBe(1);
    expect(errors).toEqual([]);
    await page.close();
  });
});

describe('the React example under StrictMode (development build: effects really run twice)', () => {
  it('leaves exactly one widget and one working headless client', async () => {
    const { page, errors, warnings } = await openExample('react-dev');
    await page.getByRole('button', { name: /open support chat/i }).waitFor({ timeout: 15_000 });
    // Let a stray second mount show up if the cleanup were wrong.
    await page.waitForTimeout(500);
    expect(await hosts(page)).toBe(1);
    // The second mount found no running widget: the first mount's cleanup destroyed it (without
    // the cleanup, `init` would return the first widget and say so).
    expect(warnings.filter((w) => w.includes('already running'))).toEqual([]);

    await expect.poll(() => page.getByTestId('connection').textContent(), { timeout: 15_000 }).toBe('Online');
    const text = `StrictMode hello ${Date.now()}`;
    await page.getByLabel('Message', { exact: true }).fill(text);
    await page.getByRole('button', { name: 'Send', exact: true }).click();
    await expect
      .poll(() => page.getByTestId('messages').locator('li.mine', { hasText: text }).getAttribute('data-state'), { timeout: 15_000 })
      .toBe('sent');
    // One message in the list: a client left over from the first mount would not add one, but a
    // doubled subscription or a second visible client would.
    expect(await page.getByTestId('messages').locator('li.mine').count()).toBe(1);
    expect(errors).toEqual([]);
    await page.close();
  });
});
