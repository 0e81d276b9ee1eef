// One measured page load of one variant, in a fresh browser context: bytes before any
// interaction, long tasks, time to a visible launcher, JS heap, then click → focus.
import { openInstrumentedPage } from './browser.mjs';

/** The three variants of the host page, and what "visible" and "ready" mean for each. */
export const VARIANTS = {
  none: { label: 'No widget', path: '/none.html', watch: [] },
  parley: { label: 'Parley', path: '/parley.html', watch: ['parley', 'parleyReady'], visible: 'parley', ready: 'parleyReady' },
  deepchat: { label: 'Deep Chat', path: '/deepchat.html', watch: ['deepchat'], visible: 'deepchat', ready: 'deepchat' },
};

// Focus predicates, run in the page (see bench.armFocusWait).
const PANEL_CONTENT_FOCUSED = `(b) => { const el = b.deepActive(); return !!el && !!el.closest && !!el.closest('.panel') && el.matches('button, textarea, input, a[href]'); }`;
const COMPOSER_FOCUSED = `(b) => { const el = b.deepActive(); return !!el && el.tagName === 'TEXTAREA' && !!el.closest('.composer'); }`;
const DEEP_CHAT_INPUT_FOCUSED = `(b) => { const el = b.deepActive(); return !!el && el.id === 'text-input'; }`;

/**
 * @param {import('playwright-core').Browser} browser
 * @param {string} hostUrl
 * @param {keyof typeof VARIANTS} name
 */
export async function measureLoad(browser, hostUrl, name) {
  const variant = VARIANTS[name];
  const p = await openInstrumentedPage(browser, { watch: variant.watch });
  const { page, network } = p;
  try {
    await page.goto(hostUrl + variant.path, { waitUntil: 'load' });
    if (variant.ready) {
      await page.waitForFunction((mark) => window.__bench.marks[mark] !== undefined, variant.ready, { timeout: 20000, polling: 50 });
    }
    // "Before any interaction": everything the page and the widget fetch by themselves.
    await network.quiet(1000);
    const bench = await page.evaluate(() => ({ marks: window.__bench.marks, longTasks: window.__bench.longTasks, now: performance.now() }));
    const totals = network.totals();
    const heap = await p.heap();
    const longTasks = bench.longTasks.filter((t) => t.start < bench.now);
    const result = {
      jsBytes: totals.js.encoded,
      jsDecodedBytes: totals.js.decoded,
      jsRequests: totals.js.count,
      cssBytes: totals.css.encoded,
      apiBytes: totals.api.encoded,
      apiRequests: totals.api.count,
      totalBytes: totals.js.encoded + totals.css.encoded + totals.api.encoded + totals.other.encoded,
      longTaskMs: longTasks.reduce((sum, t) => sum + t.duration, 0),
      longTaskCount: longTasks.length,
      blockingMs: longTasks.reduce((sum, t) => sum + Math.max(0, t.duration - 50), 0),
      visibleMs: variant.visible ? bench.marks[variant.visible] : undefined,
      readyMs: variant.ready ? bench.marks[variant.ready] : undefined,
      heapBytes: heap,
    };

    if (name === 'parley') {
      // Click the launcher: until the panel's first control has focus ("Start a conversation").
      const opened = await clickAndWait(page, () => window.__bench.inParley('button.launcher'), PANEL_CONTENT_FOCUSED);
      result.clickToPanelMs = opened.painted - opened.down;
      // Then "Start a conversation": until the composer has focus.
      const composer = await clickAndWait(page, () => window.__bench.deepActive(), COMPOSER_FOCUSED);
      result.startToComposerMs = composer.painted - composer.down;
      result.clickToComposerMs = result.clickToPanelMs + result.startToComposerMs;
      result.jsBytesAfterOpen = network.totals().js.encoded;
      // Then type and send a message, until the reply to the send has arrived: what the
      // size-limit check "Open the panel and send a message" claims to count.
      await page.keyboard.type('Hello, my deposit has not arrived.');
      const delivered = page.waitForResponse((r) => /\/v1\/conversations\/[^/]+\/messages$/.test(r.url()) && r.request().method() === 'POST', { timeout: 15000 });
      await page.keyboard.press('Enter');
      await delivered;
      await network.quiet(800);
      result.jsBytesAfterSend = network.totals().js.encoded;
    } else if (name === 'deepchat') {
      const focused = await clickAndWait(
        page,
        () => document.querySelector('deep-chat').shadowRoot.getElementById('text-input'),
        DEEP_CHAT_INPUT_FOCUSED,
      );
      result.clickToPanelMs = focused.painted - focused.down;
      result.clickToComposerMs = result.clickToPanelMs;
      result.jsBytesAfterOpen = network.totals().js.encoded;
    }
    if (p.errors.length) result.errors = p.errors;
    return result;
  } finally {
    await p.close();
  }
}

/**
 * A real mouse click (CDP input) on the element `locate` returns in the page, timed in the page
 * from its pointerdown to the frame after `predicate` first holds.
 */
export async function clickAndWait(page, locate, predicate) {
  const handle = await page.evaluateHandle(locate);
  const box = await handle.asElement()?.boundingBox();
  await handle.dispose();
  if (!box) throw new Error(`nothing to click: ${locate.toString()}`);
  await page.evaluate((source) => window.__bench.armFocusWait(source), predicate);
  await page.mouse.click(box.x + box.width / 2, box.y + box.height / 2);
  return page.evaluate(() =>
    Promise.race([window.__bench.pending, new Promise((_, reject) => setTimeout(() => reject(new Error('focus did not arrive in 15 s')), 15000))]),
  );
}
