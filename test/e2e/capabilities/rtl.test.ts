import type { Page } from 'playwright-core';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { type LaunchedBrowser, launchBrowser } from '../support/launchBrowser.js';
import { openChat, sendFromWidget } from '../support/openChat.js';
import { type Demo, startDemo } from '../support/startDemo.js';

let demo: Demo;
let chromium: LaunchedBrowser;

beforeEach(async () => {
  demo = await startDemo();
  chromium = await launchBrowser();
});
afterEach(async () => {
  await chromium?.close();
  await demo?.close();
});

interface Box {
  x: number;
  width: number;
}

/** Where the visitor's bubble sits in the message list: its gaps to the list's left and right edges. */
async function visitorBubbleGaps(page: Page, text: string): Promise<{ left: number; right: number }> {
  const list = page.locator('#parley-panel .messages');
  const bubble = page.locator('#parley-panel .group[data-role="visitor"] .bubble').filter({ hasText: text }).first();
  await bubble.waitFor();
  const [l, b] = (await Promise.all([list.boundingBox(), bubble.boundingBox()])) as [Box, Box];
  return { left: b.x - l.x, right: l.x + l.width - (b.x + b.width) };
}

describe('right-to-left languages, end to end', () => {
  it('switching to Arabic in the language menu turns the panel rtl, mirrors the layout and translates the launcher', async () => {
    const page = await chromium.browser.newPage();
    await page.goto(`${demo.demoUrl}/`);
    const composer = await openChat(page);
    const text = 'Where is my withdrawal?';
    await sendFromWidget(page, composer, text);

    const panel = page.locator('#parley-panel');
    expect(await panel.getAttribute('dir')).toBe('ltr');
    const english = await visitorBubbleGaps(page, text);
    // English: the visitor's own messages sit on the right.
    expect(english.right).toBeLessThan(english.left);

    await page.getByRole('button', { name: /language/i }).click();
    await page.getByRole('menuitemradio', { name: 'العربية' }).click();

    await expect.poll(() => panel.getAttribute('dir')).toBe('rtl');
    expect(await panel.getAttribute('lang')).toBe('ar');
    await page.getByRole('textbox', { name: 'الرسالة' }).waitFor();

    // Arabic: the same bubble moves to the left side, by the margin it had on the right.
    await expect.poll(async () => { const gaps = await visitorBubbleGaps(page, text); return gaps.left < gaps.right; }).toBe(true);
    const arabic = await visitorBubbleGaps(page, text);
    expect(Math.abs(arabic.left - english.right)).toBeLessThanOrEqual(2);
    expect(await page.getByText(text, { exact: true }).count()).toBe(1);

    // The launcher, outside the panel, speaks Arabic too: "close" while open, "open" once closed.
    const launcher = page.locator('button.launcher');
    await expect.poll(() => launcher.textContent()).toContain('إغلاق محادثة الدعم');
    await page.getByRole('button', { name: 'إغلاق محادثة الدعم' }).click();
    await page.getByRole('button', { name: 'فتح محادثة الدعم' }).waitFor();
    expect(await panel.isHidden()).toBe(true);
    await page.close();
  });
});
