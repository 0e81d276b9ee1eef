// The scale of a long conversation, in the real script-tag widget against the real backend:
//
// - seeding: a visitor page sends one message (so the widget has its own session and
//   conversation, saved in its own storage); then the conversation gets N-1 more messages
//   through the backend's public APIs (the visitor API with the visitor's token, the operator
//   API for the agent's replies), while no widget page is open. A new page of the same
//   browser context then starts with the saved session and catches up through the history
//   API, as a returning visitor's widget does, until all N messages are in `$messages`;
// - open: the click on "Continue" (home screen → conversation) until the composer has focus, in
//   the frame that shows the conversation: the first render of the whole list;
// - append: one `Parley('sendMessage')` into the open N-message conversation, until the DOM
//   change is committed and the next frame has painted; a MutationObserver counts what changed;
// - render only: then one message put straight into the client's `$messages` store (what a send
//   or a live event does first), timed the same way: the cost of the list update and render
//   alone, without the send path (context, outbox, storage) or the request and its replies;
// - heap: 1,000 messages sent one by one into a fresh conversation, the JS heap after a full GC
//   every 250.
import { openInstrumentedPage } from './browser.mjs';
import { clickAndWait } from './loadRun.mjs';
import { summarize } from './stats.mjs';

const COMPOSER_FOCUSED = `(b) => { const el = b.deepActive(); return !!el && el.tagName === 'TEXTAREA' && !!el.closest('.composer'); }`;
const PANEL_CONTENT_FOCUSED = `(b) => { const el = b.deepActive(); return !!el && !!el.closest && !!el.closest('.panel') && el.matches('button, textarea, input, a[href]'); }`;

// In-page: send one message (or, with `direct`, add it to `$messages` without sending) and time
// it until its text is in the DOM and the next frame has painted; count the DOM mutations it
// caused. The frame is asked for from the observer's callback, a microtask right after the
// commit, so it is the first frame after it: asked for later (from the next task), it could be
// the one after that when a frame ran in between, 16 ms late.
const APPEND = async ({ text, direct }) => {
  const root = window.__bench.inParley('.panel')?.getRootNode();
  let records = 0;
  let nodes = 0;
  let committed = null;
  let painted = null;
  const observer = new MutationObserver((list) => {
    const now = performance.now();
    records += list.length;
    for (const r of list) {
      nodes += r.addedNodes.length + r.removedNodes.length;
      if (committed !== null) continue;
      const added = [...r.addedNodes].some((n) => n.textContent?.includes(text));
      if (added || (r.type === 'characterData' && r.target.data?.includes(text))) {
        committed = now;
        // Frame callbacks run before the paint; a task queued from one runs after it.
        requestAnimationFrame(() => setTimeout(() => (painted = performance.now())));
      }
    }
  });
  observer.observe(root, { subtree: true, childList: true, characterData: true, attributes: true });
  // `init` again returns the widget already running, and with it the headless client.
  const client = direct ? window.Parley('init', {}).client : null;
  const before = client?.$messages.get();
  // A local message (no seq): it is not marked read, so nothing goes to the network.
  const local = { id: null, seq: null, conversationId: null, clientId: `bench_${Date.now()}`, author: { role: 'visitor' }, text, attachments: [], createdAt: new Date().toISOString(), state: 'pending', localOrder: Number.MAX_SAFE_INTEGER };
  const next = client ? [...before, local] : null;
  const start = performance.now();
  if (client) client.$messages.set(next);
  else window.Parley('sendMessage', text);
  const deadline = start + 10000;
  while (painted === null && performance.now() < deadline) await new Promise((ok) => setTimeout(ok, 0));
  // Let the send's own follow-ups (pending → sent) land before the next one.
  await new Promise((ok) => setTimeout(ok, 300));
  observer.disconnect();
  if (client) {
    client.$messages.set(before);
    await new Promise((ok) => setTimeout(ok, 300));
  }
  return { committedMs: committed === null ? null : committed - start, paintedMs: painted === null ? null : painted - start, records, nodes };
};

// In-page: the widget's IndexedDB store (src/core/persistence/createIndexedDbStorage.ts), read
// whole and written back whole.
const IDB_READ_ALL = () =>
  new Promise((resolve, reject) => {
    const open = indexedDB.open('parley', 1);
    open.onerror = () => reject(open.error);
    open.onsuccess = () => {
      const out = {};
      const request = open.result.transaction('state', 'readonly').objectStore('state').openCursor();
      request.onerror = () => reject(request.error);
      request.onsuccess = () => {
        const cursor = request.result;
        if (!cursor) {
          open.result.close();
          return resolve(out);
        }
        out[cursor.key] = cursor.value;
        cursor.continue();
      };
    };
  });
