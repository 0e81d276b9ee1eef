import { act } from 'preact/test-utils';
import { afterEach, vi } from 'vitest';
import {
  createClient,
  createI18n,
  createMemoryTransport,
  type MemoryTransportOptions,
  type ParleyStorage,
} from '../../../src/core/index.js';
import { createViewState, type WidgetScreen } from '../../../src/ui/createViewState.js';
import { renderWidget } from '../../../src/ui/renderWidget.js';
import { preloadLazyParts } from '../../../src/ui/lazy.js';
import type { WidgetViewOptions } from '../../../src/ui/WidgetViewOptions.js';

export interface SetupOptions {
  transport?: MemoryTransportOptions;
  locale?: string;
  open?: boolean;
  screen?: WidgetScreen;
  widget?: Partial<WidgetViewOptions>;
  /** Storage for the client (default: memory); pass the same one to a second setup to "reload". */
  storage?: ParleyStorage;
}

/** Lets nanostores' batched re-renders (a setTimeout in @nanostores/preact) and promises settle. */
export async function settle(rounds = 3): Promise<void> {
  for (let i = 0; i < rounds; i++) {
    await act(async () => {
      await new Promise((resolve) => setTimeout(resolve, 0));
    });
  }
}

/** A real client over the memory transport, rendered with renderWidget into a fresh shadow root. */
export async function setup(options: SetupOptions = {}) {
  const transport = createMemoryTransport({ autoReply: false, ...options.transport });
  const warnings: string[] = [];
  const client = createClient({
    transport,
    locale: options.locale ?? 'en',
    onWarning: (m) => warnings.push(m),
    ...(options.storage ? { storage: options.storage } : {}),
  });
  const i18n = createI18n({ locale: client.$locale, onWarning: (m) => warnings.push(m) });
  const view = createViewState({ open: options.open ?? true, screen: options.screen ?? 'chat' });
  const host = document.createElement('div');
  document.body.append(host);
  const root = host.attachShadow({ mode: 'open' });
  await client.start();
  await i18n.whenReady();
  // Rarely shown parts are lazy chunks; load them first so every test sees the whole panel.
  await preloadLazyParts();
  // The secret guard (checked on every send) is a lazy chunk too; warm it so sends are prompt.
  await import('../../../src/ui/model/secretGuardChunk.js');
  let unmount: () => void = () => undefined;
  await act(() => {
    unmount = renderWidget(root, { client, i18n, view, onWarning: (m) => warnings.push(m), ...options.widget });
  });
  await settle();
  const $ = <T extends Element = HTMLElement>(selector: string) => root.querySelector<T>(selector);
  const $$ = <T extends Element = HTMLElement>(selector: string) => Array.from(root.querySelectorAll<T>(selector));
  return {
    transport,
    desk: transport.desk,
    client,
    i18n,
    view,
    host,
    root,
    warnings,
    $,
    $$,
    unmount: () => unmount(),
    cleanup() {
      unmount();
      transport.desk.dispose();
      client.destroy();
      host.remove();
    },
  };
}

export async function click(element: Element | null): Promise<void> {
  if (!element) throw new Error('click: no element');
  await act(() => {
    (element as HTMLElement).click();
  });
  await settle();
}

export async function type(textarea: HTMLTextAreaElement | HTMLInputElement, value: string): Promise<void> {
  await act(() => {
    textarea.value = value;
    textarea.dispatchEvent(new Event('input', { bubbles: true }));
  });
  await settle();
}

export async function key(target: Element, init: KeyboardEventInit): Promise<KeyboardEvent> {
  const event = new KeyboardEvent('keydown', { bubbles: true, cancelable: true, composed: true, ...init });
  await act(() => {
    target.dispatchEvent(event);
  });
  await settle();
  return event;
}

export type Env = Awaited<ReturnType<typeof setup>>;

/**
 * `setup` for a test file: call once at its top level; every widget it opens is cleaned up (and
 * spies restored) after each test.
 */
export function setupPerTest(): (options?: SetupOptions) => Promise<Env> {
  let envs: Env[] = [];
  afterEach(() => {
    for (const env of envs) env.cleanup();
    envs = [];
    vi.restoreAllMocks();
  });
  return async (options = {}) => {
    const env = await setup(options);
    // A test may clean up early (to "reload" on the same storage); the second call is a no-op.
    const cleanup = env.cleanup;
    let done = false;
    env.cleanup = () => {
      if (!done) cleanup();
      done = true;
    };
    envs.push(env);
    return env;
  };
}
