import { randomUUID } from 'node:crypto';
import { readFileSync } from 'node:fs';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { hostileCorpus, storable } from '../../fixtures/hostile/corpus.js';
import { recordFigures } from '../../reliability/support/figures.js';
import { type LaunchedBrowser, launchBrowser } from '../support/launchBrowser.js';
import { armPage, hostPage, inspectWidget, openConversation, type SecurityStack, startSecurityStack, trapCount } from './support/startSecurityStack.js';

const corpus = hostileCorpus();
const texts = storable(corpus);
const SAFE_HREF = /^(https?:|mailto:|tel:)/i;
let stack: SecurityStack;
let chromium: LaunchedBrowser;
const figures: Record<string, unknown> = { corpus: corpus.length };

beforeAll(async () => {
  stack = await startSecurityStack({ pages: { '/hostile': hostPage() } });
  chromium = await launchBrowser({ viewport: { width: 1280, height: 900 } });
});
afterAll(async () => {
  recordFigures('hostile-input', figures);
  await chromium?.close();
  await stack?.close();
});

/** Every rendering check at once: nothing ran, nothing smuggled in, links safe, layout intact. */
async function expectHarmless(page: Page, dialogs: string[], panel?: unknown) {
  const state = (await inspectWidget(page))!;
  expect(await trapCount(page)).toBe(0);
  expect(dialogs).toEqual([]);
  expect(state.dangerous).toEqual([]);
  const textLinks = state.links.filter((l) => l.inText);
  expect(textLinks.filter((l) => !SAFE_HREF.test(l.href) || !/\bnoopener\b/.test(l.rel) || !/\bnoreferrer\b/.test(l.rel))).toEqual([]);
  // UI controls that are anchors (attachment downloads) must not point anywhere either.
  expect(state.links.filter((l) => !l.inText && !SAFE_HREF.test(l.href))).toEqual([]);
  expect(state.overflow).toBeLessThanOrEqual(1);
  expect(state.pageOverflow).toBeLessThanOrEqual(0);
  if (panel) expect(state.panel).toEqual(panel);
  return state;
}

/**
 * The message list renders a window of the newest messages; scrolling up (or "load older") shows
 * the rest, from memory and then from the server. This reveals everything, checking as it goes.
 */
async function revealAll(page: Page, dialogs: string[], panel: unknown) {
  for (let round = 0; round < 400; round++) {
    const more = await page.evaluate(() => {
      const root = document.querySelector('parley-widget-host')!.shadowRoot!;
      const button = root.querySelector('.load-older') as HTMLButtonElement | null;
      (root.querySelector('.log-wrap .scroll') as HTMLElement).scrollTop = 0;
      if (button && !button.disabled) button.click();
      return Boolean(button);
    });
    if (round % 10 === 0) await expectHarmless(page, dialogs, panel);
    if (!more) break;
    await page.waitForTimeout(30);
  }
  return expectHarmless(page, dialogs, panel);
}

async function conversationId(): Promise<string> {
  const { conversations } = await stack.operator('/conversations');
  return conversations[0].id;
}

/** Bot messages cannot be posted through the operator API, so they are written to the real database. */
function insertBotMessages(id: string, items: Array<{ text: string; quickReplies?: Array<{ id: string; label: string }> }>) {
  const db = stack.server.db;
  const row = db.prepare('SELECT last_seq FROM conversations WHERE id = ?').get(id) as { last_seq: number };
  const insert = db.prepare(
    'INSERT INTO messages (id, conversation_id, seq, client_id, author, text, attachments, quick_replies, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)',
  );
  let seq = row.last_seq;
  db.transaction(() => {
    for (const item of items) {
      seq += 1;
      insert.run(`m_bot${randomUUID().slice(0, 12)}`, id, seq, `bot_${seq}`, JSON.stringify({ role: 'bot', id: 'bot', name: 'Assistant' }), item.text, '[]', item.quickReplies ? JSON.stringify(item.quickReplies) : null, new Date().toISOString());
    }
    db.prepare('UPDATE conversations SET last_seq = ? WHERE id = ?').run(seq, id);
  })();
}

