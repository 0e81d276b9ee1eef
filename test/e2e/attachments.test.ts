import { readFile } from 'node:fs/promises';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
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

// A real 1×1 PNG: the server sniffs magic bytes and reads the size, so it must be one.
const PNG = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==', 'base64');
// The server knows a PDF by its `%PDF-` magic bytes.
const PDF = Buffer.from('%PDF-1.7\n1 0 obj <<>> endobj\ntrailer <<>>\n%%EOF\n');

async function visitor(): Promise<{ page: Page; errors: string[] }> {
  const page = await chromium.browser.newPage();
  const errors: string[] = [];
  page.on('pageerror', (error) => errors.push(error.message));
  await page.goto(`${demo.demoUrl}/deposit`);
  await openChat(page);
  return { page, errors };
}

/** Dispatches, inside the page, what the browser fires for a PNG dragged from the desktop. */
async function dropPng(page: Page, name: string) {
  await page.evaluate(
    ({ bytes, name }) => {
      const panel = document.querySelector('[data-parley-id]')!.shadowRoot!.querySelector('.panel')!;
      const transfer = new DataTransfer();
      transfer.items.add(new File([new Uint8Array(bytes)], name, { type: 'image/png' }));
      for (const type of ['dragenter', 'dragover', 'drop']) {
        panel.dispatchEvent(new DragEvent(type, { bubbles: true, cancelable: true, composed: true, dataTransfer: transfer }));
      }
    },
    { bytes: [...PNG], name },
  );
}

async function pastePng(page: Page, name: string) {
  await page.evaluate(
    ({ bytes, name }) => {
      const textarea = document.querySelector('[data-parley-id]')!.shadowRoot!.querySelector('.composer textarea')!;
      const transfer = new DataTransfer();
      transfer.items.add(new File([new Uint8Array(bytes)], name, { type: 'image/png' }));
      textarea.dispatchEvent(new ClipboardEvent('paste', { bubbles: true, cancelable: true, composed: true, clipboardData: transfer }));
    },
    { bytes: [...PNG], name },
  );
}

const operator = () => operatorApi(demo.apiUrl, demo.operatorKey);
type Detail = { messages: Array<{ text: string; attachments: Array<{ name: string; kind: string }> }> };

