// Screenshots of the demo (examples/script-tag, embedded by the script-tag loader, with the
// first-line bot on as `npm start` has it) on a desktop and a phone: closed, home, a conversation
// with the visitor, the bot, a system line and an agent, the dark theme, and Russian.
// They are kept as test artifacts under test-results/screenshots/, and written to
// docs/screenshots/ for the README when UPDATE_SCREENSHOTS=1 or when a file is missing there.
import { existsSync } from 'node:fs';
import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type LaunchedBrowser, launchBrowser } from '../support/launchBrowser.js';
import { type UiServer, inWidget, settle, startUiServer } from './support/uiHarness.js';

const ARTIFACTS = fileURLToPath(new URL('../../../test-results/screenshots/', import.meta.url));
const DOCS = fileURLToPath(new URL('../../../docs/screenshots/', import.meta.url));
const UPDATE = process.env.UPDATE_SCREENSHOTS === '1';

const VIEWPORTS = {
  desktop: { width: 1280, height: 800 },
  phone: { width: 375, height: 667 },
} as const;

type ParleyPage = Window & { Parley: (...args: unknown[]) => unknown };

let server: UiServer;
const answered = new Set<string>();

beforeAll(async () => {
  server = await startUiServer({ server: { bot: true } });
  await mkdir(ARTIFACTS, { recursive: true });
  await mkdir(DOCS, { recursive: true });
});
afterAll(async () => {
  await server?.close();
});

async function shoot(page: Page, name: string): Promise<void> {
  await settle(page);
  // No hover effects and no blinking caret in a picture.
  await page.mouse.move(1, 1);
  const png = await page.screenshot({ animations: 'disabled', caret: 'hide' });
  await writeFile(join(ARTIFACTS, `${name}.png`), png);
  const docs = join(DOCS, `${name}.png`);
  if (UPDATE || !existsSync(docs)) await writeFile(docs, png);
}

for (const [device, viewport] of Object.entries(VIEWPORTS)) {
  describe(`screenshots, ${device} ${viewport.width}×${viewport.height}`, () => {
    let chromium: LaunchedBrowser;
    let page: Page;
    beforeAll(async () => {
      chromium = await launchBrowser({ viewport });
      page = await chromium.browser.newPage();
    });
    afterAll(async () => {
      await chromium?.close();
    });

    it('closed: the demo page with the launcher', async () => {
      await page.goto(`${server.hostUrl}/deposit`);
      // The loader draws a stub launcher first; the widget's own one replaces it once loaded.
      await inWidget(page, '.launcher').waitFor();
      await page.waitForFunction(() => (window as unknown as ParleyPage).Parley !== undefined);
      await shoot(page, `${device}-closed`);
    });

    it('home: the panel open', async () => {
      await inWidget(page, '.launcher').click();
      await inWidget(page, '.home').waitFor();
      await inWidget(page, '.header-subtitle').waitFor();
      await shoot(page, `${device}-home`);
    });

    it('chat: the visitor, the bot, a system line and an agent', async () => {
      await inWidget(page, '.start-card .button').click();
      await inWidget(page, '.topic').first().waitFor();
      await inWidget(page, '.topic').nth(1).click();
      const composer = inWidget(page, '.composer textarea');
      await composer.fill('My USDT deposit has not arrived after 2 hours');
      await composer.press('Enter');
      // The bot answers from the knowledge base, streaming; wait until it is complete.
      await inWidget(page, '.group[data-role="bot"] .bubble').first().waitFor({ timeout: 20000 });
      await page.waitForFunction(
        () => !document.querySelector('parley-widget-host')?.shadowRoot?.querySelector('.bubble[data-streaming]'),
        undefined,
        { timeout: 20000 },
      );
      // This device's conversation: the one not answered by an earlier device's test.
      const { conversations } = await server.operator.conversations();
      const id = conversations.find((c) => !answered.has(c.id))!.id;
      answered.add(id);
      await server.operator.reply(id, 'Hi, Alex here. I can see the deposit: it is waiting for 20 network confirmations, about 10 more minutes.');
      await inWidget(page, '.group[data-role="agent"] .bubble').waitFor();
      await inWidget(page, '.system').first().waitFor();
      await composer.fill('Thank you!');
      await composer.press('Enter');
      await expect.poll(() => inWidget(page, '.group[data-role="visitor"] .bubble').filter({ hasText: 'Thank you!' }).count()).toBe(1);
      await inWidget(page, '.message[data-state="pending"]').waitFor({ state: 'detached' });
      await shoot(page, `${device}-chat`);
    });

    it('dark theme', async () => {
      await page.evaluate(() => (window as unknown as ParleyPage).Parley('setTheme', { mode: 'dark' }));
      await expect.poll(() => inWidget(page, '.panel').evaluate((el) => getComputedStyle(el).backgroundColor)).toBe('rgb(21, 23, 28)');
      await shoot(page, `${device}-dark`);
      await page.evaluate(() => (window as unknown as ParleyPage).Parley('setTheme', {}));
    });

    it('Russian', async () => {
      await page.evaluate(() => (window as unknown as ParleyPage).Parley('setLocale', 'ru'));
      await expect.poll(() => inWidget(page, '.panel').getAttribute('lang')).toBe('ru');
      await inWidget(page, '.header .icon-button').first().click(); // back to the home screen
      await inWidget(page, '.home').waitFor();
      await expect.poll(() => inWidget(page, '.hero h2').textContent()).toContain('Здравствуйте');
      await shoot(page, `${device}-ru`);
    });
  });
}