describe(`hostile input: ${corpus.length} strings (BLNS + XSS payloads) rendered in Chromium`, () => {
  it('renders visitor, agent and bot text, file names and quick-reply labels as inert text', async () => {
    const t0 = Date.now();
    const mark = (what: string) => console.log(`[hostile] ${what} at ${Date.now() - t0} ms`);
    const page = await chromium.browser.newPage();
    const { dialogs } = await armPage(page);
    await page.goto(`${stack.hostUrl}/hostile`);
    await openConversation(page, 'hello');
    const panel = (await inspectWidget(page))!.panel;
    expect(panel).not.toBeNull();
    const id = await conversationId();

    // As the visitor, through the widget's public API (what a host page or the composer does).
    await page.evaluate((all) => all.forEach((text) => (window as any).Parley('sendMessage', text)), texts);
    await expect.poll(async () => (await stack.operator(`/conversations/${id}`)).messages.length, { timeout: 45000 }).toBeGreaterThan(texts.length);
    mark('visitor texts stored');
    // As the agent.
    for (const [i, text] of texts.entries()) await stack.operator(`/conversations/${id}/messages`, { clientId: `agent_${i}_x`, text, authorName: 'Alex' });
    mark('agent texts posted');
    // File names, as agent attachments (five per message, the desk’s limit).
    const names = corpus.filter((name) => name.trim() !== '').map((name) => name.slice(0, 200));
    const ids: string[] = [];
    for (const name of names) {
      const form = new FormData();
      form.append('file', new Blob(['plain text'], { type: 'text/plain' }), name);
      const res = await fetch(`${stack.server.url}/v1/operator/uploads`, { method: 'POST', headers: { Authorization: `Bearer ${stack.server.operatorKey}` }, body: form });
      if (res.ok) ids.push(((await res.json()) as { attachment: { id: string } }).attachment.id);
    }
    for (let i = 0; i < ids.length; i += 5) {
      await stack.operator(`/conversations/${id}/messages`, { clientId: `files_${i}_x`, text: '', attachmentIds: ids.slice(i, i + 5), authorName: 'Alex' });
    }
    mark('files posted');
    await expect.poll(async () => (await revealAll(page, dialogs, panel)).attachments, { timeout: 60000 }).toBe(ids.length);

    mark('files rendered');
    // As the bot, the last one offering every label as a quick reply; a reload syncs them in.
    const labels = corpus.filter((s) => s.trim() !== '').map((label, i) => ({ id: `q${i}`, label: label.slice(0, 200) }));
    insertBotMessages(id, [...texts.map((text) => ({ text })), { text: 'Pick one', quickReplies: labels }]);
    await page.reload();
    await openConversation(page, null);
    await expect.poll(async () => (await inspectWidget(page))?.quickReplies ?? 0, { timeout: 45000 }).toBe(labels.length);

    mark('bot texts rendered');
    // Reveal the whole conversation (window, then older pages from the server), checking as it grows.
    const state = await revealAll(page, dialogs, panel);
    expect(state.attachments).toBe(ids.length);
    // Clicking a quick reply sends its label back as text, still inert.
    await page.evaluate(() => ((document.querySelector('parley-widget-host')!.shadowRoot!.querySelector('.quick-reply') as HTMLElement).click()));
    await page.waitForTimeout(300);
    await expectHarmless(page, dialogs, panel);
    Object.assign(figures, {
      visitorTexts: texts.length,
      agentTexts: texts.length,
      botTexts: texts.length,
      fileNames: ids.length,
      quickReplyLabels: labels.length,
      renderedMessages: state.bubbles,
      linksInText: state.links.filter((l) => l.inText).length,
      scriptsRun: await trapCount(page),
      dialogs: dialogs.length,
    });
    // Control: the trap does count a payload that really runs (here, injected by the test itself).
    await page.evaluate(() => document.body.insertAdjacentHTML('beforeend', '<img src=x onerror="window.__xss++">'));
    await expect.poll(() => trapCount(page)).toBe(1);
    await page.close();
  }, 240000);

  it('keeps hostile theme strings and context values inert, in the widget and in the operator console', async () => {
    const page = await chromium.browser.newPage();
    const { dialogs } = await armPage(page);
    await page.goto(`${stack.hostUrl}/hostile`);
    await openConversation(page, 'theme check');
    const themes = corpus.length;
    await page.evaluate(async (all) => {
      for (const value of all) {
        (window as any).Parley('setTheme', { colors: { primary: value, text: value }, fontFamily: value, radius: value, mode: value });
        await new Promise((resolve) => setTimeout(resolve, 0));
      }
      (window as any).Parley('setTheme', {});
    }, corpus);
    await expectHarmless(page, dialogs);

    const contexts = corpus.filter((s) => s.length <= 1000);
    await page.evaluate(async (all) => {
      for (let i = 0; i < all.length; i += 25) {
        (window as any).Parley('setContext', Object.fromEntries(all.slice(i, i + 25).map((v, k) => [`k${k}`, v])));
        (window as any).Parley('sendMessage', `context batch ${i}`);
        await new Promise((resolve) => setTimeout(resolve, 50));
      }
    }, contexts);
    const id = await conversationId();
    await expect.poll(async () => (await stack.operator(`/conversations/${id}`)).messages.length, { timeout: 30000 }).toBeGreaterThan(Math.floor(contexts.length / 25));
    await expectHarmless(page, dialogs);

    // The operator console renders visitor-controlled strings too (the other side of MSRC 108462).
    const operator = await chromium.browser.newPage();
    const consoleArm = await armPage(operator);
    await operator.goto(`${stack.server.url}/console#key=${stack.server.operatorKey}`);
    await operator.getByTestId('console-conversation').first().click();
    await expect.poll(() => operator.getByTestId('console-message').count(), { timeout: 15000 }).toBeGreaterThan(0);
    await operator.waitForTimeout(500);
    expect(await trapCount(operator)).toBe(0);
    expect(consoleArm.dialogs).toEqual([]);
    const smuggled = await operator.evaluate(() => document.querySelectorAll('main script, main iframe, main object, main embed, [onerror], [onload], main img:not([src^="blob:"])').length);
    expect(smuggled).toBe(0);
    Object.assign(figures, { themeValues: themes * 5, contextValues: contexts.length, consoleScriptsRun: await trapCount(operator) });
    await operator.close();
    await page.close();
  }, 180000);

  it('exports a transcript of the hostile conversation as inert text: no markup, no script, safe links only', async () => {
    const page = await chromium.browser.newPage();
    const { dialogs } = await armPage(page);
    await page.goto(`${stack.hostUrl}/hostile`);
    await openConversation(page, 'export check');
    const id = await conversationId();
    await page.evaluate((all) => all.forEach((text) => (window as any).Parley('sendMessage', text)), texts);
    for (const [i, text] of texts.entries()) await stack.operator(`/conversations/${id}/messages`, { clientId: `export_${i}_x`, text, authorName: 'Alex' });
    // Hostile file names ride along as attachments (five per message, the desk's limit).
    const ids: string[] = [];
    for (const name of corpus.filter((n) => n.trim() !== '').slice(0, 50)) {
      const form = new FormData();
      form.append('file', new Blob(['plain text'], { type: 'text/plain' }), name.slice(0, 200));
      const res = await fetch(`${stack.server.url}/v1/operator/uploads`, { method: 'POST', headers: { Authorization: `Bearer ${stack.server.operatorKey}` }, body: form });
      if (res.ok) ids.push(((await res.json()) as { attachment: { id: string } }).attachment.id);
    }
    for (let i = 0; i < ids.length; i += 5) {
      await stack.operator(`/conversations/${id}/messages`, { clientId: `export_files_${i}_x`, text: '', attachmentIds: ids.slice(i, i + 5), authorName: 'Alex' });
    }
    type Stored = Array<{ text: string; author: { role: string } }>;
    let stored: Stored = [];
    await expect
      .poll(async () => {
        stored = (await stack.operator(`/conversations/${id}`)).messages as Stored;
        return stored.filter((m) => m.author.role === 'visitor').length;
      }, { timeout: 90000, interval: 1000 })
      .toBeGreaterThanOrEqual(texts.length);
    const expected = stored.filter((m) => m.author.role !== 'system' && m.text.trim() !== '').map((m) => m.text);

    // Export what the widget holds, once it holds every stored message, through the header menu.
    const exportAs = async (format: 'txt' | 'html') => {
      await page.getByRole('button', { name: 'More options' }).click();
      const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('menuitem', { name: `Download transcript (.${format})` }).click()]);
      return readFileSync((await download.path())!, 'utf8');
    };
    let html = '';
    await expect
      .poll(async () => {
        html = await exportAs('html');
        // transcriptToHtml marks the visitor's items `v` and everyone else's `o`.
        return (html.match(/<li class="[vo]"/g) ?? []).length;
      }, { timeout: 45000, interval: 1000 })
      .toBeGreaterThanOrEqual(stored.filter((m) => m.author.role !== 'system').length);
    const text = await exportAs('txt');

    // The .txt holds every line of every message as plain text (transcriptToText ends each line
    // without trailing spaces and indents continuation lines, so it is compared line by line).
    const linesOf = (t: string) => t.split(/\r\n|\r|\n/).map((line) => line.trimEnd()).filter(Boolean);
    expect(expected.filter((t) => linesOf(t).some((line) => !text.includes(line)))).toEqual([]);

    // The .html, opened as a page of its own with the same traps: nothing runs, nothing smuggled.
    const viewer = await chromium.browser.newPage();
    const viewerArm = await armPage(viewer);
    await viewer.route('http://127.0.0.1:9/transcript.html', (route) => route.fulfill({ body: html, contentType: 'text/html; charset=utf-8' }));
    await viewer.goto('http://127.0.0.1:9/transcript.html');
    await viewer.waitForTimeout(500);
    const opened = await viewer.evaluate(() => ({
      // The file's own CSP meta tag is the one http-equiv allowed: it is what forbids everything else.
      dangerous: document.querySelectorAll('script, iframe, object, embed, svg, math, form, img, link, meta[http-equiv]:not([http-equiv="Content-Security-Policy"]), base, style:not(head > style)').length,
      csp: document.querySelector('meta[http-equiv="Content-Security-Policy"]')?.getAttribute('content') ?? '',
      handlers: [...document.querySelectorAll('*')].filter((el) => [...el.attributes].some((a) => /^on/i.test(a.name))).length,
      links: [...document.querySelectorAll('a[href]')].map((a) => (a as HTMLAnchorElement).href),
      text: document.body.textContent ?? '',
    }));
    expect(await trapCount(viewer)).toBe(0);
    expect(viewerArm.dialogs).toEqual([]);
    expect(opened.dangerous).toBe(0);
    expect(opened.csp).toContain("default-src 'none'");
    expect(opened.handlers).toBe(0);
    expect(opened.links.filter((href) => !SAFE_HREF.test(href))).toEqual([]);
    // Escaped, not dropped: every hostile string reads back as the visitor or agent wrote it (as
    // an HTML parser reads any text: CR and CRLF become LF, NUL is dropped).
    const parsed = (t: string) => t.replace(/\r\n?/g, '\n').replace(/\0/g, '');
    expect(expected.filter((t) => !opened.text.includes(parsed(t)))).toEqual([]);
    expect(dialogs).toEqual([]);
    Object.assign(figures, { exportedMessages: expected.length, exportScriptsRun: await trapCount(viewer) });
    await viewer.close();
    await page.close();
  }, 240000);
});
