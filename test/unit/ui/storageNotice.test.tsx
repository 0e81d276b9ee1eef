import { afterEach, describe, expect, test } from 'vitest';
import { createMemoryStorage, type ParleyStorage } from '../../../src/core/index.js';
import { click, key, settle, setup, type } from './setup.js';

let env: Awaited<ReturnType<typeof setup>> | undefined;
afterEach(() => env?.cleanup());

/** Durable storage on a device with no space left: every write throws QuotaExceededError. */
function fullStorage(): ParleyStorage {
  return {
    ...createMemoryStorage(),
    kind: 'indexeddb',
    durable: true,
    set: () => Promise.reject(new DOMException('The quota has been exceeded.', 'QuotaExceededError')),
  };
}

const notice = () => env!.$('.storage-notice');
const textarea = () => env!.$<HTMLTextAreaElement>('textarea[aria-label="Message"]')!;

describe('StorageNotice when the storage quota is full', () => {
  test('says history may not be kept, and the chat keeps working from memory', async () => {
    env = await setup({ storage: fullStorage() });
    await settle();
    expect(notice()?.getAttribute('role')).toBe('note');
    expect(notice()?.textContent).toBe('This device is out of storage space, so history may not be kept after you close this page.');

    await type(textarea(), 'Is my deposit safe?');
    await key(textarea(), { key: 'Enter' });
    await settle(5);
    expect(env.desk.messages.map((m) => m.text)).toEqual(['Is my deposit safe?']);
    expect(env.$$('.message').map((m) => m.getAttribute('data-state'))).toEqual(['sent']);
  });

  test('can be dismissed for this page', async () => {
    env = await setup({ storage: fullStorage() });
    await settle();
    await click(notice()!.querySelector('button[aria-label="Dismiss"]'));
    expect(notice()).toBeNull();
  });

  test('is in the visitor’s language', async () => {
    env = await setup({ storage: fullStorage(), locale: 'ru' });
    await settle();
    expect(notice()?.textContent).toBe('На устройстве не хватает места, поэтому история переписки может не сохраниться после закрытия страницы.');
  });

  test('does not show while durable storage saves normally', async () => {
    env = await setup({ storage: Object.assign(createMemoryStorage(), { kind: 'local' as const, durable: true }) });
    await settle();
    expect(notice()).toBeNull();
  });
});
