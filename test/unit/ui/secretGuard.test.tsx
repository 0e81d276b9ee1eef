import { act } from 'preact/test-utils';
import { afterEach, describe, expect, test } from 'vitest';
import { click, key, settle, setup, type } from './setup.js';

let env: Awaited<ReturnType<typeof setup>> | undefined;
afterEach(() => env?.cleanup());

// The BIP-39 test vector: a valid 12-word mnemonic (checksum included).
const MNEMONIC = 'abandon abandon abandon abandon abandon abandon abandon abandon abandon abandon abandon about';
const CARD = '4111 1111 1111 1111';

const textarea = () => env!.$<HTMLTextAreaElement>('.composer textarea')!;
const warning = () => env!.$('.secret-warning');
const buttonNamed = (name: string) => env!.$$<HTMLButtonElement>('button').find((b) => b.textContent === name);
const sent = () => env!.desk.messages.filter((m) => m.author.role === 'visitor').map((m) => m.text);

/** The guard's code (and the word list) load on first use; give them a moment. */
async function sendDraft(text: string) {
  await type(textarea(), text);
  await key(textarea(), { key: 'Enter' });
  for (let i = 0; i < 20 && !warning() && env!.client.$draft.get() !== ''; i++) {
    await act(() => new Promise((resolve) => setTimeout(resolve, 20)));
  }
  await settle(4);
}

describe('the secret guard', () => {
  test('blocks a seed phrase: nothing is sent, the warning explains, "Edit message" has focus, no "Send anyway"', async () => {
    env = await setup();
    await sendDraft(`my wallet words: ${MNEMONIC}`);
    expect(sent()).toEqual([]);
    expect(warning()?.getAttribute('role')).toBe('alertdialog');
    expect(warning()?.textContent).toContain('Your message looks like it contains a seed phrase');
    expect(warning()?.textContent).toContain('Support will never ask for your seed phrase, private keys or card number.');
    expect(env.root.activeElement?.textContent).toBe('Edit message');
    expect(buttonNamed('Send anyway')).toBeUndefined();
    // The draft is still there to fix.
    expect(textarea().value).toBe(`my wallet words: ${MNEMONIC}`);
  });

  test('"Edit message" returns to the draft with the phrase selected; editing removes the warning', async () => {
    env = await setup();
    await sendDraft(`words: ${MNEMONIC}`);
    await click(buttonNamed('Edit message')!);
    expect(warning()).toBeNull();
    expect(env.root.activeElement).toBe(textarea());
    expect(textarea().value.slice(textarea().selectionStart, textarea().selectionEnd)).toBe(MNEMONIC);
    await type(textarea(), 'words: removed');
    await key(textarea(), { key: 'Enter' });
    await settle(6);
    expect(sent()).toEqual(['words: removed']);
  });

  test('offers "Send anyway" only where the desk’s policy is warn', async () => {
    env = await setup({ transport: { config: { secretGuard: { mnemonic: 'warn' } } } });
    await sendDraft(MNEMONIC);
    expect(warning()?.getAttribute('data-action')).toBe('warn');
    expect(warning()?.textContent).toContain('Send it only if you are sure it is safe to share.');
    await click(buttonNamed('Send anyway')!);
    await settle(6);
    expect(sent()).toEqual([MNEMONIC]);
    expect(warning()).toBeNull();
  });

  test('warns about the desk’s own pattern and the host’s, offering "Send anyway" per the custom policy', async () => {
    env = await setup({
      transport: { config: { secretPatterns: [{ name: 'Exchange API secret', source: 'nwx_sk_[A-Za-z0-9]{24}' }] } },
      widget: { secretPatterns: [{ name: 'Support PIN', pattern: /PIN \d{6}/ }] },
    });
    await sendDraft('key nwx_sk_AbCdEfGhIjKlMnOpQrStUvWx');
    expect(sent()).toEqual([]);
    expect(warning()?.textContent).toContain('Your message looks like it contains sensitive data');
    expect(warning()?.getAttribute('data-action')).toBe('warn');
    await click(buttonNamed('Edit message')!);
    await type(textarea(), 'my PIN 123456');
    await key(textarea(), { key: 'Enter' });
    await settle(6);
    expect(warning()?.getAttribute('data-action')).toBe('warn');
    await click(buttonNamed('Send anyway')!);
    await settle(6);
    expect(sent()).toEqual(['my PIN 123456']);
  });

  test('redacts a card number (the default policy) and notes it on the sent message', async () => {
    env = await setup();
    await sendDraft(`card ${CARD} was charged twice`);
    expect(warning()).toBeNull();
    expect(sent()).toEqual(['card [redacted] was charged twice']);
    expect(env.$('.group[data-role="visitor"] .redacted')?.textContent).toBe('1 sensitive item was hidden');
  });

  test('says it in Russian', async () => {
    env = await setup({ locale: 'ru' });
    await sendDraft(MNEMONIC);
    expect(warning()?.textContent).toContain('Похоже, в сообщении есть сид-фраза');
    expect(buttonNamed('Исправить сообщение')).toBeDefined();
  });

  test('checks file names too: a seed phrase in a name keeps the file from leaving', async () => {
    env = await setup();
    const input = env.$<HTMLInputElement>('input[type="file"]')!;
    const file = new File(['x'], `${MNEMONIC}.txt`, { type: 'text/plain' });
    Object.defineProperty(input, 'files', { value: [file], configurable: true });
    await act(() => {
      input.dispatchEvent(new Event('change', { bubbles: true }));
    });
    for (let i = 0; i < 20 && env.$('.chip')?.getAttribute('data-state') === 'checking'; i++) {
      await act(() => new Promise((resolve) => setTimeout(resolve, 20)));
    }
    await settle(4);
    expect(env.$('.chip')?.getAttribute('data-state')).toBe('refused');
    expect(env.$('.chip')?.textContent).toContain('the file name looks like a seed phrase, private key or card number');
  });
});