const IDB_WRITE_ALL = (state) =>
  new Promise((resolve, reject) => {
    const open = indexedDB.open('parley', 1);
    open.onerror = () => reject(open.error);
    open.onsuccess = () => {
      const tx = open.result.transaction('state', 'readwrite');
      const store = tx.objectStore('state');
      store.clear();
      for (const [key, value] of Object.entries(state)) store.put(value, key);
      tx.oncomplete = () => {
        open.result.close();
        resolve(undefined);
      };
      tx.onerror = () => reject(tx.error);
    };
  });

/**
 * @param {import('playwright-core').Browser} browser
 * @param {string} hostUrl
 * @param {{ url: string; operatorKey: string }} server
 * @param {{ runs: number; log: (line: string) => void; sizes?: number[] }} options
 */
export async function measureScale(browser, hostUrl, server, options) {
  const rows = [];
  const detail = {};
  for (const size of options.sizes ?? [1000, 10000]) {
    options.log(`scale: seeding a conversation of ${size} messages`);
    const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
    try {
      const seeded = await seedConversation(context, hostUrl, server, size);
      const open = [];
      const append = [];
      const render = [];
      const heaps = [];
      const rendered = [];
      for (let run = 0; run < options.runs; run++) {
        await seeded.restore();
        const p = await openInstrumentedPage(browser, { context, watch: ['parleyReady'] });
        try {
          await p.page.goto(`${hostUrl}/parley.html`, { waitUntil: 'load' });
          await p.page.waitForFunction(() => window.__bench.marks.parleyReady !== undefined, null, { timeout: 30000 });
          await p.network.quiet(1500, 120000);
          heaps.push(await p.heap());
          // Launcher → home ("Continue"), then "Continue" → the conversation.
          await clickAndWait(p.page, () => window.__bench.inParley('button.launcher'), PANEL_CONTENT_FOCUSED);
          const shown = await clickAndWait(p.page, () => window.__bench.deepActive(), COMPOSER_FOCUSED);
          open.push(shown.painted - shown.down);
          rendered.push(await p.page.evaluate(() => window.__bench.inParley('.panel').getRootNode().querySelectorAll('.message').length));
          const last = await p.page.evaluate(
            (text) => window.__bench.inParley('.panel').getRootNode().querySelector('.panel').textContent.includes(text),
            seeded.lastText,
          );
          if (!last) throw new Error(`the newest seeded message is not on screen (${size} messages)`);
          append.push(await p.page.evaluate(APPEND, { text: `appended ${run} ${Date.now()}` }));
          render.push(await p.page.evaluate(APPEND, { text: `rendered ${run} ${Date.now()}`, direct: true }));
        } finally {
          await p.page.close();
        }
      }
      detail[size] = { open, append, render, heaps, rendered, seeded: seeded.count };
      rows.push(
        { label: `Open a ${size.toLocaleString('en')}-message conversation ("Continue" → composer, painted)`, unit: 'ms', summary: summarize(open), goal: size === 10000 ? '< 150 ms' : '' },
        { label: `  message elements rendered`, unit: 'n', summary: summarize(rendered) },
        { label: `Append 1 message to ${size.toLocaleString('en')}: send → DOM committed`, unit: 'ms', summary: summarize(append.map((a) => a.committedMs)) },
        { label: `Append 1 message to ${size.toLocaleString('en')}: send → next frame painted`, unit: 'ms', summary: summarize(append.map((a) => a.paintedMs)), goal: size === 10000 ? '< 16 ms' : '' },
        { label: `  DOM mutation records per append`, unit: 'n', summary: summarize(append.map((a) => a.records)) },
        { label: `Append 1 message to ${size.toLocaleString('en')}, render only: store → DOM committed`, unit: 'ms', summary: summarize(render.map((a) => a.committedMs)) },
        { label: `Append 1 message to ${size.toLocaleString('en')}, render only: store → next frame painted`, unit: 'ms', summary: summarize(render.map((a) => a.paintedMs)), goal: size === 10000 ? '< 16 ms' : '' },
        { label: `JS heap with ${size.toLocaleString('en')} messages loaded (after GC)`, unit: 'MB', summary: summarize(heaps) },
      );
    } finally {
      await context.close();
    }
  }

  options.log('scale: appending 1,000 messages one by one');
  const curve = await heapCurve(browser, hostUrl);
  const fit = linearFit(curve.map((p) => [p.messages, p.heapBytes]));
  return { rows, detail, heapCurve: curve, heapPerMessageBytes: fit.slope, heapFitR2: fit.r2 };
}

