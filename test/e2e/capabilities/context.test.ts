import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { operatorApi } from '../../support/operator.js';
import { type LaunchedBrowser, launchBrowser } from '../support/launchBrowser.js';
import { openChat, sendFromWidget } from '../support/openChat.js';
import { type Demo, startDemo } from '../support/startDemo.js';

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

interface Detail {
  conversation: { visitor: { locale?: string | null } };
  messages: Array<{ text: string; author: { role: string }; context?: Record<string, unknown> & { custom?: Record<string, unknown> } }>;
  pages: Array<{ context: { url: string; title?: string } }>;
}

async function onlyConversation(): Promise<Detail> {
  const operator = operatorApi(demo.apiUrl, demo.operatorKey);
  const { conversations } = await operator.conversations();
  expect(conversations).toHaveLength(1);
  return (await operator.conversation(conversations[0]!.id)) as Detail;
}

describe('context-aware chat, end to end', () => {
  it('sends the page, the host context and nothing secret with each message, and follows SPA navigation', async () => {
    const page = await chromium.browser.newPage();
    await page.goto(`${demo.demoUrl}/orders/A-1042?token=s3cr3t-reset-token&lang=ru#access_token=abc.def.ghi`);
    const composer = await openChat(page);
    await sendFromWidget(page, composer, 'Why is order A-1042 only partially filled?');

    const detail = await onlyConversation();
    const message = detail.messages.find((m) => m.author.role === 'visitor')!;
    const context = message.context!;
    expect(context.url).toContain('/orders/A-1042');
    expect(context.url).toContain('lang=ru');
    expect(context.url).toContain('token=[redacted]');
    expect(JSON.stringify(context)).not.toContain('s3cr3t-reset-token');
    expect(JSON.stringify(context)).not.toContain('abc.def.ghi');
    expect(context.title).toBe('Northwind Exchange — Order A-1042');
    expect(context.custom).toMatchObject({ orderId: 'A-1042', accountTier: 'verified' });
    expect(typeof context.timeZone).toBe('string');
    expect(context.viewport).toEqual({ width: 1280, height: 800 });

    // A pushState navigation reaches the desk's page timeline without a message.
    await page.getByRole('link', { name: 'Withdraw' }).click();
    await expect
      .poll(async () => (await onlyConversation()).pages.map((p) => new URL(p.context.url).pathname), { timeout: 10000 })
      .toContain('/withdraw');
    await page.close();
  });
});
