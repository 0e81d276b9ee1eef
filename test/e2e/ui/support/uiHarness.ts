// Shared set-up of the widget UI tests (test/e2e/ui): the built reference server (with options
// a test needs, such as desk hours or a broken brand avatar), an optional fault proxy in front of
// it, the demo host serving one-off host pages, and helpers that reach into the widget's open
// shadow root. Everything here runs the shipped dist/ in Debian's Chromium: run `npm run build`.
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Locator, Page } from 'playwright-core';
import { startDemoHost } from '../../../../scripts/startDemoHost.mjs';
import { type FaultProxy, createFaultProxy } from '../../../support/createFaultProxy.js';
import { operatorApi } from '../../../support/operator.js';
import type { ParleyServerOptions } from '../../../../src/server/index.js';

const distServer = new URL('../../../../dist/server.js', import.meta.url).href;
type ServerModule = typeof import('../../../../src/server/index.js');

export interface UiServer {
  apiUrl: string;
  /** The demo host; one-off pages are served at the paths given in `pages`. */
  hostUrl: string;
  /** What the pages' `{{PARLEY_ENDPOINT}}` points at: the proxy when there is one, else the server. */
  endpoint: string;
  operator: ReturnType<typeof operatorApi>;
  operatorKey: string;
  proxy: FaultProxy | null;
  close(): Promise<void>;
}

/**
 * The built reference server on a random port, with rate limiting off (these tests open many
 * sessions from one address), and the demo host in front of it.
 */
export async function startUiServer(
  options: {
    pages?: Record<string, string>;
    server?: Omit<ParleyServerOptions, 'port' | 'dataDir'>;
    proxy?: boolean;
  } = {},
): Promise<UiServer> {
  const dataDir = await mkdtemp(join(tmpdir(), 'parley-ui-'));
  const { createParleyServer } = (await import(distServer)) as ServerModule;
  const api = await createParleyServer({ quiet: true, limits: { rate: false }, ...options.server, port: 0, dataDir });
  const proxy = options.proxy ? await createFaultProxy(Number(new URL(api.url).port)) : null;
  const endpoint = proxy ? proxy.url : api.url;
  const host = await startDemoHost({ port: 0, endpoint, pages: options.pages ?? {} });
  return {
    apiUrl: api.url,
    hostUrl: host.url,
    endpoint,
    operator: operatorApi(api.url, api.operatorKey),
    operatorKey: api.operatorKey,
    proxy,
    async close() {
      await host.close();
      await proxy?.close();
      await api.close();
      await rm(dataDir, { recursive: true, force: true });
    },
  };
}

export interface HostPageOptions {
  /** Extra markup in <head>: the host's stylesheets. */
  head?: string;
  /** The host's own content, before the widget's script. */
  body?: string;
  /** Options for `init`; `endpoint` defaults to the page's `{{PARLEY_ENDPOINT}}`. */
  init?: Record<string, unknown>;
  lang?: string;
  /** Leave the widget out: the same page without Parley, for comparisons. */
  withoutWidget?: boolean;
  /** Start the widget only when the test calls `window.__startParley()`. */
  deferred?: boolean;
}

/**
 * A host page that starts the widget through the script-tag bundle's `dispatch('init')`, as the
 * loader does, and exposes it as `window.__widget` (`window.__parleyReady` once the UI is drawn).
 */
export function hostPage(options: HostPageOptions = {}): string {
  const init = { endpoint: '{{PARLEY_ENDPOINT}}', storage: 'none', ...options.init };
  const script = options.withoutWidget
    ? ''
    : `<script type="module">
  import * as parley from '/parley/widget/parley-widget.js';
  window.__startParley = () => {
    const widget = parley.dispatch('init', [${JSON.stringify(init)}]);
    window.__widget = widget;
    widget.on('ready', () => { window.__parleyReady = true; });
  };
  ${options.deferred ? 'window.__parleyLoaded = true;' : 'window.__startParley();'}
</script>`;
  return `<!doctype html>
<html lang="${options.lang ?? 'en'}"><head><meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>Host page</title>
${options.head ?? ''}</head>
<body>
${options.body ?? '<main><h1>A host page</h1><p>Some content of the host.</p></main>'}
${script}
</body></html>`;
}

type WidgetWindow = Window & {
  __parleyReady?: boolean;
  __widget: {
    open(): void;
    close(): void;
    sendMessage(text: string): void;
    setTheme(theme: Record<string, unknown>): void;
    client: {
      $session: { get(): { status: string } };
      $conversation: { get(): { id: string; status: string } | null };
      $connection: { get(): string };
      $config: { get(): unknown };
      $messages: { get(): Array<{ state: string; text: string; author: { role: string } }> };
    };
  };
};

/** A locator inside the widget's shadow root (Playwright's CSS engine pierces open shadow roots). */
export const inWidget = (page: Page, selector: string): Locator => page.locator('parley-widget-host').locator(selector);

/** Waits until the UI is drawn and, unless `session: false`, the session and config are loaded. */
export async function widgetReady(page: Page, { session = true } = {}): Promise<void> {
  await page.waitForFunction(() => (window as unknown as WidgetWindow).__parleyReady === true);
  if (session) {
    await page.waitForFunction(() => {
      const client = (window as unknown as WidgetWindow).__widget.client;
      return client.$session.get().status === 'ready' && client.$config.get() !== null;
    });
  }
}

