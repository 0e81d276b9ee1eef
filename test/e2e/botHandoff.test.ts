import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { operatorApi } from '../support/operator.js';
import { type LaunchedBrowser, launchBrowser } from './support/launchBrowser.js';
import { openChat, sendFromWidget } from './support/openChat.js';
import { type Demo, startDemo } from './support/startDemo.js';

let demo: Demo;
let chromium: LaunchedBrowser;

beforeAll(async () => {
  demo = await startDemo({ bot: true });
  chromium = await launchBrowser();
});
afterAll(async () => {
  await chromium?.close();
  await demo?.close();
});

interface DeskDetail {
  conversation: { id: string; ref: string; handler: string; status: string };
  messages: Array<{ author: { role: string; name?: string | null }; text: string; system?: { kind: string } }>;
}

const QUESTION = 'What are the trading fees for market orders?';

describe('first-line bot hands over to a person, in Chromium', () => {
  it('streams an answer, hands over on "Talk to a person", shows the agent, and goes live to resolved', async () => {
    const page = await chromium.browser.newPage();
    const desk = operatorApi(demo.apiUrl, demo.operatorKey);
    await page.goto(`${demo.demoUrl}/fees`);
    const composer = await openChat(page);
    await sendFromWidget(page, composer, QUESTION);
    // Scoped to the message list: the screen-reader announcer repeats some of these lines.
    const log = page.getByRole('log', { name: 'Conversation' });

    // The answer grows in place while it streams, then settles into the whole text.
    const botBubble = page.locator('.message').filter({ hasText: 'This article may help' }).locator('.bubble');
    // Read in the same frame it is found: the whole reply takes well under a second.
    const streaming = await page.waitForFunction(
      () => document.querySelector('[data-parley-id]')?.shadowRoot?.querySelector('.bubble[data-streaming]')?.textContent || null,
      undefined,
      { polling: 'raf' },
    );
    const partial = String(await streaming.jsonValue());
    expect(partial).not.toContain('If not, a person from our team can take over.');
    await page.locator('.bubble', { hasText: 'If not, a person from our team can take over.' }).waitFor();
    await expect.poll(() => page.locator('.bubble[data-streaming]').count()).toBe(0);
    const answer = (await botBubble.textContent()) ?? '';
    expect(answer).toContain('Trading, deposit and withdrawal fees');
    expect(answer.length).toBeGreaterThan(partial.length);
    expect(await botBubble.getAttribute('aria-busy')).toBeNull();

    const talk = page.getByRole('button', { name: 'Talk to a person' });
    expect(await page.getByRole('button', { name: 'That solved it' }).count()).toBe(1);
    await talk.click();
    await log.getByText('Connecting you to a specialist…').waitFor();
    // The quick replies went away with the visitor's answer.
    await expect.poll(() => talk.count()).toBe(0);

    // The desk gets it first in the queue, with the bot exchange.
    const { conversations } = await desk.conversations();
    const id = conversations[0]!.id;
    const detail = (await desk.conversation(id)) as DeskDetail;
    expect(detail.conversation.handler).toBe('human');
    expect(detail.messages.map((m) => m.author.role)).toEqual(['visitor', 'bot', 'visitor', 'system']);
    expect(detail.messages[0]!.text).toBe(QUESTION);

    await desk.reply(id, 'Hi, Alex here. Market orders pay the taker fee.');
    await log.getByText('Alex joined the conversation').waitFor();
    await log.getByText('Hi, Alex here. Market orders pay the taker fee.').waitFor();
    // The header now names who answers.
    await expect.poll(() => page.locator('.header-subtitle').textContent()).toContain('Alex');
    // The bot stays out of it once a person has taken over.
    await sendFromWidget(page, composer, 'Thanks, and for limit orders?');
    await page.waitForTimeout(500);
    expect(((await desk.conversation(id)) as DeskDetail).messages.filter((m) => m.author.role === 'bot')).toHaveLength(1);

    // The visitor's list of requests follows the desk's status live.
    await page.getByRole('button', { name: 'More options' }).click();
    await page.getByRole('menuitem', { name: 'Your conversations' }).click();
    const request = page.locator('.conversation', { hasText: `Request ${detail.conversation.ref}` });
    const badge = request.locator('.status-badge');
    await expect.poll(() => badge.textContent()).toBe('Open');
    await desk.setStatus(id, 'pending');
    await expect.poll(() => badge.textContent()).toBe('Waiting for you');

    // Back in the chat, a resolution arrives live and asks for a rating.
    await request.click();
    await composer.waitFor();
    expect(await page.getByText('How did we do?').count()).toBe(0);
    await desk.setStatus(id, 'resolved');
    await page.getByText('How did we do?').waitFor();
    await page.close();
  });
});
