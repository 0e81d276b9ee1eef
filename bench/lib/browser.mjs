// Debian's Chromium through playwright-core, as the e2e tests drive it, plus the per-page
// instrumentation the benchmark reads: network bytes by resource type (CDP Network events),
// long tasks and "first visible" marks (injected before any page script), and the JS heap
// after a forced GC (CDP).
import { chromium } from 'playwright-core';

export const CHROME_FLAGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
  '--disable-quic',
];

/** One headless Chromium for the whole run; every measured page gets a fresh context (own cache, storage). */
// (playwright gives the browser a fresh temporary profile of its own.)
export async function launch() {
  const browser = await chromium.launch({
    executablePath: process.env.CHROME_PATH ?? '/usr/bin/chromium',
    headless: true,
    args: CHROME_FLAGS,
  });
  return {
    browser,
    version: browser.version(),
    close: () => browser.close(),
  };
}

/**
 * Runs in the page before its own scripts. `__bench.marks.visible` is the first animation
 * frame in which the variant's target (launcher, chat box) has a layout box: the frame that
 * paints it. Long tasks are collected from the start of navigation.
 */
export const INSTRUMENT = `(() => {
  const bench = (window.__bench = { longTasks: [], marks: {} });
  try {
    new PerformanceObserver((list) => {
      for (const e of list.getEntries()) bench.longTasks.push({ start: e.startTime, duration: e.duration });
    }).observe({ type: 'longtask', buffered: true });
  } catch {}
  const shown = (el) => !!el && el.getBoundingClientRect().width > 0 && getComputedStyle(el).visibility !== 'hidden';
  const targets = {
    parley: () => {
      for (const host of document.querySelectorAll('parley-widget-host')) {
        const el = host.shadowRoot && host.shadowRoot.querySelector('[part="launcher"]');
        if (shown(el)) return el;
      }
      return null;
    },
    parleyReady: () => {
      for (const host of document.querySelectorAll('parley-widget-host')) {
        const el = host.shadowRoot && host.shadowRoot.querySelector('button.launcher');
        if (shown(el)) return el;
      }
      return null;
    },
    deepchat: () => {
      const chat = document.querySelector('deep-chat');
      const el = chat && chat.shadowRoot && chat.shadowRoot.getElementById('text-input');
      return shown(el) ? el : null;
    },
  };
  bench.find = (name) => targets[name]();
  bench.inParley = (selector) => {
    for (const host of document.querySelectorAll('parley-widget-host')) {
      const el = host.shadowRoot && host.shadowRoot.querySelector(selector);
      if (el) return el;
    }
    return null;
  };
  bench.deepActive = () => {
    let el = document.activeElement;
    while (el && el.shadowRoot && el.shadowRoot.activeElement) el = el.shadowRoot.activeElement;
    return el;
  };
  // Click → focus: from the pointerdown's timestamp to the first moment the predicate holds,
  // then to the end of the next frame (rAF, then a task: after its paint).
  bench.armFocusWait = (predicateSource) => {
    const predicate = new Function('bench', 'return (' + predicateSource + ')(bench)');
    bench.pending = new Promise((resolve) => {
      let down = null;
      let done = false;
      addEventListener('pointerdown', (e) => { down = e.timeStamp; }, { capture: true, once: true });
      const check = () => {
        if (done || down === null || !predicate(bench)) return false;
        done = true;
        const ready = performance.now();
        requestAnimationFrame(() => setTimeout(() => resolve({ down, ready, painted: performance.now() })));
        return true;
      };
      document.addEventListener('focusin', () => check(), true);
      const loop = () => { if (!check() && !done) requestAnimationFrame(loop); };
      requestAnimationFrame(loop);
    });
  };
  const watch = () => {
    const t = performance.now();
    for (const name of bench.watch || []) if (bench.marks[name] === undefined && targets[name]()) bench.marks[name] = t;
    if ((bench.watch || []).some((name) => bench.marks[name] === undefined)) requestAnimationFrame(watch);
  };
  bench.startWatch = (names) => { bench.watch = names; requestAnimationFrame(watch); };
})();`;

const instrumented = new WeakSet();

