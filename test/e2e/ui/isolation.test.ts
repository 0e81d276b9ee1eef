// Style isolation both ways, in real Chromium. Inward: the widget looks and measures the same on a
// plain page, under Bootstrap 5, under Tailwind's preflight and under a deliberately hostile reset
// (`* { all: unset !important }`, huge fonts, our own custom property names set by the page).
// Outward: the page's own elements keep every computed style, and Parley adds no stylesheet to
// the document.
import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { type LaunchedBrowser, launchBrowser } from '../support/launchBrowser.js';
import {
  type UiServer,
  type WidgetWindow,
  conversationId,
  goToChat,
  hostPage,
  inWidget,
  openPanel,
  pixelDiff,
  sendFromComposer,
  settle,
  startUiServer,
  widgetReady,
} from './support/uiHarness.js';

const HOSTILE = `
* { all: unset !important; }
/* Unset, <head>, <style> and <script> would print their text; that is the page's own problem. */
head, script, style { display: none !important; }
html, body { font: 40px/3 'Comic Sans MS', cursive !important; color: red !important; letter-spacing: 4px !important;
  text-transform: uppercase !important; word-spacing: 20px !important; text-shadow: 2px 2px 0 lime !important; }
:root { --parley-color-primary: red; --parley-color-text: red; --parley-font-family: 'Comic Sans MS'; --parley-radius: 0px;
  --parley-bubble-pad: 40px; color-scheme: dark; }
parley-widget-host { --parley-color-primary: red !important; --parley-radius: 0 !important; --parley-pad: 50px !important;
  font-size: 40px !important; line-height: 5 !important; color: red !important; direction: rtl !important;
  pointer-events: none !important; cursor: wait !important; white-space: pre !important; text-align: right !important;
  color-scheme: dark !important; visibility: visible !important; }
div { box-sizing: content-box !important; padding: 17px !important; }
button { display: none !important; }
svg { display: none !important; }
textarea, input { font-size: 8px !important; }
p, h2, h3 { margin: 30px !important; }
*, *::before, *::after { transition: all 3s !important; animation-duration: 10s !important; }
html { font-size: 10px !important; }
`;

const SHOTS = fileURLToPath(new URL('../../../test-results/isolation/', import.meta.url));

const BODY = `<main><h1 id="host-title">A host page</h1><p id="host-text">Some content.</p>
<button type="button" class="btn btn-primary" id="host-button">Host button</button></main>`;

const HOSTS = {
  plain: '',
  bootstrap: '<link rel="stylesheet" href="/node_modules/bootstrap/dist/css/bootstrap.min.css">',
  tailwind: '<link rel="stylesheet" href="/node_modules/tailwindcss/preflight.css">',
  hostile: `<style>${HOSTILE}</style>`,
} as const;
type HostName = keyof typeof HOSTS;
const NAMES = Object.keys(HOSTS) as HostName[];

let server: UiServer;
let chromium: LaunchedBrowser;
const pages: Page[] = [];

beforeAll(async () => {
  const entries = NAMES.flatMap((name) => [
    [`/${name}`, hostPage({ head: HOSTS[name], body: BODY, deferred: true })],
    [`/${name}-bare`, hostPage({ head: HOSTS[name], body: BODY, withoutWidget: true })],
  ]);
  server = await startUiServer({ pages: Object.fromEntries(entries) });
  chromium = await launchBrowser();
});
afterEach(async () => {
  await Promise.all(pages.splice(0).map((page) => page.close()));
});
afterAll(async () => {
  await chromium?.close();
  await server?.close();
});

async function open(path: string): Promise<Page> {
  const page = await chromium.browser.newPage();
  pages.push(page);
  await page.goto(`${server.hostUrl}${path}`);
  await page.waitForLoadState('load');
  return page;
}

async function start(page: Page): Promise<void> {
  await page.waitForFunction(() => (window as unknown as { __parleyLoaded?: boolean }).__parleyLoaded === true);
  await page.evaluate(() => (window as unknown as { __startParley(): void }).__startParley());
  await widgetReady(page);
}

