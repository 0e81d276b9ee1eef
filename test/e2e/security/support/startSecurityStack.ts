import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { startDemoHost } from '../../../../scripts/startDemoHost.mjs';

// The built server and widget, as they ship (run `npm run build` first, under the dist lock).
const distServer = new URL('../../../../dist/server.js', import.meta.url).href;
type ServerModule = typeof import('../../../../src/server/index.js');
export type RunningServer = Awaited<ReturnType<ServerModule['createParleyServer']>>;

export interface SecurityStack {
  server: RunningServer;
  /** The host site's origin; the widget is same-origin under /parley/. */
  hostUrl: string;
  operator(path: string, body?: unknown, method?: string): Promise<any>;
  close(): Promise<void>;
}

/** The reference backend (real SQLite file, rate limits off) and a static host with test pages. */
export async function startSecurityStack(
  options: {
    pages?: Record<string, string>;
    headers?: Record<string, string> | ((apiUrl: string) => Record<string, string>);
    server?: Parameters<ServerModule['createParleyServer']>[0];
  } = {},
): Promise<SecurityStack> {
  const dataDir = await mkdtemp(join(tmpdir(), 'parley-sec-'));
  const { createParleyServer } = (await import(distServer)) as ServerModule;
  const server = await createParleyServer({ port: 0, dataDir, quiet: true, limits: { rate: false }, ...options.server });
  const headers = typeof options.headers === 'function' ? options.headers(server.url) : (options.headers ?? {});
  const host = await startDemoHost({ port: 0, endpoint: server.url, pages: options.pages ?? {}, headers });
  return {
    server,
    hostUrl: host.url,
    async operator(path, body, method = body === undefined ? 'GET' : 'POST') {
      const res = await fetch(`${server.url}/v1/operator${path}`, {
        method,
        headers: { Authorization: `Bearer ${server.operatorKey}`, ...(body !== undefined ? { 'Content-Type': 'application/json' } : {}) },
        ...(body !== undefined ? { body: JSON.stringify(body) } : {}),
      });
      const text = await res.text();
      if (!res.ok) throw new Error(`operator ${method} ${path}: ${res.status} ${text.slice(0, 200)}`);
      return text ? JSON.parse(text) : null;
    },
    async close() {
      await host.close();
      await server.close();
      await rm(dataDir, { recursive: true, force: true });
    },
  };
}

/** A host page that embeds the widget by script tag (no inline script, so it also works under CSP). */
export function hostPage(attributes: Record<string, string> = {}, head = ''): string {
  const attrs = Object.entries({ 'data-endpoint': '{{PARLEY_ENDPOINT}}', 'data-widget-id': 'sec', ...attributes })
    .map(([k, v]) => `${k}="${v}"`)
    .join(' ');
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Host</title>${head}
<script async src="/parley/parley.js" ${attrs}></script></head><body><main><h1>Host page</h1></main></body></html>`;
}

/**
 * Installs the XSS trap before any page script: payloads call `__xss++` or `alert()`. Also
 * records CSP violations and page errors, so one call arms every check of these suites.
 */
export async function armPage(page: Page): Promise<{ dialogs: string[]; errors: string[] }> {
  const dialogs: string[] = [];
  const errors: string[] = [];
  page.on('dialog', (dialog) => {
    dialogs.push(dialog.message());
    void dialog.dismiss();
  });
  page.on('pageerror', (error) => errors.push(error.message));
  await page.addInitScript(() => {
    const w = window as unknown as { __xss: number; __violations: string[] };
    w.__xss = 0;
    w.__violations = [];
    for (const name of ['alert', 'confirm', 'prompt'] as const) {
      const original = window[name].bind(window);
      (window as unknown as Record<string, unknown>)[name] = (...args: unknown[]) => {
        w.__xss++;
        return (original as (...a: unknown[]) => unknown)(...args);
      };
    }
    document.addEventListener('securitypolicyviolation', (event) => {
      w.__violations.push(`${event.violatedDirective} ${event.blockedURI} ${event.sourceFile}:${event.lineNumber}`);
    });
  });
  return { dialogs, errors };
}

export const trapCount = (page: Page) => page.evaluate(() => (window as unknown as { __xss: number }).__xss);
export const violations = (page: Page) => page.evaluate(() => (window as unknown as { __violations: string[] }).__violations);

/** The widget's shadow root content and the checks every rendering test repeats. */
export function inspectWidget(page: Page) {
  return page.evaluate(() => {
    const root = document.querySelector('parley-widget-host')?.shadowRoot;
    if (!root) return null;
    const links = [...root.querySelectorAll('a')].map((a) => ({
      href: a.getAttribute('href') ?? '',
      rel: a.getAttribute('rel') ?? '',
      inText: Boolean(a.closest('.rich')),
    }));
    const scroll = root.querySelector('.log-wrap .scroll') as HTMLElement | null;
    const panel = root.querySelector('.panel') as HTMLElement | null;
    const box = panel?.getBoundingClientRect();
    return {
      links,
      // Anything a message could smuggle in: markup elements, inline handlers, images in text.
      dangerous: [
        ...root.querySelectorAll(
          '.messages script, .messages iframe, .messages object, .messages embed, .messages link, .messages style, .messages math, .messages form, .messages input, .rich svg, .rich img, .quick-replies *:not(button), [onload], [onerror], [onclick], [onfocus], [onbegin], [ontoggle], [style*="position"]',
        ),
      ].map((el) => el.outerHTML.slice(0, 120)),
      overflow: scroll ? scroll.scrollWidth - scroll.clientWidth : null,
      bubbles: root.querySelectorAll('.message').length,
      quickReplies: root.querySelectorAll('.quick-reply').length,
      attachments: root.querySelectorAll('.attachment-file, .attachment-image').length,
      panel: box ? { x: Math.round(box.x), y: Math.round(box.y), width: Math.round(box.width), height: Math.round(box.height) } : null,
      pageOverflow: document.documentElement.scrollWidth - document.documentElement.clientWidth,
      html: root.innerHTML,
    };
  });
}

/** Opens the widget, sends `first` through the public API and goes to the conversation screen. */
export async function openConversation(page: Page, first: string | null): Promise<void> {
  await page.waitForFunction(() => typeof (window as unknown as { Parley?: unknown }).Parley === 'function');
  await page.evaluate((text) => {
    const Parley = (window as unknown as { Parley: (...args: unknown[]) => unknown }).Parley;
    Parley('open');
    if (text !== null) Parley('sendMessage', text);
  }, first);
  // The home screen offers "Continue" once the conversation exists.
  await page.locator('.start-card button[data-autofocus]').first().click({ timeout: 15000 });
  await page.locator('.message').first().waitFor({ timeout: 15000 });
}