/** See the file comment. Returns the text of the newest message, to check it is shown. */
async function seedConversation(context, hostUrl, server, size) {
  const page = await context.newPage();
  let token = null;
  page.on('request', (request) => {
    const auth = request.headers().authorization;
    if (!token && request.url().startsWith(server.url) && auth?.startsWith('Bearer ')) token = auth.slice(7);
  });
  await page.goto(`${hostUrl}/parley.html`);
  const sent = page.waitForResponse((r) => /\/v1\/conversations\/[^/]+\/messages$/.test(r.url()) && r.request().method() === 'POST' && r.ok(), { timeout: 30000 });
  await page.waitForFunction(() => typeof window.Parley === 'function');
  await page.evaluate(() => window.Parley('sendMessage', 'Hello, I have a question about my deposit.'));
  const response = await sent;
  const conversationId = /\/v1\/conversations\/([^/]+)\/messages$/.exec(response.url())[1];
  // Let the widget save what it has before the page goes, and keep that state: every measured
  // run starts from it (a run's own widget saves a transcript of the newest messages, after
  // which a reload would page in only what is newer).
  await page.waitForTimeout(1500);
  const saved = await page.evaluate(IDB_READ_ALL);
  await page.close();
  if (!token) throw new Error('seeding: the visitor token was not seen');

  let lastText = '';
  const post = async (i) => {
    // A support-like rhythm: two lines from the visitor, three from the agent, varied lengths.
    const agent = i % 5 >= 2;
    const text = `${agent ? 'Agent' : 'Visitor'} message ${i}: ${'deposit confirmations and the transaction hash '.repeat(1 + (i % 4))}`.trim();
    const url = agent ? `${server.url}/v1/operator/conversations/${conversationId}/messages` : `${server.url}/v1/conversations/${conversationId}/messages`;
    const body = { clientId: `seed-${i}-${Math.random().toString(36).slice(2, 10)}`, text, ...(agent ? { authorName: 'Alex' } : {}) };
    const res = await fetch(url, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', Authorization: `Bearer ${agent ? server.operatorKey : token}` },
      body: JSON.stringify(body),
    });
    if (!res.ok) throw new Error(`seeding: ${url} → ${res.status} ${await res.text()}`);
    return text;
  };
  // Sequential: the order of seqs is the order of sends, as in a real conversation.
  for (let i = 1; i < size; i++) lastText = await post(i);
  return {
    count: size,
    lastText,
    /** Puts the widget's saved state back as it was after the first message. */
    async restore() {
      const blank = await context.newPage();
      await blank.goto(`${hostUrl}/none.html`);
      await blank.evaluate(IDB_WRITE_ALL, saved);
      await blank.close();
    },
  };
}

async function heapCurve(browser, hostUrl) {
  const p = await openInstrumentedPage(browser, { watch: ['parleyReady'] });
  try {
    await p.page.goto(`${hostUrl}/parley.html`, { waitUntil: 'load' });
    await p.page.waitForFunction(() => window.__bench.marks.parleyReady !== undefined, null, { timeout: 30000 });
    await clickAndWait(p.page, () => window.__bench.inParley('button.launcher'), PANEL_CONTENT_FOCUSED);
    await clickAndWait(p.page, () => window.__bench.deepActive(), COMPOSER_FOCUSED);
    await p.network.quiet(1000);
    const curve = [{ messages: 0, heapBytes: await p.heap() }];
    for (let sent = 0; sent < 1000; sent += 250) {
      await p.page.evaluate(async (from) => {
        const root = window.__bench.inParley('.panel').getRootNode();
        for (let i = from; i < from + 250; i++) {
          const text = `Message number ${i}: when will my deposit arrive?`;
          window.Parley('sendMessage', text);
          while (!root.querySelector('.panel').textContent.includes(text)) await new Promise((ok) => setTimeout(ok, 0));
        }
      }, sent);
      await p.network.quiet(1000, 120000);
      curve.push({ messages: sent + 250, heapBytes: await p.heap() });
    }
    return curve;
  } finally {
    await p.close();
  }
}

function linearFit(points) {
  const n = points.length;
  const mx = points.reduce((s, [x]) => s + x, 0) / n;
  const my = points.reduce((s, [, y]) => s + y, 0) / n;
  let sxy = 0;
  let sxx = 0;
  let syy = 0;
  for (const [x, y] of points) {
    sxy += (x - mx) * (y - my);
    sxx += (x - mx) ** 2;
    syy += (y - my) ** 2;
  }
  const slope = sxy / sxx;
  return { slope, r2: syy === 0 ? 1 : (sxy * sxy) / (sxx * syy) };
}