/** Computed styles and boxes of the widget's key elements, rounded to half pixels. */
function measure(page: Page) {
  return page.evaluate(() => {
    const root = document.querySelector('parley-widget-host')!.shadowRoot!;
    const round = (n: number) => Math.round(n * 2) / 2;
    const read = (selector: string, props: string[]) => {
      const el = root.querySelector(selector);
      if (!el) return null;
      const style = getComputedStyle(el);
      const box = el.getBoundingClientRect();
      const styles: Record<string, string> = Object.fromEntries(props.map((p) => [p, style.getPropertyValue(p)]));
      return { box: [box.x, box.y, box.width, box.height].map(round), ...styles } as Record<string, string | number[]>;
    };
    const text = ['font-family', 'font-size', 'line-height', 'font-weight', 'color', 'letter-spacing', 'text-transform', 'word-spacing', 'text-shadow', 'white-space', 'text-align', 'direction'];
    return {
      launcher: read('.launcher', ['display', 'background-color', 'color', 'border-radius', 'box-shadow', 'pointer-events', 'cursor', 'visibility']),
      launcherIcon: read('.launcher .icon-close', ['display', 'stroke']),
      panel: read('.panel', ['display', 'background-color', 'border-radius', 'box-sizing', 'padding', 'color-scheme', ...text]),
      header: read('.header', ['background-color', 'color', 'padding']),
      title: read('.header-title', text),
      composer: read('.composer textarea', ['font-size', 'line-height', 'font-family', 'padding', 'color', 'background-color']),
      send: read('.send-button', ['display', 'background-color', 'color']),
      visitorBubble: read('.group[data-role="visitor"] .bubble', ['padding', 'background-color', 'color', 'border-radius', ...text]),
      agentBubble: read('.group[data-role="agent"] .bubble', ['padding', 'background-color', 'color', 'border-radius', ...text]),
      agentAuthor: read('.group[data-role="agent"] .author', text),
    };
  });
}

/** Every computed style of every element outside the widget, keyed by its place in the tree. */
function pageStyles(page: Page) {
  return page.evaluate(() => {
    const out: Record<string, Record<string, string>> = {};
    const elements = Array.from(document.querySelectorAll('*')).filter((el) => el.localName !== 'parley-widget-host');
    for (const el of elements) {
      const path: string[] = [];
      for (let node: Element | null = el; node; node = node.parentElement) {
        path.unshift(`${node.localName}:${Array.prototype.indexOf.call(node.parentElement?.children ?? [], node)}`);
      }
      const style = getComputedStyle(el);
      const values: Record<string, string> = {};
      for (const property of Array.from(style)) values[property] = style.getPropertyValue(property);
      out[path.join('>')] = values;
    }
    return out;
  });
}

function documentSheets(page: Page) {
  return page.evaluate(() => ({
    sheets: Array.from(document.styleSheets).map((s) => s.href ?? `inline:${s.ownerNode?.nodeName}`),
    adopted: document.adoptedStyleSheets.length,
    head: Array.from(document.head.children).map((el) => el.outerHTML),
    htmlAttributes: Array.from(document.documentElement.attributes).map((a) => `${a.name}=${a.value}`),
    bodyAttributes: Array.from(document.body.attributes).map((a) => `${a.name}=${a.value}`),
  }));
}

