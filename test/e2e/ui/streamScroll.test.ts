// The message list while the first-line bot streams an answer, in real Chromium on a 375×667
// phone screen with a conversation longer than the screen: a visitor at the bottom is carried
// along to the end of the growing answer; a visitor who scrolled up to reread older messages is
// left where they are (the message they read does not move) and gets the "jump to latest" button.
import type { Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { type LaunchedBrowser, launchBrowser } from '../support/launchBrowser.js';
import { type UiServer, type WidgetWindow, goToChat, hostPage, inWidget, openPanel, sendFromComposer, settle, startUiServer, widgetReady } from './support/uiHarness.js';

const PHONE = { width: 375, height: 667 };

let server: UiServer;
let chromium: LaunchedBrowser;
const pages: Page[] = [];

beforeAll(async () => {
  // The bot answers every question from the knowledge base and never hands over by itself.
  server = await startUiServer({ pages: { '/': hostPage() }, server: { bot: { handoffAfter: 0 } } });
  chromium = await launchBrowser({ viewport: PHONE });
});
// Each open page holds an event stream; Chromium allows six connections per origin.
afterEach(async () => {
  await Promise.all(pages.splice(0).map((page) => page.close()));
});
afterAll(async () => {
  await chromium?.close();
  await server?.close();
});

/** Questions with an article each, so every answer is several lines long. */
const HISTORY = [
  'My deposit has not arrived yet, what should I do?',
  'How do I reset 2FA after losing my authenticator?',
  'Which documents do I need for identity verification?',
];
const QUESTION = 'What are the trading fees for market orders?';

/**
 * Installed before the widget loads: the event stream's bytes pass through a gate that the test
 * can hold, as a slow network would. Holding it delays the bot's answer without changing it, so
 * the visitor can scroll up first, every time.
 */
function installEventGate(): void {
  type Gate = { held: boolean; waiters: Array<() => void> };
  const gate: Gate = { held: false, waiters: [] };
  (window as unknown as { __eventGate: Gate }).__eventGate = gate;
  const realFetch = window.fetch.bind(window);
  window.fetch = async (input, init) => {
    const response = await realFetch(input, init);
    const url = typeof input === 'string' ? input : input instanceof URL ? input.href : input.url;
    if (!/\/events(\?|$)/.test(url) || !response.body) return response;
    const reader = response.body.getReader();
    const body = new ReadableStream<Uint8Array>({
      async pull(controller) {
        const { value, done } = await reader.read();
        while (gate.held) await new Promise<void>((resolve) => gate.waiters.push(resolve));
        if (done) controller.close();
        else controller.enqueue(value);
      },
      cancel: (reason) => reader.cancel(reason),
    });
    return new Response(body, { status: response.status, statusText: response.statusText, headers: response.headers });
  };
}

const holdEvents = (page: Page) => page.evaluate(() => ((window as unknown as { __eventGate: { held: boolean } }).__eventGate.held = true));
const releaseEvents = (page: Page) =>
  page.evaluate(() => {
    const gate = (window as unknown as { __eventGate: { held: boolean; waiters: Array<() => void> } }).__eventGate;
    gate.held = false;
    for (const resolve of gate.waiters.splice(0)) resolve();
  });

const botReplies = (page: Page) =>
  page.evaluate(() => (window as unknown as WidgetWindow).__widget.client.$messages.get().filter((m) => m.author.role === 'bot').length);

/** Sends a question and waits until the bot's answer has streamed to its end. */
async function ask(page: Page, question: string): Promise<void> {
  const before = await botReplies(page);
  await sendFromComposer(page, question);
  await expect.poll(() => botReplies(page), { timeout: 15000 }).toBe(before + 1);
  await expect.poll(() => inWidget(page, '.bubble[data-streaming]').count(), { timeout: 15000 }).toBe(0);
  await settle(page);
}

/** The chat screen with a few answered questions: longer than the screen. */
async function longChat(): Promise<Page> {
  const page = await chromium.browser.newPage();
  pages.push(page);
  await page.addInitScript(installEventGate);
  await page.goto(`${server.hostUrl}/`);
  await widgetReady(page);
  await openPanel(page);
  await goToChat(page);
  for (const question of HISTORY) await ask(page, question);
  const log = await logMetrics(page);
  expect(log.scrollHeight, 'the conversation is longer than the screen').toBeGreaterThan(log.clientHeight * 2);
  return page;
}

const logMetrics = (page: Page) =>
  inWidget(page, '.scroll[role="log"]').evaluate((el) => ({ scrollTop: el.scrollTop, scrollHeight: el.scrollHeight, clientHeight: el.clientHeight }));

interface Sample {
  streaming: boolean;
  /** How far the list is from its bottom: scrollHeight − scrollTop − clientHeight. */
  gap: number;
  scrollTop: number;
  /** Height of the bot's newest bubble, and its bottom relative to the list's visible bottom. */
  bubbleHeight: number;
  bubbleBelow: number;
  /** Where the watched message's top is, relative to the list's top; null if none is watched. */
  watchedTop: number | null;
}

/**
 * Records the list every frame (from the page, so no frame is missed) until `stopRecording`.
 * `watch` is the text of a message whose on-screen position is followed.
 */
async function startRecording(page: Page, watch: string | null = null): Promise<void> {
  await page.evaluate((watch) => {
    const root = document.querySelector('parley-widget-host')!.shadowRoot!;
    const log = root.querySelector<HTMLElement>('.scroll[role="log"]')!;
    const samples: unknown[] = [];
    const state = { samples, running: true };
    (window as unknown as { __recording: typeof state }).__recording = state;
    const frame = () => {
      if (!state.running) return;
      const box = log.getBoundingClientRect();
      const bubbles = root.querySelectorAll<HTMLElement>('.group[data-role="bot"] .bubble');
      const newest = bubbles[bubbles.length - 1];
      const watched = watch ? [...root.querySelectorAll<HTMLElement>('.bubble')].find((b) => b.textContent?.trim() === watch) : undefined;
      samples.push({
        streaming: root.querySelector('.bubble[data-streaming]') !== null,
        gap: log.scrollHeight - log.scrollTop - log.clientHeight,
        scrollTop: log.scrollTop,
        bubbleHeight: newest?.getBoundingClientRect().height ?? 0,
        bubbleBelow: (newest?.getBoundingClientRect().bottom ?? 0) - box.bottom,
        watchedTop: watched ? watched.getBoundingClientRect().top - box.top : null,
      });
      requestAnimationFrame(frame);
    };
    requestAnimationFrame(frame);
  }, watch);
}

const stopRecording = (page: Page): Promise<Sample[]> =>
  page.evaluate(() => {
    const state = (window as unknown as { __recording: { samples: Sample[]; running: boolean } }).__recording;
    state.running = false;
    return state.samples;
  });

describe('the message list while a streamed bot answer grows, on a 375×667 screen', () => {
  it('follows the answer to its end when the visitor is at the bottom', async () => {
    const page = await longChat();
    const start = await logMetrics(page);
    expect(start.scrollHeight - start.scrollTop - start.clientHeight, 'at the bottom before asking').toBeLessThanOrEqual(2);

    await startRecording(page);
    await ask(page, QUESTION);
    const samples = await stopRecording(page);

    const streaming = samples.filter((s) => s.streaming);
    // The answer was seen growing over several frames, not arriving whole.
    expect(streaming.length, 'frames while streaming').toBeGreaterThan(3);
    const grew = Math.max(...streaming.map((s) => s.bubbleHeight)) - Math.min(...streaming.map((s) => s.bubbleHeight));
    expect(grew, 'the streaming bubble grew').toBeGreaterThan(40);
    // The list moved down with it, and the bubble's growing end stayed on screen in every frame.
    expect(streaming.at(-1)!.scrollTop - streaming[0]!.scrollTop).toBeGreaterThan(grew - 4);
    expect(Math.max(...streaming.map((s) => s.bubbleBelow)), 'the end of the answer below the list’s bottom').toBeLessThanOrEqual(2);

    // At the end (with the quick replies that came with it) the list is at its bottom.
    const end = await logMetrics(page);
    expect(end.scrollTop + end.clientHeight).toBeGreaterThanOrEqual(end.scrollHeight - 2);
    expect(await inWidget(page, '.quick-replies').isVisible()).toBe(true);
    expect(await inWidget(page, '.jump').count(), 'no jump button at the bottom').toBe(0);
  });

  it('leaves a visitor who scrolled up where they are, and offers to jump to the latest', async () => {
    const page = await longChat();
    // The answer is held in the network while the visitor asks and then scrolls up to reread.
    await holdEvents(page);
    const before = await botReplies(page);
    await sendFromComposer(page, QUESTION);
    const log = inWidget(page, '.scroll[role="log"]');
    const box = (await log.boundingBox())!;
    await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2);
    await page.mouse.wheel(0, -(box.height * 1.2));
    // Wheel scrolling may be animated: wait until the list stands still.
    let last = -1;
    await expect
      .poll(async () => {
        const top = (await logMetrics(page)).scrollTop;
        const still = top === last;
        last = top;
        return still;
      })
      .toBe(true);
    const read = await logMetrics(page);
    expect(read.scrollHeight - read.scrollTop - read.clientHeight, 'scrolled well away from the bottom').toBeGreaterThan(read.clientHeight / 2);

    // The message being read: the first visitor question whose bubble is wholly on screen.
    const watched = await log.evaluate((el, questions) => {
      const top = el.getBoundingClientRect().top;
      const bottom = el.getBoundingClientRect().bottom;
      const bubble = [...el.querySelectorAll<HTMLElement>('.group[data-role="visitor"] .bubble')].find((b) => {
        const r = b.getBoundingClientRect();
        return r.top >= top && r.bottom <= bottom && questions.includes(b.textContent?.trim() ?? '');
      });
      return bubble?.textContent?.trim() ?? null;
    }, HISTORY);
    expect(watched, 'an older question is on screen').not.toBeNull();
    const jump = inWidget(page, 'button.jump');
    await jump.waitFor({ state: 'visible' });
    expect(await jump.getAttribute('aria-label')).toBe('Jump to latest messages');

    await startRecording(page, watched);
    await releaseEvents(page);
    await expect.poll(() => botReplies(page), { timeout: 15000 }).toBe(before + 1);
    await expect.poll(() => inWidget(page, '.bubble[data-streaming]').count(), { timeout: 15000 }).toBe(0);
    await settle(page);
    const samples = await stopRecording(page);

    const streaming = samples.filter((s) => s.streaming);
    expect(streaming.length, 'frames while streaming').toBeGreaterThan(3);
    const grew = Math.max(...streaming.map((s) => s.bubbleHeight)) - Math.min(...streaming.map((s) => s.bubbleHeight));
    expect(grew, 'the streaming bubble grew').toBeGreaterThan(40);
    // What the visitor reads stays put, in every frame while the answer came in.
    const tops = samples.map((s) => s.watchedTop);
    expect(tops.every((t) => t !== null)).toBe(true);
    const first = tops[0]!;
    expect(Math.max(...tops.map((t) => Math.abs(t! - first))), 'how far the message being read moved').toBeLessThanOrEqual(3);
    expect((await logMetrics(page)).scrollTop).toBeGreaterThanOrEqual(read.scrollTop - 3);
    expect((await logMetrics(page)).scrollTop).toBeLessThanOrEqual(read.scrollTop + 3);

    // The way down is offered, and takes the visitor to the end of the answer.
    expect(await jump.isVisible()).toBe(true);
    await jump.click();
    await jump.waitFor({ state: 'detached' });
    await settle(page);
    const end = await logMetrics(page);
    expect(end.scrollTop + end.clientHeight).toBeGreaterThanOrEqual(end.scrollHeight - 2);
  });
});
