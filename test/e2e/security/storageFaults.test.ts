import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { recordFigures } from '../../reliability/support/figures.js';
import { type LaunchedBrowser, launchBrowser } from '../support/launchBrowser.js';
import { hostPage, openConversation, type SecurityStack, startSecurityStack } from './support/startSecurityStack.js';

let stack: SecurityStack;
let chromium: LaunchedBrowser;
const results: Record<string, unknown> = {};

beforeAll(async () => {
  stack = await startSecurityStack({ pages: { '/storage': hostPage() } });
  chromium = await launchBrowser();
});
afterAll(async () => {
  recordFigures('storage-faults', results);
  await chromium?.close();
  await stack?.close();
});

// Init scripts run in the page before any of its own scripts, like a browser policy would.
const BLOCK_ALL = () => {
  const deny = () => {
    throw new DOMException('The operation is insecure.', 'SecurityError');
  };
  Object.defineProperty(window, 'localStorage', { get: deny, configurable: true });
  Object.defineProperty(window, 'sessionStorage', { get: deny, configurable: true });
  IDBFactory.prototype.open = deny as never;
};
const BLOCK_INDEXEDDB_ASYNC = () => {
  // Some browsers fail IndexedDB asynchronously: open() returns a request that errors.
  IDBFactory.prototype.open = function open() {
    const request = { error: new DOMException('denied', 'InvalidStateError') } as unknown as IDBOpenDBRequest & { onerror?: () => void };
    setTimeout(() => request.onerror?.(), 0);
    return request;
  } as never;
};
const QUOTA_AFTER_SMALL_WRITES = () => {
  // Writes pass until values grow (the transcript), then the quota is full.
  const full = () => new DOMException('The quota has been exceeded.', 'QuotaExceededError');
  const put = IDBObjectStore.prototype.put;
  IDBObjectStore.prototype.put = function (value: unknown, key?: IDBValidKey) {
    if (JSON.stringify(value ?? null).length > 600) throw full();
    return put.call(this, value, key);
  };
  const setItem = Storage.prototype.setItem;
  Storage.prototype.setItem = function (key: string, value: string) {
    if (value.length > 600) throw full();
    setItem.call(this, key, value);
  };
};

async function visit(setup: (() => void) | null, label: string): Promise<{ page: Page; errors: string[]; warnings: string[] }> {
  const page = await chromium.browser.newPage();
  const errors: string[] = [];
  const warnings: string[] = [];
  page.on('pageerror', (error) => errors.push(error.message));
  page.on('console', (message) => {
    if (message.type() === 'warning' || message.type() === 'error') warnings.push(message.text());
  });
  if (setup) await page.addInitScript(setup);
  await page.goto(`${stack.hostUrl}/storage?${label}`);
  return { page, errors, warnings };
}

/** The widget works: a message reaches the desk, the desk's reply reaches the visitor. */
async function expectWorkingChat(page: Page, label: string) {
  const text = `hello from ${label}`;
  await openConversation(page, text);
  await expect.poll(() => page.getByText(text).count(), { timeout: 15000 }).toBe(1);
  const { conversations } = await stack.operator('/conversations');
  const conversation = conversations.find((c: { lastMessagePreview: string }) => c.lastMessagePreview === text);
  expect(conversation, `the desk got "${text}"`).toBeDefined();
  await stack.operator(`/conversations/${conversation.id}/messages`, { clientId: `reply_${label}`, text: `reply for ${label}`, authorName: 'Alex' });
  await expect.poll(() => page.getByText(`reply for ${label}`).count(), { timeout: 15000 }).toBe(1);
}

const notice = (page: Page) => page.locator('.storage-notice').count();

