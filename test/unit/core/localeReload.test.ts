import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createMemoryStorage, createWebStorage, withConsent, type ParleyStorage } from '../../../src/core/persistence/index.js';
import { createTestClient, destroyTestClients } from '../support/createTestClient.js';
import { settle } from '../support/settle.js';

// A reload is a new client on the same storage: the language the visitor picked must come back,
// ahead of the page's language (which the client only falls back to).
const NS = 'parley:example.com:reload';

beforeEach(() => localStorage.clear());
afterEach(destroyTestClients);

async function chooseThenReload(storage: ParleyStorage, grant?: () => Promise<void>): Promise<string> {
  const first = createTestClient({ storage, fallbackLocale: 'en' });
  await first.client.start();
  await settle();
  await first.client.setLocale('ru');
  await grant?.();
  await first.clock.advance(1_000);
  first.client.destroy();

  const second = createTestClient({ storage, fallbackLocale: 'de-DE' });
  await second.client.start();
  await settle();
  return second.client.$locale.get();
}

describe('a language chosen at runtime survives a reload', () => {
  it('with memory storage shared by both clients', async () => {
    expect(await chooseThenReload(createMemoryStorage())).toBe('ru');
  });

  it('with localStorage, read back by a new storage object as after a real reload', async () => {
    const first = createTestClient({ storage: createWebStorage(() => localStorage, NS, 'local'), fallbackLocale: 'en' });
    await first.client.start();
    await settle();
    await first.client.setLocale('uk');
    await first.clock.advance(1_000);
    first.client.destroy();
    expect(JSON.parse(localStorage.getItem(`${NS}:locale`)!)).toMatchObject({ locale: 'uk' });

    const second = createTestClient({ storage: createWebStorage(() => localStorage, NS, 'local'), fallbackLocale: 'de-DE' });
    await second.client.start();
    await settle();
    expect(second.client.$locale.get()).toBe('uk');
  });

  it('when it was chosen before consent and consent came later', async () => {
    const storage = withConsent(createWebStorage(() => localStorage, NS, 'local'), false);
    expect(await chooseThenReload(storage, () => storage.grant())).toBe('ru');
    expect(JSON.parse(localStorage.getItem(`${NS}:locale`)!)).toMatchObject({ locale: 'ru' });
  });

  it('but an explicit locale option still wins over the saved choice', async () => {
    const storage = createMemoryStorage();
    await storage.set('locale', { v: 1, locale: 'ru' });
    const { client } = createTestClient({ storage, locale: 'es' });
    await client.start();
    await settle();
    expect(client.$locale.get()).toBe('es');
  });
});