describe('the host page cannot restyle the widget', () => {
  const measured: Partial<Record<HostName, Awaited<ReturnType<typeof measure>>>> = {};
  const shots: Partial<Record<HostName, { closed: Buffer; home: Buffer }>> = {};

  for (const name of NAMES) {
    it(`measures the widget on the ${name} page`, async () => {
      const page = await open(`/${name}`);
      await start(page);
      await settle(page);
      const launcher = (await inWidget(page, '.launcher').boundingBox())!;
      const closedClip = { x: launcher.x - 30, y: launcher.y - 30, width: launcher.width + 50, height: launcher.height + 50 };
      const closed = await page.screenshot({ clip: closedClip, animations: 'disabled' });

      await openPanel(page);
      await inWidget(page, '.home').waitFor();
      const panel = (await inWidget(page, '.panel').boundingBox())!;
      const viewport = page.viewportSize()!;
      const homeClip = { x: panel.x - 30, y: panel.y - 30, width: viewport.width - panel.x + 30, height: viewport.height - panel.y + 30 };
      const home = await page.screenshot({ clip: homeClip, animations: 'disabled', caret: 'hide' });
      shots[name] = { closed, home };
      // Kept for a person to look at when the comparison fails.
      await mkdir(SHOTS, { recursive: true });
      await writeFile(join(SHOTS, `${name}-closed.png`), closed);
      await writeFile(join(SHOTS, `${name}-home.png`), home);

      await goToChat(page);
      await sendFromComposer(page, 'Is the widget the same on every page?');
      await server.operator.reply(await conversationId(page), 'Yes, on every page.');
      await inWidget(page, '.group[data-role="agent"] .bubble').waitFor();
      await settle(page);
      measured[name] = await measure(page);

      // The hostile page's `pointer-events: none` on the host did not stop the clicks above;
      // and the visitor's text went in at the widget's own size.
      const size = await inWidget(page, '.composer textarea').evaluate((el) => parseFloat(getComputedStyle(el).fontSize));
      expect(size).toBeGreaterThanOrEqual(16);
    });
  }

  it('computed styles of every key element match the plain page exactly', () => {
    const plain = measured.plain!;
    expect(plain.launcher).toMatchObject({ box: [1200, 720, 60, 60], 'background-color': 'rgb(67, 56, 202)', display: 'grid' });
    expect(plain.panel).toMatchObject({ box: [880, 64, 380, 640], 'font-size': '15px', direction: 'ltr' });
    expect(parseFloat(String(plain.composer!['font-size']))).toBeGreaterThanOrEqual(16);
    expect(plain.visitorBubble!['padding']).toBe('10px 14px');
    expect(plain.agentBubble).not.toBeNull();
    for (const name of NAMES.filter((n) => n !== 'plain')) {
      expect(measured[name], name).toEqual(plain);
    }
  });

  it('screenshots of the widget match the plain page, up to anti-aliasing', async () => {
    const page = await open('/plain-bare');
    for (const name of NAMES.filter((n) => n !== 'plain')) {
      for (const state of ['closed', 'home'] as const) {
        const diff = await pixelDiff(page, shots.plain![state], shots[name]![state]);
        expect(diff.sameSize, `${name} ${state}`).toBe(true);
        // Allow a few anti-aliased edge pixels, nothing like a changed font or colour.
        expect(diff.differing / diff.total, `${name} ${state}: ${diff.differing} of ${diff.total} pixels differ`).toBeLessThan(0.002);
      }
    }
  });
});

describe('the widget cannot restyle the host page', () => {
  for (const name of NAMES) {
    it(`${name}: no page element changes style, and no stylesheet is added to the document`, async () => {
      const page = await open(`/${name}`);
      const sheetsBefore = await documentSheets(page);
      const before = await pageStyles(page);
      const buttonBefore = await page.locator('#host-button').evaluate((el) => getComputedStyle(el).backgroundColor);

      await start(page);
      await openPanel(page);
      await goToChat(page);
      await sendFromComposer(page, 'Checking the page around me');
      await settle(page);

      expect(await documentSheets(page)).toEqual(sheetsBefore);
      expect(sheetsBefore.adopted).toBe(0);
      const after = await pageStyles(page);
      expect(Object.keys(after)).toEqual(Object.keys(before));
      for (const [path, style] of Object.entries(before)) {
        const changed = Object.keys(style).filter((p) => style[p] !== after[path]![p]);
        expect(changed, `${name}: ${path} changed ${changed.map((p) => `${p}: ${style[p]} → ${after[path]![p]}`).join('; ')}`).toEqual([]);
      }
      expect(await page.locator('#host-button').evaluate((el) => getComputedStyle(el).backgroundColor)).toBe(buttonBefore);

      // The widget's own styles live only in its shadow root.
      const inside = await page.evaluate(() => {
        const root = document.querySelector('parley-widget-host')!.shadowRoot!;
        return root.adoptedStyleSheets.length + root.querySelectorAll('style').length;
      });
      expect(inside).toBeGreaterThan(0);
    });
  }

  it('a Bootstrap .btn-primary keeps its colour with and without the widget', async () => {
    const bare = await open('/bootstrap-bare');
    const color = await bare.locator('#host-button').evaluate((el) => getComputedStyle(el).backgroundColor);
    expect(color).toBe('rgb(13, 110, 253)');
    const page = await open('/bootstrap');
    await start(page);
    await openPanel(page);
    expect(await page.locator('#host-button').evaluate((el) => getComputedStyle(el).backgroundColor)).toBe(color);
    expect(await page.evaluate(() => (window as unknown as WidgetWindow).__widget.client.$session.get().status)).toBe('ready');
  });
});

