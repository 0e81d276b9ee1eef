// The handle `init()` returns, as a host page drives it: toggle, the launcher's show/hide, each
// event firing when it should (and not after its unsubscribe), and clear().
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { HttpError } from '../../../src/core/index.js';
import type { ParleyWidget, WidgetEvents } from '../../../src/embed/ParleyWidget.js';
import { destroyStarted, startWidget, waitFor, whenReady, widgetRoot } from './support/startWidget.js';

beforeEach(() => {
  vi.spyOn(console, 'warn').mockImplementation(() => undefined);
  vi.spyOn(console, 'error').mockImplementation(() => undefined);
});
afterEach(() => {
  destroyStarted();
  vi.restoreAllMocks();
  localStorage.clear();
});

const launcher = () => widgetRoot()?.querySelector<HTMLButtonElement>('[part="launcher"]') ?? null;
const panel = () => widgetRoot()?.querySelector<HTMLElement>('[role="dialog"]') ?? null;

/** A started widget with its panel rendered and its session live. */
async function ready(...args: Parameters<typeof startWidget>) {
  const started = startWidget(...args);
  await whenReady(started.widget);
  await waitFor(() => expect(started.widget.client!.$connection.get()).toBe('online'));
  return started;
}

/** Records one event's payloads until `off()`. */
function listen<K extends keyof WidgetEvents>(widget: ParleyWidget, event: K) {
  const seen: Array<WidgetEvents[K]> = [];
  const off = widget.on(event, (payload) => seen.push(payload));
  return { seen, off };
}

describe('toggle()', () => {
  it('opens the closed panel and closes the open one', async () => {
    const { widget } = await ready();
    expect(panel()!.hidden).toBe(true);
    widget.toggle();
    await waitFor(() => expect(panel()!.hidden).toBe(false));
    expect(launcher()!.getAttribute('aria-expanded')).toBe('true');
    widget.toggle();
    await waitFor(() => expect(panel()!.hidden).toBe(true));
    expect(launcher()!.getAttribute('aria-expanded')).toBe('false');
  });
});

describe('show() and hide()', () => {
  it('remove the launcher button from the page and bring it back', async () => {
    const { widget } = await ready();
    expect(launcher()).not.toBeNull();
    widget.hide();
    await waitFor(() => expect(launcher()).toBeNull());
    // The host's own button still opens the chat.
    widget.open();
    await waitFor(() => expect(panel()!.hidden).toBe(false));
    widget.show();
    await waitFor(() => expect(launcher()).not.toBeNull());
  });
});

