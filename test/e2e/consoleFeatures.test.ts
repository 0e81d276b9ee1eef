import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { en } from '../../src/core/i18n/locales/en.js';
import { ru } from '../../src/core/i18n/locales/ru.js';
import { type LaunchedBrowser, launchBrowser } from './support/launchBrowser.js';
import { openChat, sendFromWidget } from './support/openChat.js';
import { type Demo, startDemo } from './support/startDemo.js';

// The operator console (/console) is half of the demo's two-sided chat. This walks one
// conversation through what the operator sees and does there, and what the visitor then sees.

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

// The server knows a PDF by its `%PDF-` magic bytes.
const PDF = Buffer.from('%PDF-1.7\n1 0 obj <<>> endobj\ntrailer <<>>\n%%EOF\n');

function collectErrors(page: Page): string[] {
  const errors: string[] = [];
  page.on('pageerror', (error) => errors.push(error.message));
  return errors;
}

describe('the operator console in Chromium', () => {
  it('shows the visitor typing and their locale, replies with a file, and resolving asks the visitor for a rating', async () => {
    const visitor = await chromium.browser.newPage();
    const visitorErrors = collectErrors(visitor);
    await visitor.goto(`${demo.demoUrl}/deposit`);
    const composer = await openChat(visitor);
    await sendFromWidget(visitor, composer, 'I need my deposit receipt');
    // The visitor switches the chat to Russian with the host page's language button.
    await visitor.locator('#lang-ru').click();
    const ruComposer = visitor.getByRole('textbox', { name: ru['composer.label'] as string });
    await ruComposer.waitFor();

    const operator = await chromium.browser.newPage();
    const operatorErrors = collectErrors(operator);
    await operator.goto(demo.consoleUrl);
    await operator.getByTestId('console-conversation').first().click();
    await expect.poll(() => operator.getByTestId('console-message').filter({ hasText: 'I need my deposit receipt' }).count()).toBe(1);

    // The visitor's locale, as the widget reported it.
    await expect.poll(async () => (await operator.getByTestId('console-locale').textContent())?.trim()).toBe('ru');

    // The visitor types without sending: the operator sees it.
    const typing = operator.getByTestId('console-typing');
    expect(await typing.isVisible()).toBe(false);
    await ruComposer.pressSequentially('Это займёт', { delay: 30 });
    await expect.poll(() => typing.isVisible(), { timeout: 10000 }).toBe(true);
    expect(await typing.textContent()).toContain('typing');

    // A reply with a file, picked through the console's attach button.
    const [chooser] = await Promise.all([operator.waitForEvent('filechooser'), operator.getByRole('button', { name: 'Attach file' }).click()]);
    await chooser.setFiles({ name: 'deposit-receipt.pdf', mimeType: 'application/pdf', buffer: PDF });
    await operator.getByRole('button', { name: /deposit-receipt\.pdf/ }).waitFor();
    await expect.poll(() => operator.getByTestId('console-send').isEnabled()).toBe(true);
    await operator.getByTestId('console-reply').fill('Here is your receipt.');
    await operator.getByTestId('console-send').click();
    await expect.poll(() => operator.getByTestId('console-message').filter({ hasText: 'Here is your receipt.' }).count()).toBe(1);

    // The visitor sees the reply with the file attached to it.
    const reply = visitor.locator('.message', { hasText: 'Here is your receipt.' });
    await reply.waitFor({ timeout: 10000 });
    await expect.poll(() => reply.locator('.attachment-name').allTextContents()).toEqual(['deposit-receipt.pdf']);

    // Resolving the conversation asks the visitor for a rating, in their language.
    expect(await visitor.getByText(ru['rating.title'] as string).count()).toBe(0);
    await operator.getByTestId('console-resolve').click();
    await visitor.getByText(ru['rating.title'] as string).waitFor({ timeout: 10000 });
    expect(await visitor.getByText(en['rating.title'] as string).count()).toBe(0);
    await expect.poll(() => operator.getByTestId('console-reopen').count()).toBe(1);

    expect(visitorErrors).toEqual([]);
    expect(operatorErrors).toEqual([]);
    await visitor.close();
    await operator.close();
  });
});