/**
 * Opens a page in a fresh context with the instrumentation and a CDP session that counts bytes.
 *
 * @param {import('playwright-core').Browser} browser
 * @param {{ watch: string[]; context?: import('playwright-core').BrowserContext }} options
 */
export async function openInstrumentedPage(browser, options) {
  const context = options.context ?? (await browser.newContext({ viewport: { width: 1280, height: 800 } }));
  // Once per context: init scripts accumulate, and a shared context opens many pages.
  if (!instrumented.has(context)) {
    instrumented.add(context);
    await context.addInitScript(`${INSTRUMENT}\n;window.__bench.startWatch(${JSON.stringify(options.watch)});`);
  }
  const page = await context.newPage();
  const errors = [];
  page.on('pageerror', (error) => errors.push(error.message));
  const cdp = await context.newCDPSession(page);
  const network = trackNetwork(cdp);
  await cdp.send('Network.enable');
  await cdp.send('HeapProfiler.enable');
  return {
    context,
    page,
    cdp,
    network,
    errors,
    /** JS heap in use after a full GC, in bytes. */
    async heap() {
      await cdp.send('HeapProfiler.collectGarbage');
      const { usedSize } = await cdp.send('Runtime.getHeapUsage');
      return usedSize;
    },
    async close() {
      await context.close();
    },
  };
}

/**
 * Per request: resource type, MIME type, bytes on the wire (encoded, with headers) and body bytes
 * (decoded). Server-sent event streams never finish; they count what has arrived so far.
 */
function trackNetwork(cdp) {
  /** @type {Map<string, { type: string; url: string; mime: string; encoded: number; decoded: number; finished: boolean }>} */
  const requests = new Map();
  let lastActivity = Date.now();
  cdp.on('Network.requestWillBeSent', (e) => {
    requests.set(e.requestId, { type: e.type ?? 'Other', url: e.request.url, mime: '', encoded: 0, decoded: 0, finished: false });
    lastActivity = Date.now();
  });
  cdp.on('Network.responseReceived', (e) => {
    const r = requests.get(e.requestId);
    if (r) {
      r.type = e.type ?? r.type;
      r.mime = e.response.mimeType ?? '';
    }
  });
  cdp.on('Network.dataReceived', (e) => {
    const r = requests.get(e.requestId);
    if (!r) return;
    r.decoded += e.dataLength;
    r.encoded += e.encodedDataLength;
  });
  cdp.on('Network.loadingFinished', (e) => {
    const r = requests.get(e.requestId);
    if (!r) return;
    r.encoded = Math.max(r.encoded, e.encodedDataLength);
    r.finished = true;
    lastActivity = Date.now();
  });
  cdp.on('Network.loadingFailed', (e) => {
    const r = requests.get(e.requestId);
    if (r) r.finished = true;
    lastActivity = Date.now();
  });
  return {
    requests,
    /** Totals by kind: js, css, api (fetch/XHR/event streams), other. */
    totals() {
      const out = { js: { encoded: 0, decoded: 0, count: 0 }, css: { encoded: 0, decoded: 0, count: 0 }, api: { encoded: 0, decoded: 0, count: 0 }, other: { encoded: 0, decoded: 0, count: 0 } };
      for (const r of requests.values()) {
        const kind = r.type === 'Script' ? 'js' : r.type === 'Stylesheet' ? 'css' : ['Fetch', 'XHR', 'EventSource'].includes(r.type) ? 'api' : 'other';
        out[kind].encoded += r.encoded;
        out[kind].decoded += r.decoded;
        out[kind].count += 1;
      }
      return out;
    },
    /** Resolves once no request started or finished for `quietMs` (open event streams do not count). */
    async quiet(quietMs = 800, timeoutMs = 20000) {
      const start = Date.now();
      for (;;) {
        const busy = [...requests.values()].some((r) => !r.finished && r.mime !== 'text/event-stream' && r.type !== 'EventSource');
        if (!busy && Date.now() - lastActivity >= quietMs) return;
        if (Date.now() - start > timeoutMs) throw new Error('network did not go quiet');
        await new Promise((ok) => setTimeout(ok, 50));
      }
    },
  };
}