/** Opens the panel with a click on the launcher, as a visitor would, and waits for it to settle. */
export async function openPanel(page: Page): Promise<void> {
  await inWidget(page, '.launcher').click();
  await inWidget(page, '.panel').waitFor({ state: 'visible' });
  await settle(page);
}

/** From the home screen to the chat: "Start a conversation", then the "Other" topic if asked. */
export async function goToChat(page: Page): Promise<void> {
  const composer = inWidget(page, '.composer textarea');
  if (await composer.isVisible()) return;
  await inWidget(page, '.start-card .button').click();
  const other = inWidget(page, '.topic').last();
  await Promise.race([composer.waitFor(), other.waitFor()]);
  if (!(await composer.isVisible())) await other.click();
  await composer.waitFor();
  await settle(page);
}

/** Types into the composer and sends with Enter; waits until the server has the message. */
export async function sendFromComposer(page: Page, text: string): Promise<void> {
  const composer = inWidget(page, '.composer textarea');
  await composer.fill(text);
  await composer.press('Enter');
  await page.waitForFunction(
    (sent) => (window as unknown as WidgetWindow).__widget.client.$messages.get().some((m) => m.text === sent && m.state === 'sent'),
    text,
  );
}

/** The id of the visitor's conversation, once the first message created it. */
export async function conversationId(page: Page): Promise<string> {
  const handle = await page.waitForFunction(() => (window as unknown as WidgetWindow).__widget.client.$conversation.get()?.id);
  return (await handle.jsonValue()) as string;
}

/** Waits until every finite animation and transition in the widget has finished. */
export async function settle(page: Page): Promise<void> {
  await page.waitForFunction(() => {
    const root = document.querySelector('parley-widget-host')?.shadowRoot;
    if (!root) return true;
    return root.getAnimations().every((a) => a.playState !== 'running' || a.effect?.getComputedTiming().iterations === Infinity);
  });
  // One more frame, so layout after the last animation step is what is measured.
  await page.evaluate(() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r))));
}

/** The focused element, looking through shadow roots: a short description for assertions. */
export async function activeElement(page: Page): Promise<{ inWidget: boolean; tag: string; label: string; className: string }> {
  return page.evaluate(() => {
    let el: Element | null = document.activeElement;
    let inside = false;
    while (el?.shadowRoot?.activeElement) {
      if (el.tagName === 'PARLEY-WIDGET-HOST') inside = true;
      el = el.shadowRoot.activeElement;
    }
    if (el?.tagName === 'PARLEY-WIDGET-HOST') inside = true;
    const label =
      el?.getAttribute('aria-label') ?? (el as HTMLElement | null)?.innerText?.trim().replace(/\s+/g, ' ').slice(0, 60) ?? '';
    return { inWidget: inside, tag: el?.tagName.toLowerCase() ?? '', label, className: (el as HTMLElement | null)?.className?.toString() ?? '' };
  });
}

/**
 * Compares two PNG screenshots pixel by pixel in the browser's own decoder (no image library
 * needed): how many pixels differ in any channel by more than `tolerance`, and the largest delta.
 */
export async function pixelDiff(page: Page, a: Buffer, b: Buffer, tolerance = 24): Promise<{ differing: number; total: number; maxDelta: number; sameSize: boolean }> {
  return page.evaluate(
    async ({ a, b, tolerance }) => {
      const load = async (base64: string) => {
        const bitmap = await createImageBitmap(await (await fetch(`data:image/png;base64,${base64}`)).blob());
        const canvas = new OffscreenCanvas(bitmap.width, bitmap.height);
        const context = canvas.getContext('2d')!;
        context.drawImage(bitmap, 0, 0);
        return context.getImageData(0, 0, bitmap.width, bitmap.height);
      };
      const [x, y] = await Promise.all([load(a), load(b)]);
      if (x.width !== y.width || x.height !== y.height) return { differing: -1, total: 0, maxDelta: 255, sameSize: false };
      let differing = 0;
      let maxDelta = 0;
      for (let i = 0; i < x.data.length; i += 4) {
        const delta = Math.max(
          Math.abs(x.data[i]! - y.data[i]!),
          Math.abs(x.data[i + 1]! - y.data[i + 1]!),
          Math.abs(x.data[i + 2]! - y.data[i + 2]!),
        );
        maxDelta = Math.max(maxDelta, delta);
        if (delta > tolerance) differing++;
      }
      return { differing, total: x.width * x.height, maxDelta, sameSize: true };
    },
    { a: a.toString('base64'), b: b.toString('base64'), tolerance },
  );
}

/**
 * Bundles a browser entry (and the sources it imports) into one ES module, for a `<script
 * type="module">` in a one-off page. esbuild comes with tsup, the package's build tool.
 */
export async function bundleForBrowser(entry: string): Promise<string> {
  const { build } = await import('esbuild');
  const result = await build({
    entryPoints: [entry],
    bundle: true,
    format: 'esm',
    target: 'es2022',
    write: false,
    jsx: 'automatic',
    jsxImportSource: 'preact',
    logLevel: 'silent',
  });
  // Inline in a page: a literal "</script" inside the code would end the script element.
  return result.outputFiles[0]!.text.replaceAll('</script', '<\\/script');
}

export type { WidgetWindow };
