// @vitest-environment node
// Server-side rendering (Next.js, Nuxt, Astro…) imports the package in Node, where there is no
// `window`. Importing must not throw and must not touch a browser global (house rule 7: no side
// effects at import time); `init()` there returns an inert handle that says why.
import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';
import { afterEach, beforeEach, describe, expect, it, vi, type MockInstance } from 'vitest';

type Entry = typeof import('../../../src/index.js');

const BROWSER_GLOBALS = [
  'window',
  'document',
  'navigator',
  'location',
  'history',
  'localStorage',
  'sessionStorage',
  'customElements',
  'HTMLElement',
] as const;

const distEsm = fileURLToPath(new URL('../../../dist/index.js', import.meta.url));
const distCjs = fileURLToPath(new URL('../../../dist/index.cjs', import.meta.url));
const built = existsSync(distEsm) && existsSync(distCjs);

let touched: string[] = [];
let saved: Map<string, PropertyDescriptor | undefined>;

/** Every browser global becomes a getter that records the access and throws. */
function poisonBrowserGlobals() {
  touched = [];
  saved = new Map();
  for (const name of BROWSER_GLOBALS) {
    saved.set(name, Object.getOwnPropertyDescriptor(globalThis, name));
    Object.defineProperty(globalThis, name, {
      configurable: true,
      get() {
        touched.push(name);
        throw new ReferenceError(`SSR test: \`${name}\` was read at import time`);
      },
    });
  }
}

function restoreGlobals() {
  for (const [name, descriptor] of saved) {
    if (descriptor) Object.defineProperty(globalThis, name, descriptor);
    else delete (globalThis as Record<string, unknown>)[name];
  }
}

/** Loads one build of the entry with the browser globals poisoned; restores them afterwards. */
async function importWithoutBrowser(load: () => Promise<unknown> | unknown): Promise<Entry> {
  poisonBrowserGlobals();
  try {
    return (await load()) as Entry;
  } finally {
    restoreGlobals();
  }
}

// What each build is: the shipped ESM and CJS files when built, else the source (a fresh clone).
const builds: Array<[string, () => Promise<unknown> | unknown]> = built
  ? [
      ['dist/index.js (ESM)', () => import(/* @vite-ignore */ distEsm)],
      ['dist/index.cjs (CJS)', () => createRequire(import.meta.url)(distCjs)],
    ]
  : [['src/index.ts', () => import('../../../src/index.js')]];

let warn: MockInstance<typeof console.warn>;
beforeEach(() => {
  warn = vi.spyOn(console, 'warn').mockImplementation(() => undefined);
  vi.spyOn(console, 'error').mockImplementation(() => undefined);
});
afterEach(() => vi.restoreAllMocks());

describe.each(builds)('parley-chat in Node without a DOM: %s', (_name, load) => {
  it('imports without throwing and without reading any browser global', async () => {
    expect(typeof (globalThis as { window?: unknown }).window).toBe('undefined');
    const entry = await importWithoutBrowser(load);
    expect(touched).toEqual([]);
    expect(typeof entry.init).toBe('function');
    expect(typeof entry.createClient).toBe('function');
  });

  it('init() returns an inert handle that says it needs a browser', async () => {
    const entry = await importWithoutBrowser(load);
    const widget = entry.init({ endpoint: 'https://support.example.com' });
    expect(widget.client).toBeNull();
    expect(() => {
      widget.open();
      widget.sendMessage('hello');
      widget.destroy();
    }).not.toThrow();
    await expect(widget.setLocale('ru')).resolves.toBeUndefined();
    expect(typeof widget.on('message', () => undefined)).toBe('function');
    const messages = warn.mock.calls.map((call) => String(call[0]));
    expect(messages.length).toBeGreaterThan(0);
    for (const message of messages) expect(message).toMatch(/Parley: init\(\) runs only in a browser .*server-side rendering/);
    // No widget was registered: getWidget finds nothing, and the custom element is a no-op here.
    expect(entry.getWidget()).toBeUndefined();
    expect(() => entry.defineParleyElement()).not.toThrow();
  });
});
