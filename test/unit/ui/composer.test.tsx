import { afterEach, describe, expect, test } from 'vitest';
import { HttpError } from '../../../src/core/index.js';
import { key, settle, setup, type } from './setup.js';

let env: Awaited<ReturnType<typeof setup>> | undefined;
afterEach(() => env?.cleanup());

const textarea = () => env!.$<HTMLTextAreaElement>('textarea[aria-label="Message"]')!;
const visitorBubbles = () => env!.$$('.group[data-role="visitor"] .bubble').map((b) => b.textContent);

describe('Composer', () => {
  test('Enter sends the message and clears the box', async () => {
    env = await setup();
    await type(textarea(), 'Hello there');
    const event = await key(textarea(), { key: 'Enter' });
    expect(event.defaultPrevented).toBe(true);
    expect(visitorBubbles()).toEqual(['Hello there']);
    expect(textarea().value).toBe('');
    expect(env.client.$draft.get()).toBe('');
  });

  test('Shift+Enter keeps writing on a new line instead of sending', async () => {
    env = await setup();
    await type(textarea(), 'First line');
    const event = await key(textarea(), { key: 'Enter', shiftKey: true });
    expect(event.defaultPrevented).toBe(false);
    expect(visitorBubbles()).toEqual([]);
    expect(env.client.$draft.get()).toBe('First line');
  });

  test('Enter that confirms an IME composition does not send', async () => {
    env = await setup();
    await type(textarea(), 'にほんご');
    await key(textarea(), { key: 'Enter', isComposing: true });
    // Safari: the Enter arrives after compositionend, flagged only by keyCode 229.
    await key(textarea(), { key: 'Enter', keyCode: 229 });
    textarea().dispatchEvent(new CompositionEvent('compositionstart', { bubbles: true }));
    await key(textarea(), { key: 'Enter' });
    expect(visitorBubbles()).toEqual([]);
    textarea().dispatchEvent(new CompositionEvent('compositionend', { bubbles: true }));
    await key(textarea(), { key: 'Enter' });
    expect(visitorBubbles()).toEqual(['にほんご']);
  });

  test('grows with its lines, up to six', async () => {
    env = await setup();
    expect(Number(textarea().getAttribute('rows'))).toBe(1);
    await type(textarea(), 'one\ntwo\nthree');
    expect(Number(textarea().getAttribute('rows'))).toBe(3);
    await type(textarea(), Array.from({ length: 12 }, (_, i) => `line ${i}`).join('\n'));
    expect(Number(textarea().getAttribute('rows'))).toBe(6);
  });

  test('whitespace alone is not sent', async () => {
    env = await setup();
    await type(textarea(), '   \n ');
    await key(textarea(), { key: 'Enter' });
    expect(visitorBubbles()).toEqual([]);
    expect(env.$<HTMLButtonElement>('[part="send-button"]')!.disabled).toBe(true);
  });

  test('the draft survives closing and reopening the panel', async () => {
    env = await setup();
    await type(textarea(), 'half-written question');
    env.view.$open.set(false);
    await settle();
    env.view.$open.set(true);
    await settle();
    expect(textarea().value).toBe('half-written question');
  });

  test('in a resolved conversation it stays writable, says so, and offers a new conversation', async () => {
    env = await setup({ transport: { conversation: { status: 'resolved' } } });
    expect(textarea().disabled).toBe(false);
    expect(env.$('#parley-composer-resolved')?.textContent).toContain('This conversation is resolved. Writing here reopens it.');
    const start = [...env.root.querySelectorAll('button')].find((b) => b.textContent === 'Start a new conversation')!;
    start.click();
    await settle();
    expect(env.client.$conversation.get()).toBeNull();
    expect(env.$('#parley-composer-resolved')).toBeNull();
  });

  test('an attached file uploads with a chip and goes out with the message', async () => {
    env = await setup();
    const input = env.$<HTMLInputElement>('input[type="file"]')!;
    const file = new File(['%PDF-1.7'], 'statement.pdf', { type: 'application/pdf' });
    Object.defineProperty(input, 'files', { value: [file], configurable: true });
    input.dispatchEvent(new Event('change', { bubbles: true }));
    await settle(5);
    expect(env.$('.chip')?.textContent).toContain('statement.pdf is ready to send');
    await key(textarea(), { key: 'Enter' });
    await settle(5);
    expect(env.$('.chip')).toBeNull();
    expect(env.$('.group[data-role="visitor"] .attachment-file')?.textContent).toContain('statement.pdf');
    expect(env.desk.messages.at(-1)?.attachments.map((a) => a.name)).toEqual(['statement.pdf']);
  });

  test('a failed upload stays visible on its chip', async () => {
    env = await setup({
      transport: { fail: (op) => (op === 'upload' ? new HttpError(415, 'unsupported_type', 'no') : null) },
    });
    const input = env.$<HTMLInputElement>('input[type="file"]')!;
    Object.defineProperty(input, 'files', { value: [new File(['x'], 'notes.txt', { type: 'text/plain' })], configurable: true });
    input.dispatchEvent(new Event('change', { bubbles: true }));
    await settle(5);
    expect(env.$('.chip')?.getAttribute('data-state')).toBe('failed');
    expect(env.$('.chip')?.textContent).toContain('notes.txt: this file type is not accepted');
  });
});