describe('attachments in Chromium', () => {
  it('uploads a PNG from the file picker: the visitor sees a thumbnail, the console shows it', async () => {
    const { page, errors } = await visitor();
    await page.locator('input[type="file"]').setInputFiles({ name: 'receipt.png', mimeType: 'image/png', buffer: PNG });
    await page.getByText('receipt.png is ready to send').waitFor({ state: 'attached' });
    // A preview before sending.
    await expect.poll(() => page.locator('.chip img.chip-thumb').getAttribute('src')).toMatch(/^blob:/);
    const composer = page.getByRole('textbox', { name: /message/i });
    await composer.fill('Here is the receipt');
    await composer.press('Enter');

    const thumbnail = page.locator('.group[data-role="visitor"] img.attachment-image');
    await thumbnail.waitFor();
    await expect.poll(() => thumbnail.evaluate((img: HTMLImageElement) => img.complete && img.naturalWidth)).toBe(1);
    expect(await thumbnail.getAttribute('alt')).toBe('Image: receipt.png');

    const { conversations } = await operator().conversations();
    const detail = (await operator().conversation(conversations[0]!.id)) as Detail;
    expect(detail.messages.find((m) => m.text === 'Here is the receipt')?.attachments).toEqual([
      expect.objectContaining({ name: 'receipt.png', kind: 'image' }),
    ]);
    const console = await chromium.browser.newPage();
    await console.goto(demo.consoleUrl);
    await console.getByTestId('console-conversation').first().click();
    const shown = console.getByTestId('console-message').filter({ hasText: 'Here is the receipt' }).locator('img[alt="receipt.png"]');
    await expect.poll(() => shown.evaluate((img: HTMLImageElement) => img.complete && img.naturalWidth), { timeout: 10000 }).toBe(1);
    await console.close();
    expect(errors).toEqual([]);
    await page.close();
  });

  it('attaches a PNG dropped on the panel, with a drop zone while dragging', async () => {
    const { page } = await visitor();
    await page.evaluate(() => {
      const transfer = new DataTransfer();
      transfer.items.add(new File(['x'], 'x.png', { type: 'image/png' }));
      document.querySelector('[data-parley-id]')!.shadowRoot!.querySelector('.panel')!.dispatchEvent(new DragEvent('dragenter', { bubbles: true, composed: true, cancelable: true, dataTransfer: transfer }));
    });
    await page.locator('.drop-zone').waitFor();
    expect(await page.locator('.drop-zone').textContent()).toBe('Drop files here to attach them');
    await dropPng(page, 'dropped.png');
    await page.getByText('dropped.png is ready to send').waitFor({ state: 'attached' });
    expect(await page.locator('.drop-zone').count()).toBe(0);
    await page.close();
  });

  it('attaches a pasted screenshot', async () => {
    const { page } = await visitor();
    await pastePng(page, 'image.png');
    await page.getByText('image.png is ready to send').waitFor({ state: 'attached' });
    await page.getByRole('button', { name: 'Send message' }).click();
    await page.getByAltText('Image: image.png').waitFor();
    await page.close();
  });

  it('refuses a file type the desk does not accept, saying why on its chip', async () => {
    const { page } = await visitor();
    await page.locator('input[type="file"]').setInputFiles({ name: 'report.exe', mimeType: 'application/x-msdownload', buffer: Buffer.from('MZ') });
    const error = page.locator('.chip [role="alert"]');
    await error.waitFor();
    expect(await error.textContent()).toBe('report.exe: this file type is not accepted');
    // The text still goes.
    const composer = page.getByRole('textbox', { name: /message/i });
    await composer.fill('The report would not attach');
    await composer.press('Enter');
    await page.getByText('The report would not attach', { exact: true }).waitFor();
    expect(await page.locator('.chip').count()).toBe(1);
    await page.close();
  });

  it('saves a PDF through a download button (fetched with the token), never a link to "#"', async () => {
    const { page, errors } = await visitor();
    await page.locator('input[type="file"]').setInputFiles({ name: 'statement.pdf', mimeType: 'application/pdf', buffer: PDF });
    await page.getByText('statement.pdf is ready to send').waitFor({ state: 'attached' });
    const composer = page.getByRole('textbox', { name: /message/i });
    await composer.fill('My statement as a PDF');
    await composer.press('Enter');

    const button = page.locator('.group[data-role="visitor"]').getByRole('button', { name: /^Download statement\.pdf/ });
    await button.waitFor();
    expect(await button.locator('.attachment-name').textContent()).toBe('statement.pdf');
    expect(await page.locator('a[href="#"]').count()).toBe(0);
    const [download] = await Promise.all([page.waitForEvent('download'), button.click()]);
    expect(download.suggestedFilename()).toBe('statement.pdf');
    expect(await readFile(await download.path())).toEqual(PDF);
    expect(errors).toEqual([]);
    await page.close();
  });

  it('keeps a pending upload and the draft through a language switch, then sends both', async () => {
    const { page, errors } = await visitor();
    // Hold the upload in flight until the language has changed.
    let release!: () => void;
    const held = new Promise<void>((resolve) => (release = resolve));
    await page.route('**/v1/uploads', async (route) => {
      await held;
      await route.continue();
    });
    await page.locator('input[type="file"]').setInputFiles({ name: 'statement.png', mimeType: 'image/png', buffer: PNG });
    await page.getByRole('button', { name: 'Cancel upload of statement.png' }).waitFor();
    await page.getByRole('textbox', { name: /message/i }).fill('My statement');

    await page.getByRole('button', { name: /language/i }).click();
    await page.getByRole('menuitemradio', { name: 'Русский' }).click();
    // The same upload, still in flight, now in Russian; the draft is untouched.
    await page.getByRole('button', { name: 'Отменить загрузку statement.png' }).waitFor();
    const composer = page.getByRole('textbox', { name: 'Сообщение' });
    expect(await composer.inputValue()).toBe('My statement');

    release();
    await page.getByText('statement.png готов к отправке').waitFor({ state: 'attached' });
    await composer.press('Enter');
    await expect
      .poll(async () => {
        const { conversations } = await operator().conversations();
        for (const { id } of conversations) {
          const detail = (await operator().conversation(id)) as Detail;
          const sent = detail.messages.find((m) => m.text === 'My statement');
          if (sent) return sent.attachments.map((a) => a.name);
        }
        return undefined;
      })
      .toEqual(['statement.png']);
    expect(errors).toEqual([]);
    await page.close();
  });
});
