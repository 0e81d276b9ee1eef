import { describe, expect, it, vi } from 'vitest';

const imports = vi.hoisted(() => ({ count: 0 }));
vi.mock('../../../src/core/secrets/bip39English.js', async (importOriginal) => {
  imports.count += 1;
  return importOriginal();
});

const { detectSecrets } = await import('../../../src/core/secrets/index.js');

describe('the BIP-39 list is loaded on demand', () => {
  it('is not imported for short messages, nor for long ones without a run of twelve plain words', async () => {
    await detectSecrets('hi, my deposit is missing');
    await detectSecrets('Order A-1042 — I sent 0.5 BTC. Where is it? Thanks. Please help. It is late.');
    await detectSecrets('Заявка №5839201: не пришли деньги, я отправил их вчера вечером через приложение банка');
    expect(imports.count).toBe(0);
  });

  it('is imported once when a message could hold a phrase', async () => {
    await detectSecrets('one two three four five six seven eight nine ten eleven twelve');
    await detectSecrets('abandon ability able about above absent absorb abstract absurd abuse access accident');
    expect(imports.count).toBe(1);
  });
});
