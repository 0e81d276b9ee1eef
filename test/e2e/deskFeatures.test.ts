import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { operatorApi } from '../support/operator.js';
import { type LaunchedBrowser, launchBrowser } from './support/launchBrowser.js';
import { openChat } from './support/openChat.js';
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

// The BIP-39 test vector: 12 valid words with a valid checksum.
const MNEMONIC = 'abandon abandon abandon abandon abandon abandon abandon abandon abandon abandon abandon about';

describe('desk features in Chromium', () => {
  it('blocks a seed phrase before it leaves the page', async () => {
    const page = await chromium.browser.newPage();
    const sent: string[] = [];
    page.on('request', (request) => {
      if (request.method() === 'POST' && /\/messages$/.test(request.url())) sent.push(request.postData() ?? '');
    });
    await page.goto(`${demo.demoUrl}/deposit`);
    const composer = await openChat(page);
    await composer.fill(`Is this right? ${MNEMONIC}`);
    await composer.press('Enter');
    const warning = page.getByRole('alertdialog');
    await warning.waitFor();
    expect(await warning.textContent()).toContain('Your message looks like it contains a seed phrase');
    expect(await page.getByRole('button', { name: 'Send anyway' }).count()).toBe(0);
    // "Edit message" has focus, so a second Enter cannot send by habit.
    await expect.poll(() => page.evaluate(() => document.querySelector('[data-parley-id]')!.shadowRoot!.activeElement?.textContent)).toBe('Edit message');
    await page.keyboard.press('Enter');
    expect(await composer.inputValue()).toBe(`Is this right? ${MNEMONIC}`);
    expect(sent.some((body) => body.includes('abandon'))).toBe(false);
    const { conversations } = await operatorApi(demo.apiUrl, demo.operatorKey).conversations();
    for (const { id } of conversations) {
      const detail = (await operatorApi(demo.apiUrl, demo.operatorKey).conversation(id)) as { messages: Array<{ text: string }> };
      expect(detail.messages.some((m) => m.text.includes('abandon'))).toBe(false);
    }
    await page.close();
  });

  it('keeps a dismissed desk notice dismissed after a reload', async () => {
    const page = await chromium.browser.newPage();
    await page.goto(`${demo.demoUrl}/deposit`);
    await page.getByRole('button', { name: /open support chat/i }).click();
    const notice = page.locator('.notice').filter({ hasText: 'We will never ask for your seed phrase' });
    await notice.waitFor();
    // IndexedDB works here, so there is no "history will not be kept" line.
    expect(await page.locator('.storage-notice').count()).toBe(0);
    await notice.getByRole('button', { name: 'Dismiss notice' }).click();
    await expect.poll(() => notice.count()).toBe(0);

    await page.waitForTimeout(300); // the dismissal is written to IndexedDB
    await page.reload();
    await page.getByRole('button', { name: /open support chat/i }).click();
    // The availability line comes with the config, which carries the notices.
    await page.locator('.start-meta').waitFor();
    expect(await page.locator('.notice').filter({ hasText: 'We will never ask for your seed phrase' }).count()).toBe(0);
    await page.close();
  });

  it('suggests the deposit article on /deposit and opens it inside the panel', async () => {
    const page = await chromium.browser.newPage();
    await page.goto(`${demo.demoUrl}/deposit`);
    await page.getByRole('button', { name: /open support chat/i }).click();
    const suggested = page.getByRole('list', { name: 'Suggested for this page' });
    await suggested.waitFor();
    const link = suggested.getByRole('button', { name: /My deposit has not arrived/ });
    await link.click();
    await page.getByRole('heading', { name: 'My deposit has not arrived', level: 2 }).waitFor();
    await page.getByRole('heading', { name: /Wait for the network confirmations/ }).waitFor();
    await page.getByRole('button', { name: 'Message support' }).click();
    // This desk routes by topic first; the article then rides along with the first message.
    await page.getByRole('button', { name: /technical problem/i }).click();
    await page.getByText('About: My deposit has not arrived').waitFor();
    await page.close();
  });
});

describe('help articles follow the page', () => {
  it('refreshes the suggestions when a single-page app navigates, without a reload', async () => {
    const page = await chromium.browser.newPage();
    await page.goto(`${demo.demoUrl}/deposit`);
    await page.getByRole('button', { name: /open support chat/i }).click();
    const suggested = page.getByRole('list', { name: 'Suggested for this page' });
    await suggested.getByRole('button', { name: /My deposit has not arrived/ }).waitFor();

    await page.evaluate(() => history.pushState({}, '', '/withdraw'));
    await suggested.getByRole('button', { name: /Withdrawal limits/ }).waitFor();
    expect(await suggested.getByRole('button', { name: /My deposit has not arrived/ }).count()).toBe(0);
    // Still the same document: the panel stayed open through the navigation.
    expect(await page.evaluate(() => performance.getEntriesByType('navigation').length)).toBe(1);
    await page.close();
  });
});
