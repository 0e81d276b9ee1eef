// `maxStoredMessages` and `maxStoredBytes` as `init` options: validated like every other option
// (one error naming it, then the default), and handed to the client, so what is kept on the
// device really is capped. happy-dom has no IndexedDB, so `storage: 'local'` lands in localStorage.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { parseWidgetOptions } from '../../../src/embed/widgetOptions.js';
import type { WidgetOptions } from '../../../src/embed/widgetOptions.js';
import { destroyStarted, startWidget, waitFor } from './support/startWidget.js';

const endpoint = 'https://support.example.com';

let errors: string[];
beforeEach(() => {
  localStorage.clear();
  errors = [];
  vi.spyOn(console, 'error').mockImplementation((message: unknown) => void errors.push(String(message)));
  vi.spyOn(console, 'warn').mockImplementation(() => undefined);
});
afterEach(() => {
  destroyStarted();
  vi.restoreAllMocks();
  localStorage.clear();
});

describe('validation', () => {
  it('accepts positive integers for both caps and passes them through unchanged', () => {
    expect(parseWidgetOptions({ endpoint, maxStoredMessages: 20, maxStoredBytes: 65_536 })).toEqual({
      options: { endpoint, maxStoredMessages: 20, maxStoredBytes: 65_536 },
      errors: [],
      fatal: null,
    });
  });

  const BAD: Array<[string, unknown, string]> = [
    ['maxStoredMessages', 0, '0'],
    ['maxStoredMessages', -5, '-5'],
    ['maxStoredMessages', 2.5, '2.5'],
    ['maxStoredMessages', '20', '"20"'],
    ['maxStoredMessages', Number.POSITIVE_INFINITY, 'null'],
    ['maxStoredBytes', 0, '0'],
    ['maxStoredBytes', 1e6 + 0.5, '1000000.5'],
    ['maxStoredBytes', '1MB', '"1MB"'],
    ['maxStoredBytes', { kb: 100 }, '{"kb":100}'],
  ];
  it.each(BAD)('reports `%s: %o` once, naming the option and what it accepts, and uses the default', (key, value, shown) => {
    const { options, errors: found, fatal } = parseWidgetOptions({ endpoint, [key]: value });
    expect(fatal).toBeNull();
    expect(found).toEqual([`Parley: option \`${key}\` must be a positive integer, got ${shown}; using the default`]);
    expect(options).toEqual({ endpoint });
  });

  it('a bad cap costs only itself: init logs one error and the widget still starts with the other cap', async () => {
    const { widget } = startWidget({ storage: 'local', maxStoredMessages: -1, maxStoredBytes: 50_000 });
    expect(errors).toEqual(['Parley: option `maxStoredMessages` must be a positive integer, got -1; using the default']);
    await waitFor(() => expect(widget.client!.$connection.get()).toBe('online'));
  });
});

/** The transcript the widget saved to localStorage, once it holds `newest`. */
async function savedTranscript(newest: string) {
  const key = `parley:${location.host}:default:transcript`;
  let saved: { messages: Array<{ text: string }>; truncated: boolean } | undefined;
  await waitFor(() => {
    const raw = localStorage.getItem(key);
    saved = raw ? (JSON.parse(raw) as typeof saved) : undefined;
    expect(saved?.messages.at(-1)?.text).toBe(newest);
  });
  return { texts: saved!.messages.map((m) => m.text), truncated: saved!.truncated };
}

/** Sends `count` messages through a widget with these options and waits until all are confirmed. */
async function chat(options: Partial<WidgetOptions>, count: number) {
  const { widget } = startWidget({ storage: 'local', ...options });
  await waitFor(() => expect(widget.client!.$connection.get()).toBe('online'));
  const texts = Array.from({ length: count }, (_, i) => `message ${i + 1}`);
  for (const text of texts) widget.sendMessage(text);
  await waitFor(() => expect(widget.client!.$messages.get().filter((m) => m.state === 'sent')).toHaveLength(count));
  return texts;
}

describe('pass-through to the client', () => {
  it('without caps, every message of a short chat is kept on the device', async () => {
    const texts = await chat({}, 5);
    expect(await savedTranscript('message 5')).toEqual({ texts, truncated: false });
  });

  it('`maxStoredMessages: 3` keeps only the 3 newest messages on the device and marks older history as on the server', async () => {
    await chat({ maxStoredMessages: 3 }, 5);
    expect(await savedTranscript('message 5')).toEqual({ texts: ['message 3', 'message 4', 'message 5'], truncated: true });
  });

  it('`maxStoredBytes` smaller than one message keeps only the newest message on the device', async () => {
    await chat({ maxStoredBytes: 1 }, 4);
    expect(await savedTranscript('message 4')).toEqual({ texts: ['message 4'], truncated: true });
  });
});