/**
 * Opens the panel on a plain page, settled for reading colours: no colour transition (reduced
 * motion) and the pointer off the launcher, so its :hover shade does not colour the reading.
 * `styles` reads the background colour of shadow elements (`selector|borderRadius`: the radius).
 */
async function openForStyleReading(): Promise<{ page: Page; styles: (selectors: Record<string, string>) => Promise<Record<string, string>> }> {
  const page = await open('/plain');
  await page.emulateMedia({ reducedMotion: 'reduce' });
  await start(page);
  await openPanel(page);
  await inWidget(page, '.home').waitFor();
  await page.mouse.move(10, 10);
  const styles = (selectors: Record<string, string>) =>
    page.evaluate((wanted) => {
      const root = document.querySelector('parley-widget-host')!.shadowRoot!;
      return Object.fromEntries(
        Object.entries(wanted).map(([name, selector]) => {
          const [css, property = 'backgroundColor'] = selector.split('|') as [string, 'backgroundColor' | 'borderRadius'];
          return [name, getComputedStyle(root.querySelector(css)!)[property]];
        }),
      );
    }, selectors);
  return { page, styles };
}

describe('the host page can style the documented parts', () => {
  it('::part(launcher) and ::part(header) rules on the host element change those elements, and nothing else', async () => {
    const { page, styles } = await openForStyleReading();
    const read = () => styles({ launcher: '.launcher', launcherRadius: '.launcher|borderRadius', header: '.header', send: '.home .button' });
    const before = await read();
    expect(before.launcher).toBe('rgb(67, 56, 202)');

    await page.addStyleTag({
      content: `parley-widget-host::part(launcher) { background-color: rgb(0, 128, 0); border-radius: 8px; }
parley-widget-host::part(header) { background-color: rgb(255, 240, 200); }`,
    });
    const after = await read();
    expect(after.launcher).toBe('rgb(0, 128, 0)');
    expect(after.launcherRadius).toBe('8px');
    expect(after.header).toBe('rgb(255, 240, 200)');
    // Elements without a part keep the widget's own look.
    expect(after.send).toBe(before.send);
  });
});

describe('the host page can set tokens through parts', () => {
  it('a --parley-* token set on ::part(panel) recolours the panel; on the host element it is ignored', async () => {
    const { page, styles } = await openForStyleReading();
    const read = () => styles({ start: '.home .button', launcher: '.launcher' });
    expect(await read()).toEqual({ start: 'rgb(67, 56, 202)', launcher: 'rgb(67, 56, 202)' });

    await page.addStyleTag({ content: 'parley-widget-host { --parley-color-primary: rgb(0, 0, 200) !important; }' });
    expect(await read()).toEqual({ start: 'rgb(67, 56, 202)', launcher: 'rgb(67, 56, 202)' });

    await page.addStyleTag({ content: 'parley-widget-host::part(panel) { --parley-color-primary: rgb(200, 0, 0); }' });
    // The launcher is not inside the panel part, so it keeps the theme's colour.
    expect(await read()).toEqual({ start: 'rgb(200, 0, 0)', launcher: 'rgb(67, 56, 202)' });
  });
});