describe('on(event, fn)', () => {
  it("'ready' fires once the panel is rendered", async () => {
    const { widget } = startWidget();
    const ready = listen(widget, 'ready');
    const dropped = listen(widget, 'ready');
    dropped.off();
    expect(ready.seen).toHaveLength(0);
    await waitFor(() => expect(ready.seen).toHaveLength(1));
    expect(launcher()).not.toBeNull();
    expect(dropped.seen).toHaveLength(0);
  });

  it("'open' and 'close' fire on each change, until unsubscribed", async () => {
    const { widget } = await ready();
    const opened = listen(widget, 'open');
    const closed = listen(widget, 'close');
    widget.open();
    widget.close();
    expect([opened.seen.length, closed.seen.length]).toEqual([1, 1]);
    // The visitor's own click on the launcher counts too.
    launcher()!.click();
    await waitFor(() => expect(opened.seen).toHaveLength(2));
    opened.off();
    closed.off();
    widget.close();
    widget.open();
    expect([opened.seen.length, closed.seen.length]).toEqual([2, 1]);
  });

  it("'message' fires for an agent's reply, until unsubscribed", async () => {
    const { widget, transport } = await ready({}, { conversation: {} });
    const messages = listen(widget, 'message');
    transport.desk.say('Hello, how can I help?');
    await waitFor(() => expect(messages.seen.map((m) => m.text)).toEqual(['Hello, how can I help?']));
    expect(messages.seen[0]!.author.role).toBe('agent');
    messages.off();
    transport.desk.say('Are you still there?');
    await waitFor(() => expect(widget.client!.$messages.get().map((m) => m.text)).toContain('Are you still there?'));
    expect(messages.seen).toHaveLength(1);
  });

  it("'unread' fires with the count while the panel is closed, until unsubscribed", async () => {
    const { widget, transport } = await ready({}, { conversation: {} });
    const unread = listen(widget, 'unread');
    transport.desk.say('First');
    await waitFor(() => expect(unread.seen.at(-1)).toBe(1));
    transport.desk.say('Second');
    await waitFor(() => expect(unread.seen.at(-1)).toBe(2));
    unread.off();
    transport.desk.say('Third');
    await waitFor(() => expect(widget.client!.$unread.get()).toBe(3));
    expect(unread.seen.at(-1)).toBe(2);
  });

  it("'locale' fires with the new language, until unsubscribed", async () => {
    const { widget } = await ready({ locale: 'en' });
    const locale = listen(widget, 'locale');
    await widget.setLocale('ru');
    expect(locale.seen).toEqual(['ru']);
    locale.off();
    await widget.setLocale('de');
    expect(widget.client!.$locale.get()).toBe('de');
    expect(locale.seen).toEqual(['ru']);
  });

  it("'status' fires when the desk resolves or reopens the conversation, until unsubscribed", async () => {
    const { widget, transport } = await ready({}, { conversation: {} });
    const status = listen(widget, 'status');
    transport.desk.resolve();
    await waitFor(() => expect(status.seen.map((c) => c.status)).toEqual(['resolved']));
    status.off();
    transport.desk.reopen();
    await waitFor(() => expect(widget.client!.$conversation.get()?.status).toBe('open'));
    expect(status.seen).toHaveLength(1);
  });

  it("'error' fires with a coded ParleyError when a message is refused, until unsubscribed", async () => {
    const refused = new HttpError(422, 'message_rejected', 'Parley: the desk refused this message');
    const { widget } = await ready({}, { conversation: {}, fail: (operation) => (operation === 'sendMessage' ? refused : null) });
    const errors = listen(widget, 'error');
    widget.sendMessage('Hello');
    await waitFor(() => expect(errors.seen).toHaveLength(1));
    expect(errors.seen[0]).toMatchObject({ name: 'HttpError', status: 422 });
    errors.off();
    widget.sendMessage('Hello again');
    await waitFor(() => expect(widget.client!.$messages.get().filter((m) => m.state === 'failed')).toHaveLength(2));
    expect(errors.seen).toHaveLength(1);
  });

  it('unsubscribing one listener leaves the others subscribed', async () => {
    const { widget } = await ready();
    const kept = listen(widget, 'open');
    const dropped = listen(widget, 'open');
    dropped.off();
    widget.open();
    expect([kept.seen.length, dropped.seen.length]).toEqual([1, 0]);
  });
});

describe('clear()', () => {
  it('forgets the transcript and local data, and ends the server session', async () => {
    const { widget, transport, calls } = await ready({ storage: 'local' }, { conversation: {} });
    transport.desk.say('Your order A-1042 has shipped');
    await waitFor(() => expect(widget.client!.$messages.get()).toHaveLength(1));
    await waitFor(() => expect(Object.keys(localStorage).some((key) => key.startsWith('parley:'))).toBe(true));

    await widget.clear();

    expect(calls.map(([operation]) => operation)).toContain('endSession');
    expect(widget.client!.$messages.get()).toEqual([]);
    await waitFor(() => expect(Object.keys(localStorage).filter((key) => key.startsWith('parley:'))).toEqual([]));
    await waitFor(() => expect(widgetRoot()!.textContent).not.toContain('A-1042'));
  });
});

describe('launcher: { hidden: true } then show()', () => {
  it('starts without our launcher, and show() brings it back because the host asked for it', async () => {
    const { widget } = await ready({ launcher: { hidden: true } });
    expect(launcher()).toBeNull();
    widget.show();
    await waitFor(() => expect(launcher()).not.toBeNull());
    launcher()!.click();
    await waitFor(() => expect(panel()!.hidden).toBe(false));
    widget.hide();
    await waitFor(() => expect(launcher()).toBeNull());
  });

  it('keeps a show() called before the panel has rendered', async () => {
    const { widget } = startWidget({ launcher: { hidden: true } });
    widget.show();
    await whenReady(widget);
    await waitFor(() => expect(launcher()).not.toBeNull());
  });
});
