import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makePng } from '../../integration/server/fixtures.js';
import { recordFigures } from '../../reliability/support/figures.js';
import { type LaunchedBrowser, launchBrowser } from '../support/launchBrowser.js';
import { armPage, hostPage, type SecurityStack, startSecurityStack, trapCount, violations } from './support/startSecurityStack.js';

const NONCE = 'r4nd0mN0nceXYZ';
/** The policy docs/security.md recommends: no 'unsafe-inline', no 'unsafe-eval'. */
const strictPolicy = (api: string, style = "'self'") =>
  `default-src 'self'; script-src 'self'; style-src ${style}; connect-src 'self' ${api}; img-src 'self' blob: data:; object-src 'none'; base-uri 'none'; frame-ancestors 'none'`;

let strict: SecurityStack;
let nonced: SecurityStack;
let chromium: LaunchedBrowser;
const figures: Record<string, unknown> = {};

beforeAll(async () => {
  strict = await startSecurityStack({ pages: { '/csp': hostPage() }, headers: (api) => ({ 'Content-Security-Policy': strictPolicy(api) }) });
  nonced = await startSecurityStack({
    pages: { '/csp-nonce': hostPage({ nonce: NONCE }) },
    headers: (api) => ({ 'Content-Security-Policy': strictPolicy(api, `'nonce-${NONCE}'`) }),
  });
  chromium = await launchBrowser();
});
afterAll(async () => {
  recordFigures('strict-csp', figures);
  await chromium?.close();
  await strict?.close();
  await nonced?.close();
});

/** Open, start, send, attach, get a reply, switch language: everything a visitor does. */
async function useEveryFeature(page: Page, stack: SecurityStack) {
  await page.getByRole('button', { name: /open support chat/i }).click();
  await page.getByRole('button', { name: /start a conversation/i }).click();
  // A desk that routes by topic asks first (the topic picker loads lazily, under the same CSP).
  const composer = page.getByRole('textbox', { name: /message/i });
  const topic = page.getByRole('button', { name: /technical problem/i });
  await expect.poll(async () => (await composer.count()) + (await topic.count()), { timeout: 15000 }).toBeGreaterThan(0);
  if (await topic.count()) await topic.click();
  await composer.fill('Sent under a strict CSP');
  await composer.press('Enter');
  await expect.poll(() => page.getByText('Sent under a strict CSP').count(), { timeout: 15000 }).toBe(1);

  await page.locator('input[type="file"]').setInputFiles({ name: 'receipt.png', mimeType: 'image/png', buffer: Buffer.from(makePng(32, 24)) });
  await composer.fill('with a screenshot');
  await composer.press('Enter');
  await expect
    .poll(() => page.locator('img.attachment-image').evaluateAll((imgs) => imgs.filter((img) => (img as HTMLImageElement).naturalWidth > 0).length), { timeout: 15000 })
    .toBeGreaterThan(0);

  const { conversations } = await stack.operator('/conversations');
  await stack.operator(`/conversations/${conversations[0].id}/messages`, { clientId: 'csp_reply_1', text: 'Reply under CSP, see https://example.com', authorName: 'Alex' });
  await expect.poll(() => page.getByText(/Reply under CSP/).count(), { timeout: 15000 }).toBe(1);

  await page.getByRole('button', { name: /^Language/ }).click();
  await page.getByRole('menuitemradio', { name: 'Русский' }).click();
  await expect.poll(() => page.locator('.panel').getAttribute('lang')).toBe('ru');
  await expect.poll(() => page.getByRole('textbox').first().getAttribute('placeholder')).not.toBe('Write a message…');
}

describe('a host page under a strict Content-Security-Policy', () => {
  it("works fully with style-src 'self' (no 'unsafe-inline', no 'unsafe-eval') and causes zero violations", async () => {
    const page = await chromium.browser.newPage();
    const { errors } = await armPage(page);
    const response = await page.goto(`${strict.hostUrl}/csp`);
    expect(response?.headers()['content-security-policy']).toContain("style-src 'self'");
    await useEveryFeature(page, strict).catch(async (error) => {
      await page.screenshot({ path: 'test-results/reliability/csp-failure.png' });
      throw error;
    });
    const launcher = await page.locator('.launcher').evaluate((el) => getComputedStyle(el).position);
    expect(launcher).toBe('fixed');
    expect(await violations(page)).toEqual([]);
    expect(errors).toEqual([]);
    expect(await trapCount(page)).toBe(0);
    // Control: the listener does see a violation (an inline <style> the policy forbids).
    await page.evaluate(() => document.head.append(Object.assign(document.createElement('style'), { textContent: 'body{}' })));
    await expect.poll(async () => (await violations(page)).length).toBe(1);
    figures.strict = { policy: strictPolicy('<api>'), features: ['open', 'send', 'attach image', 'receive', 'switch language'], violations: 0 };
    await page.close();
  });

  it('applies its styles through the nonce option and causes zero violations', async () => {
    const page = await chromium.browser.newPage();
    const { errors } = await armPage(page);
    await page.goto(`${nonced.hostUrl}/csp-nonce`);
    await useEveryFeature(page, nonced);
    const styled = await page.evaluate((nonce) => {
      const root = document.querySelector('parley-widget-host')!.shadowRoot!;
      const launcher = root.querySelector('.launcher') as HTMLElement;
      const style = getComputedStyle(launcher);
      return {
        position: style.position,
        background: style.backgroundColor,
        radius: style.borderRadius,
        noncedStyles: [...root.querySelectorAll('style')].filter((s) => s.nonce === nonce).length,
        adopted: root.adoptedStyleSheets.length,
      };
    }, NONCE);
    expect(styled.position).toBe('fixed');
    expect(styled.background).not.toMatch(/rgba\(0, 0, 0, 0\)|transparent/);
    expect(styled.noncedStyles).toBeGreaterThan(0);
    expect(await violations(page)).toEqual([]);
    expect(errors).toEqual([]);
    expect(await trapCount(page)).toBe(0);
    // Control: under this policy too the listener sees a violation (an inline <style> without the nonce).
    await page.evaluate(() => document.head.append(Object.assign(document.createElement('style'), { textContent: 'body{}' })));
    await expect.poll(async () => (await violations(page)).length).toBe(1);
    figures.nonce = { policy: strictPolicy('<api>', "'nonce-…'"), noncedStyleElements: styled.noncedStyles, launcher: styled, violations: 0 };
    await page.close();
  });
});
