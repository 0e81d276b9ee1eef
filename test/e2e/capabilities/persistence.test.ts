import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { operatorApi } from '../../support/operator.js';
import { type LaunchedBrowser, launchBrowser } from '../support/launchBrowser.js';
import { openChat, sendFromWidget } from '../support/openChat.js';
import { type Demo, startDemo } from '../support/startDemo.js';

let demo: Demo;
let chromium: LaunchedBrowser;

// A fresh backend and browser profile per test: each one starts as a first-time visitor.
beforeEach(async () => {
  demo = await startDemo();
  chromium = await launchBrowser();
});
afterEach(async () => {
  await chromium?.close();
  await demo?.close();
});

const operator = () => operatorApi(demo.apiUrl, demo.operatorKey);

async function onlyConversationId(): Promise<string> {
  const { conversations } = await operator().conversations();
  expect(conversations).toHaveLength(1);
  return conversations[0]!.id;
}

describe('transcript persistence, end to end', () => {
  it('keeps the conversation across a reload, shows it even when the backend is unreachable, and never duplicates', async () => {
    const page = await chromium.browser.newPage();
    await page.goto(`${demo.demoUrl}/deposit`);
    const composer = await openChat(page);
    await sendFromWidget(page, composer, 'My deposit is missing');
    await operator().reply(await onlyConversationId(), 'Which network did you use?');
    await page.getByText('Which network did you use?', { exact: true }).waitFor();

    // Reload with the backend cut off: the transcript comes from the browser's own storage.
    await page.route(`${demo.apiUrl}/**`, (route) => route.abort('connectionrefused'));
    await page.reload();
    await openChat(page);
    await expect.poll(() => page.getByText('My deposit is missing', { exact: true }).count()).toBe(1);
    await expect.poll(() => page.getByText('Which network did you use?', { exact: true }).count()).toBe(1);

    // A message typed while cut off waits, then goes out once the backend is reachable again.
    await composer.fill('TRC-20');
    await composer.press('Enter');
    await page.getByText('TRC-20', { exact: true }).waitFor();
    await page.unroute(`${demo.apiUrl}/**`);
    await expect
      .poll(async () => ((await operator().conversation(await onlyConversationId())) as { messages: Array<{ text: string }> }).messages.filter((m) => m.text === 'TRC-20').length, { timeout: 30000 })
      .toBe(1);

    await page.reload();
    await openChat(page);
    for (const text of ['My deposit is missing', 'Which network did you use?', 'TRC-20']) {
      await expect.poll(() => page.getByText(text, { exact: true }).count()).toBe(1);
    }
    await page.close();
  });

  it('shares one session between tabs: a message sent in one tab appears in the other', async () => {
    const first = await chromium.browser.newPage();
    const second = await chromium.browser.newPage();
    // Both tabs load at once, the race in which widgets usually start two sessions.
    await Promise.all([first.goto(`${demo.demoUrl}/`), second.goto(`${demo.demoUrl}/markets`)]);
    const composer = await openChat(first);
    await sendFromWidget(first, composer, 'Hello from the first tab');
    await openChat(second);
    await expect.poll(() => second.getByText('Hello from the first tab', { exact: true }).count(), { timeout: 10000 }).toBe(1);

    const secondComposer = second.getByRole('textbox', { name: /message/i });
    await sendFromWidget(second, secondComposer, 'And one from the second');
    await expect.poll(() => first.getByText('And one from the second', { exact: true }).count(), { timeout: 10000 }).toBe(1);
    await onlyConversationId();
    await first.close();
    await second.close();
  });

  it('switches language at runtime without losing the conversation or the draft, and tells the desk', async () => {
    const page = await chromium.browser.newPage();
    await page.goto(`${demo.demoUrl}/`);
    const composer = await openChat(page);
    await sendFromWidget(page, composer, 'Need help with 2FA');
    await composer.fill('half-typed question');

    await page.getByRole('button', { name: /language/i }).click();
    await page.getByRole('menuitemradio', { name: 'Русский' }).click();

    const russianComposer = page.getByRole('textbox', { name: 'Сообщение' });
    await expect.poll(() => russianComposer.inputValue()).toBe('half-typed question');
    await expect.poll(() => page.getByText('Need help with 2FA', { exact: true }).count()).toBe(1);
    await expect
      .poll(async () => ((await operator().conversation(await onlyConversationId())) as { conversation: { visitor: { locale?: string } } }).conversation.visitor.locale)
      .toBe('ru');
    await page.close();
  });
});
