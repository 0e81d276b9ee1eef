import { afterEach, beforeEach, describe, expect, test, vi } from 'vitest';
import { act } from 'preact/test-utils';
import { HttpError, type Author, type SeedMessage } from '../../../src/core/index.js';
import { click, key, settle, setup } from './setup.js';

let env: Awaited<ReturnType<typeof setup>> | undefined;
afterEach(() => env?.cleanup());

const alex: Author = { role: 'agent', id: 'a1', name: 'Alex Morgan' };
const pdf = { id: 'f1', name: 'statement.pdf', size: 1200, type: 'application/pdf', kind: 'file' as const, url: '/f/f1' };
const history: SeedMessage[] = [
  { author: { role: 'visitor' }, text: 'Where is my deposit?' },
  { author: { role: 'system' }, system: { kind: 'agent.joined', name: 'Alex Morgan' } },
  { author: alex, text: 'It is **confirmed** now.\n\nThe hash is `3f5a`.' },
  { author: alex, text: '', attachments: [pdf] },
  { author: alex, text: 'Your statement', attachments: [pdf] },
];

const writeText = vi.fn<(text: string) => Promise<void>>();
let clipboard: PropertyDescriptor | undefined;
beforeEach(() => {
  writeText.mockReset().mockResolvedValue(undefined);
  clipboard = Object.getOwnPropertyDescriptor(navigator, 'clipboard');
  Object.defineProperty(navigator, 'clipboard', { value: { writeText }, configurable: true });
});
afterEach(() => {
  if (clipboard) Object.defineProperty(navigator, 'clipboard', clipboard);
  else delete (navigator as { clipboard?: unknown }).clipboard;
});

const actionsOf = (text: string) => {
  const message = env!.$$('.message').find((m) => m.querySelector('.bubble')?.textContent?.includes(text));
  if (!message) throw new Error(`no message with "${text}"`);
  return message.querySelector<HTMLButtonElement>('button[aria-label="Message actions"]');
};
const menu = () => env!.$('.message [role="menu"]');
const items = () => env!.$$('.message [role="menuitem"]').map((i) => i.textContent);
const active = () => env!.root.activeElement;

/** A visitor message the desk refuses, so it stays as failed. */
async function failedMessage(text: string) {
  let reject = true;
  env = await setup({
    transport: { fail: (op) => (op === 'sendMessage' && reject ? new HttpError(409, 'conversation_resolved', 'resolved') : null) },
  });
  env.client.send(text);
  await settle(5);
  expect(env.$('.message[data-state="failed"]')).not.toBeNull();
  return { deliver: () => (reject = false) };
}

