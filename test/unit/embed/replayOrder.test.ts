// The queue stub records `Parley(…)` calls made before parley.js has loaded; the loader replays
// them through `dispatch`. The README's order, `identify` before `init`, must not lose a call.
import { afterEach, beforeEach, describe, expect, it, vi, type MockInstance } from 'vitest';
import { dispatch } from '../../../src/embed/dispatch.js';
import { getWidget } from '../../../src/embed/init.js';
import { replayOrder, type QueuedCall } from '../../../src/embed/replayOrder.js';
import { recordingTransport, waitFor, whenReady, widgetRoot } from './support/startWidget.js';

const identity = { userId: 'u_42', expires: 4_102_444_800, signature: 'b'.repeat(64) };

describe('replayOrder', () => {
  it('runs the queued init first and keeps every other call in the order the page made it', () => {
    const queued: QueuedCall[] = [['open'], ['identify', identity], ['setContext', { plan: 'pro' }], ['init', { endpoint: 'https://a.example' }], ['sendMessage', 'Hi']];
    expect(replayOrder(queued, false)).toEqual([
      ['init', { endpoint: 'https://a.example' }],
      ['open'],
      ['identify', identity],
      ['setContext', { plan: 'pro' }],
      ['sendMessage', 'Hi'],
    ]);
  });

  it('starts with an empty init when only the data attributes configure the widget', () => {
    expect(replayOrder([['open'], ['setLocale', 'ru']], true)).toEqual([['init', {}], ['open'], ['setLocale', 'ru']]);
  });

  it('adds no init when neither the page nor the tag asked for one', () => {
    expect(replayOrder([['open']], false)).toEqual([['open']]);
  });

  it('moves only the first init: a later destroy and init stay where the page put them', () => {
    const queued: QueuedCall[] = [['open'], ['init', { id: 'a' }], ['destroy'], ['init', { id: 'b' }]];
    expect(replayOrder(queued, true)).toEqual([['init', { id: 'a' }], ['open'], ['destroy'], ['init', { id: 'b' }]]);
  });
});

describe("replaying Parley('open'), Parley('identify', …), Parley('init', …) through dispatch", () => {
  let warn: MockInstance<typeof console.warn>;
  beforeEach(() => {
    warn = vi.spyOn(console, 'warn').mockImplementation(() => undefined);
    vi.spyOn(console, 'error').mockImplementation(() => undefined);
  });
  afterEach(() => {
    getWidget()?.destroy();
    vi.restoreAllMocks();
  });

  it('opens the widget and signs the visitor in: no call is dropped as "before init"', async () => {
    const { transport, calls } = recordingTransport();
    const queued: QueuedCall[] = [['open'], ['identify', identity], ['init', { transport, storage: 'none' }]];
    for (const [method, ...args] of replayOrder(queued, false)) dispatch(method, args);

    expect(warn.mock.calls.map(([message]) => String(message)).filter((m) => m.includes('before init'))).toEqual([]);
    const widget = getWidget()!;
    expect(widget.client).not.toBeNull();
    await whenReady(widget);
    await waitFor(() => expect(widgetRoot()!.querySelector<HTMLElement>('[role="dialog"]')!.hidden).toBe(false));
    // The identity reached the backend with the session the widget ended up using.
    await waitFor(() =>
      expect(calls.filter(([operation]) => operation === 'createSession').at(-1)).toEqual(['createSession', expect.objectContaining({ identity })]),
    );
    transport.desk.dispose();
  });
});
