import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { signIdentity } from '../../../src/server/identity.js';
import { recordFigures } from '../../reliability/support/figures.js';
import { type LaunchedBrowser, launchBrowser } from '../support/launchBrowser.js';
import { hostPage, openConversation, type SecurityStack, startSecurityStack } from './support/startSecurityStack.js';

const SECRET = 'e2e-identity-secret-0123456789abcdef';
let stack: SecurityStack;
let chromium: LaunchedBrowser;

beforeAll(async () => {
  stack = await startSecurityStack({ pages: { '/account': hostPage() }, server: { identitySecret: SECRET } });
  chromium = await launchBrowser();
});
afterAll(async () => {
  await chromium?.close();
  await stack?.close();
});

describe('identity tokens stay out of URLs, logs and the DOM', () => {
  it('signs in a user and leaves no bearer token or signature anywhere a page script or log could read it', async () => {
    const expires = Math.floor(Date.now() / 1000) + 3600;
    const identity = { userId: 'u_e2e_7', expires, signature: signIdentity(SECRET, 'u_e2e_7', expires) };
    const page = await chromium.browser.newPage();
    const urls: string[] = [];
    const tokens = new Set<string>([identity.signature]);
    const logs: string[] = [];
    page.on('request', (request) => {
      urls.push(request.url());
      const auth = request.headers().authorization;
      if (auth) tokens.add(auth.replace(/^Bearer\s+/i, ''));
    });
    page.on('console', (message) => logs.push(message.text()));
    await page.goto(`${stack.hostUrl}/account`);
    await page.waitForFunction(() => typeof (window as unknown as { Parley?: unknown }).Parley === 'function');
    await page.evaluate((claim) => (window as unknown as { Parley: (...a: unknown[]) => unknown }).Parley('identify', claim), identity);
    await openConversation(page, 'signed-in question');
    const { conversations } = await stack.operator('/conversations');
    await expect.poll(async () => (await stack.operator('/conversations')).conversations.some((c: { visitor: { userId: string | null } }) => c.visitor.userId === 'u_e2e_7')).toBe(true);
    await stack.operator(`/conversations/${conversations[0].id}/messages`, { clientId: 'id_reply_1', text: 'Hello, signed-in user', authorName: 'Alex' });
    await expect.poll(() => page.getByText('Hello, signed-in user').count(), { timeout: 15000 }).toBe(1);
    expect(tokens.size).toBeGreaterThan(1);

    const dom = await page.evaluate(() => {
      const parts = [document.documentElement.outerHTML];
      const walk = (root: Document | ShadowRoot) => {
        for (const el of root.querySelectorAll('*')) {
          if (el.shadowRoot) {
            parts.push(el.shadowRoot.innerHTML);
            walk(el.shadowRoot);
          }
          for (const attr of el.getAttributeNames()) parts.push(el.getAttribute(attr) ?? '');
        }
      };
      walk(document);
      return parts.join('\n') + JSON.stringify(Object.keys(window).filter((k) => k.toLowerCase().includes('parley')));
    });
    const found = (text: string) => [...tokens].filter((token) => text.includes(token));
    expect(found(dom)).toEqual([]);
    expect(urls.flatMap((url) => found(decodeURIComponent(url)))).toEqual([]);
    expect(logs.flatMap(found)).toEqual([]);
    recordFigures('identity-dom', { tokensTracked: tokens.size, requestUrls: urls.length, consoleLines: logs.length, domBytes: dom.length, leaks: 0 });
    await page.close();
  });
});
