// What `init()` does with the options that decide whether and how the widget starts: `user`
// reaches the desk, and a `target` that matches nothing starts nothing at all.
import { afterEach, beforeEach, describe, expect, it, vi, type MockInstance } from 'vitest';
import { getWidget, init } from '../../../src/embed/init.js';
import { destroyStarted, recordingTransport, startWidget, waitFor, widgetRoot } from './support/startWidget.js';

let error: MockInstance<typeof console.error>;
let warn: MockInstance<typeof console.warn>;

beforeEach(() => {
  error = vi.spyOn(console, 'error').mockImplementation(() => undefined);
  warn = vi.spyOn(console, 'warn').mockImplementation(() => undefined);
});
afterEach(() => {
  destroyStarted();
  vi.restoreAllMocks();
  document.body.replaceChildren();
});

describe('init({ user })', () => {
  it("sends the visitor's name and email to the desk once the session is ready", async () => {
    const { calls } = startWidget({ user: { name: 'Jane Doe', email: 'jane@example.com' } });
    await waitFor(() => expect(calls).toContainEqual(['updateSession', { name: 'Jane Doe', email: 'jane@example.com' }]));
    // After the session exists, never in place of it: the desk has a visitor to attach them to.
    const order = calls.map(([operation]) => operation);
    expect(order.indexOf('createSession')).toBeLessThan(order.indexOf('updateSession'));
    expect(error).not.toHaveBeenCalled();
  });

  it('sends them again for the new session that identify() starts', async () => {
    const { widget, calls } = startWidget({ user: { name: 'Jane Doe' } });
    const updates = () => calls.filter(([operation]) => operation === 'updateSession');
    await waitFor(() => expect(updates()).toHaveLength(1));
    await widget.identify({ userId: 'u_42', expires: 4_102_444_800, signature: 'a'.repeat(64) });
    await waitFor(() => expect(updates()).toEqual([['updateSession', { name: 'Jane Doe' }], ['updateSession', { name: 'Jane Doe' }]]));
    expect(calls.filter(([operation]) => operation === 'createSession')).toHaveLength(2);
  });

  it('sends nothing extra without the option', async () => {
    const { calls } = startWidget();
    await waitFor(() => expect(calls.map(([operation]) => operation)).toContain('openEvents'));
    expect(calls.map(([operation]) => operation)).not.toContain('updateSession');
  });
});

describe('init({ target }) that matches nothing', () => {
  it.each([
    ['a selector with no match', '#no-such-container', '"#no-such-container"'],
    ['a selector the browser cannot parse', '##chat', '"##chat"'],
  ])('%s: one error naming `target`, no session, no live connection, no widget kept', async (_case, target, shown) => {
    const { transport, calls } = recordingTransport();
    const widget = init({ transport, target });

    expect(error).toHaveBeenCalledTimes(1);
    const message = String(error.mock.calls[0]![0]);
    expect(message).toContain('option `target`');
    expect(message).toContain(shown);
    expect(message).toContain('the widget did not start');
    expect(warn).not.toHaveBeenCalled();

    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(calls).toEqual([]);
    expect(widget.client).toBeNull();
    expect(document.querySelector('parley-widget-host')).toBeNull();
    expect(getWidget()).toBeUndefined();
    // The handle is inert, not broken.
    expect(() => widget.open()).not.toThrow();
    transport.desk.dispose();
  });

  it('does not hold the id: once the container exists, init starts the widget inside it', async () => {
    init({ transport: recordingTransport().transport, target: '#help-chat' });
    const container = document.createElement('section');
    container.id = 'help-chat';
    document.body.append(container);

    const { widget, calls } = startWidget({ target: '#help-chat' });
    expect(widget.client).not.toBeNull();
    expect(container.querySelector('parley-widget-host[data-inline]')).not.toBeNull();
    await waitFor(() => expect(calls.map(([operation]) => operation)).toContain('createSession'));
    expect(widgetRoot()).not.toBeNull();
  });
});