describe('storage faults leave a working widget', () => {
  it('works with every storage blocked (SecurityError), and says history will not be kept', async () => {
    const { page, errors } = await visit(BLOCK_ALL, 'blocked');
    await expectWorkingChat(page, 'blocked');
    expect(await notice(page)).toBe(1);
    expect(await page.locator('.storage-notice').textContent()).toMatch(/will not be kept/i);
    expect(errors).toEqual([]);
    results.blocked = { works: true, notice: true };
    await page.close();
  });

  it('works when IndexedDB fails asynchronously, falling back to localStorage (no notice: it is durable)', async () => {
    const { page, errors } = await visit(BLOCK_INDEXEDDB_ASYNC, 'idb-async');
    await expectWorkingChat(page, 'idb-async');
    await expect.poll(() => page.evaluate(() => Object.keys(localStorage).filter((k) => k.startsWith('parley:')).length)).toBeGreaterThan(0);
    expect(await notice(page)).toBe(0);
    expect(errors).toEqual([]);
    results.indexedDbFailsAsync = { works: true, fellBackTo: 'localStorage' };
    await page.close();
  });

  it('works when the quota fills up mid-conversation (QuotaExceededError on put and setItem), and says history may not be kept', async () => {
    const { page, errors, warnings } = await visit(QUOTA_AFTER_SMALL_WRITES, 'quota');
    await expectWorkingChat(page, 'quota');
    await page.evaluate(() => (window as unknown as { Parley: (...a: unknown[]) => void }).Parley('sendMessage', 'x'.repeat(800)));
    await expect.poll(() => warnings.some((w) => /could not save/i.test(w)), { timeout: 10000 }).toBe(true);
    await expect.poll(() => page.getByText('x'.repeat(800)).count()).toBe(1);
    // Evicting older messages cannot make an 800-character message fit: the widget says so, and
    // keeps working from memory.
    await expect.poll(() => notice(page), { timeout: 10000 }).toBe(1);
    expect(await page.locator('.storage-notice').textContent()).toMatch(/out of storage space.*may not be kept/i);
    expect(await page.locator('.storage-notice').isVisible()).toBe(true);
    // Delivered all the same: the server confirmed it.
    await expect.poll(() => page.locator('.message[data-state="sent"]', { hasText: 'x'.repeat(800) }).count(), { timeout: 10000 }).toBe(1);
    expect(errors).toEqual([]);
    results.quotaExceeded = { works: true, warned: warnings.filter((w) => /could not save/i.test(w)).length, uiNotice: (await notice(page)) > 0 };
    await page.close();
  });

  it('works after the saved state was corrupted (IndexedDB values of the wrong shape)', async () => {
    const first = await visit(null, 'corrupt-idb');
    await expectWorkingChat(first.page, 'corrupt-idb');
    await first.page.waitForTimeout(800); // let the debounced transcript write land
    const corrupted = await first.page.evaluate(async () => {
      const db = await new Promise<IDBDatabase>((resolve, reject) => {
        const request = indexedDB.open('parley');
        request.onsuccess = () => resolve(request.result);
        request.onerror = () => reject(request.error);
      });
      const tx = db.transaction('state', 'readwrite');
      const store = tx.objectStore('state');
      const keys = await new Promise<IDBValidKey[]>((resolve) => {
        const request = store.getAllKeys();
        request.onsuccess = () => resolve(request.result);
      });
      const garbage: unknown[] = ['{"v":1,"entries":[', 42, null, [], { v: 999 }, { v: 1, messages: 'nope' }, { v: 1, token: { $gt: '' } }];
      keys.forEach((key, i) => store.put(garbage[i % garbage.length], key));
      await new Promise((resolve) => (tx.oncomplete = resolve));
      return keys.length;
    });
    expect(corrupted).toBeGreaterThan(2);
    await first.page.reload();
    await expectWorkingChat(first.page, 'corrupt-idb-after');
    expect(first.errors).toEqual([]);
    results.corruptIndexedDb = { works: true, keysCorrupted: corrupted };
    await first.page.close();
  });

  it('works after localStorage holds invalid JSON for every key', async () => {
    const { page, errors, warnings } = await visit(() => {
      IDBFactory.prototype.open = (() => {
        throw new DOMException('denied', 'SecurityError');
      }) as never;
      const prefix = `parley:${location.host}:sec:`;
      for (const key of ['session', 'conversation', 'transcript', 'outbox', 'cursor', 'draft', 'locale', 'notices']) {
        localStorage.setItem(prefix + key, '{"v":1,"broken":');
      }
    }, 'corrupt-local');
    await expectWorkingChat(page, 'corrupt-local');
    expect(warnings.some((w) => /discarded/i.test(w))).toBe(true);
    // Corrupt values are dropped; the storage itself still works and keeps the new conversation.
    expect(await notice(page)).toBe(0);
    await expect.poll(() => page.evaluate(() => { try { return JSON.parse(localStorage.getItem(`parley:${location.host}:sec:session`) ?? 'null') !== null; } catch { return false; } })).toBe(true);
    expect(errors).toEqual([]);
    results.corruptLocalStorage = { works: true, keysCorrupted: 8, warned: warnings.filter((w) => /discarded/i.test(w)).length };
    await page.close();
  });
});
