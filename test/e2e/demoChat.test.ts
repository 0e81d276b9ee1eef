import { afterAll, beforeAll, describe, expect, it } from 'vitest';
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

describe('the demo: a visitor and an operator talk', () => {
  it('sends from the script-tag widget, replies from the console, and the visitor sees the reply', async () => {
    const errors: string[] = [];
    const visitor = await chromium.browser.newPage();
    visitor.on('pageerror', (error) => errors.push(error.message));
    await visitor.goto(`${demo.demoUrl}/deposit`);

    await visitor.getByRole('button', { name: /open support chat/i }).click();
    await visitor.getByRole('button', { name: /start a conversation/i }).click();
    await visitor.getByRole('button', { name: /technical problem/i }).click();
    const composer = visitor.getByRole('textbox', { name: /message/i });
    await composer.fill('My USDT deposit has not arrived after 2 hours');
    await composer.press('Enter');
    await expect.poll(() => visitor.getByText('My USDT deposit has not arrived after 2 hours', { exact: true }).count()).toBe(1);

    const operator = await chromium.browser.newPage();
    await operator.goto(demo.consoleUrl);
    await operator.getByTestId('console-conversation').first().click();
    await expect.poll(() => operator.getByTestId('console-message').filter({ hasText: 'USDT deposit' }).count()).toBe(1);
    // The operator sees which page the visitor wrote from.
    await expect.poll(async () => (await operator.getByTestId('console-pages').textContent()) ?? '').toContain('/deposit');

    await operator.getByTestId('console-reply').fill('Hi! Please send me the transaction hash.');
    await operator.getByTestId('console-send').click();

    await expect.poll(() => visitor.getByText('Hi! Please send me the transaction hash.', { exact: true }).count(), { timeout: 10000 }).toBe(1);
    expect(errors).toEqual([]);
  });
});