describe('message actions', () => {
  test('a button on every message with text, none on system lines or an attachment alone; the menu renders only while open', async () => {
    env = await setup({ transport: { history } });
    const buttons = env.$$('button[aria-label="Message actions"]');
    expect(buttons).toHaveLength(3);
    expect(env.$('.system button')).toBeNull();
    expect(env.$$('.message')[2]!.querySelector('.message-actions')).toBeNull(); // the attachment without text
    for (const button of buttons) {
      expect(button.getAttribute('aria-haspopup')).toBe('menu');
      expect(button.getAttribute('aria-expanded')).toBe('false');
      // No reference to a menu that is not in the page.
      expect(button.hasAttribute('aria-controls')).toBe(false);
    }
    expect(menu()).toBeNull();
  });

  test('opens a labelled menu, focuses its first item; arrows move, Escape closes and returns focus', async () => {
    env = await setup({ transport: { history } });
    const button = actionsOf('Your statement')!;
    await click(button);
    expect(button.getAttribute('aria-expanded')).toBe('true');
    expect(menu()?.id).toBe(button.getAttribute('aria-controls'));
    expect(menu()?.getAttribute('aria-label')).toBe('Message actions');
    // Text with an attachment: copying is the one action, nothing for the file.
    expect(items()).toEqual(['Copy text']);
    expect(active()?.textContent).toBe('Copy text');
    const escape = await key(active()!, { key: 'Escape' });
    expect(escape.defaultPrevented).toBe(true);
    expect(menu()).toBeNull();
    expect(active()).toBe(button);
    expect(env.$('.panel')!.hidden).toBe(false);

    // ArrowDown on the button opens it too.
    await key(button, { key: 'ArrowDown' });
    expect(menu()).not.toBeNull();
    await key(active()!, { key: 'Tab' });
    expect(menu()).toBeNull();
  });

  test('Copy text writes the plain text to the clipboard and says "Copied" politely', async () => {
    env = await setup({ transport: { history } });
    const button = actionsOf('confirmed')!;
    await click(button);
    await click(env.$$('.message [role="menuitem"]').find((i) => i.textContent === 'Copy text')!);
    expect(writeText).toHaveBeenCalledTimes(1);
    const copied = writeText.mock.calls[0]![0];
    // Markup is gone, the words stay.
    expect(copied).toContain('It is confirmed now.');
    expect(copied).toContain('The hash is 3f5a.');
    expect(copied).not.toMatch(/\*|`/);
    expect(menu()).toBeNull();
    expect(active()).toBe(button);
    const note = button.closest('.message')!.querySelector('[role="status"]')!;
    expect(note.textContent).toBe('Copied');
    expect(env.$$('[role="status"]').filter((s) => s.textContent === 'Copied')).toHaveLength(1);
  });

  test('without a clipboard, Copy says so instead of failing silently', async () => {
    env = await setup({ transport: { history } });
    Object.defineProperty(navigator, 'clipboard', { value: undefined, configurable: true });
    const button = actionsOf('Where is my deposit')!;
    await click(button);
    await click(env.$('.message [role="menuitem"]'));
    expect(button.closest('.message')!.querySelector('[role="status"]')!.textContent).toBe('Could not copy. Select the text to copy it.');
    expect(env.warnings.some((w) => w.includes('copying a message failed') && w.includes('HTTPS'))).toBe(true);
  });

  test('a refused write is reported the same way', async () => {
    env = await setup({ transport: { history } });
    writeText.mockRejectedValue(new DOMException('Document is not focused', 'NotAllowedError'));
    const button = actionsOf('Where is my deposit')!;
    await click(button);
    await click(env.$('.message [role="menuitem"]'));
    await settle();
    expect(button.closest('.message')!.querySelector('[role="status"]')!.textContent).toContain('Could not copy');
  });

  test('the note goes away after a moment', async () => {
    env = await setup({ transport: { history } });
    const button = actionsOf('Where is my deposit')!;
    await click(button);
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] });
    try {
      await act(async () => {
        env!.$<HTMLButtonElement>('.message [role="menuitem"]')!.click();
        await Promise.resolve();
      });
      const note = button.closest('.message')!.querySelector('[role="status"]')!;
      expect(note.textContent).toBe('Copied');
      await act(() => {
        vi.advanceTimersByTime(3000);
      });
      expect(note.textContent).toBe('');
    } finally {
      vi.useRealTimers();
    }
  });

  test('a failed message offers Copy, Retry and Delete; Retry delivers it', async () => {
    const { deliver } = await failedMessage('Please check order 42');
    const button = env!.$<HTMLButtonElement>('.message[data-state="failed"] .message-actions')!;
    await click(button);
    expect(items()).toEqual(['Copy text', 'Retry', 'Delete']);
    await key(active()!, { key: 'End' });
    expect(active()?.textContent).toBe('Delete');
    await key(active()!, { key: 'ArrowUp' });
    expect(active()?.textContent).toBe('Retry');
    deliver();
    await click(active());
    await settle(5);
    expect(env!.$('.message[data-state="failed"]')).toBeNull();
    expect(env!.desk.messages.filter((m) => m.text === 'Please check order 42')).toHaveLength(1);
    // The message stays, so focus stays on its button.
    expect(active()).toBe(button);
  });

  test('Delete discards the failed message and leaves focus on the log', async () => {
    await failedMessage('Never mind');
    await click(env!.$('.message[data-state="failed"] .message-actions'));
    await click(env!.$$('.message [role="menuitem"]').find((i) => i.textContent === 'Delete')!);
    expect(env!.client.$messages.get().some((m) => m.text === 'Never mind')).toBe(false);
    expect(env!.$('.group[data-role="visitor"]')).toBeNull();
    expect(active()?.getAttribute('role')).toBe('log');
  });

  test('one open menu at a time: pressing another message’s button closes the first', async () => {
    env = await setup({ transport: { history } });
    const first = actionsOf('Where is my deposit')!;
    const second = actionsOf('confirmed')!;
    await click(first);
    expect(first.getAttribute('aria-expanded')).toBe('true');
    await act(() => {
      second.dispatchEvent(new PointerEvent('pointerdown', { bubbles: true, composed: true }));
      second.click();
    });
    await settle();
    expect(first.getAttribute('aria-expanded')).toBe('false');
    expect(second.getAttribute('aria-expanded')).toBe('true');
    expect(env.$$('.message [role="menu"]')).toHaveLength(1);
  });

  test('no button while a bot reply is still streaming', async () => {
    env = await setup({ transport: { conversation: { handler: 'bot' } } });
    void env.desk.streamBot('A long answer that arrives in pieces', { chunk: 2, interval: 5 });
    await settle();
    expect(env.$('.bubble[data-streaming]')).not.toBeNull();
    expect(env.$('.group[data-role="bot"] .message-actions')).toBeNull();
    await vi.waitFor(() => expect(env!.$('.bubble[data-streaming]')).toBeNull(), { timeout: 3000 });
    await settle();
    expect(env.$('.group[data-role="bot"] .message-actions')).not.toBeNull();
  });

  test('labels come from the catalog (Russian)', async () => {
    env = await setup({ locale: 'ru', transport: { history } });
    const button = env.$<HTMLButtonElement>('.message-actions')!;
    expect(button.getAttribute('aria-label')).toBe('Действия с сообщением');
    await click(button);
    expect(items()).toEqual(['Копировать текст']);
  });
});
