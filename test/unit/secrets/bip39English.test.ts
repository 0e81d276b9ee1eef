import { describe, expect, it } from 'vitest';
import { bip39English } from '../../../src/core/secrets/bip39English.js';
import { sha256, sha256Sync } from '../../../src/core/secrets/sha256.js';
import { toHex } from './support/generateSecrets.js';

// The published SHA-256 of english.txt in the BIP-39 repository (one word per line, with a
// final newline): the generated file must be exactly that list.
const ENGLISH_TXT_SHA256 = '2f5eed53a4727b4bf8880d8f3f199efc90e58503646d9ff8eff3a2ed3b24dbda';

describe('bip39English', () => {
  it('is the 2048-word English list, byte for byte', async () => {
    expect(bip39English).toHaveLength(2048);
    expect(bip39English[0]).toBe('abandon');
    expect(bip39English[2047]).toBe('zoo');
    expect(new Set(bip39English).size).toBe(2048);
    const bytes = new TextEncoder().encode(`${bip39English.join('\n')}\n`);
    expect(toHex(await sha256(bytes))).toBe(ENGLISH_TXT_SHA256);
  });
});

describe('sha256Sync (the fallback where crypto.subtle is missing)', () => {
  it('matches Web Crypto for lengths around the block boundaries', async () => {
    for (const length of [0, 1, 3, 55, 56, 63, 64, 65, 119, 120, 128, 1000]) {
      const data = crypto.getRandomValues(new Uint8Array(length));
      const expected = new Uint8Array(await crypto.subtle.digest('SHA-256', data));
      expect(toHex(sha256Sync(data)), `length ${length}`).toBe(toHex(expected));
    }
  });
});
