import { describe, expect, it } from 'vitest';
import { detectSecrets } from '../../../src/core/secrets/index.js';
import { generateMnemonic } from './support/generateSecrets.js';

describe('mnemonic detection edges', () => {
  it('does not flag a sentence made only of list words', async () => {
    const sentences = [
      'you can also make this work when people come over again because they want more',
      'what about the other account have you had time to check',
      'I have been trying all day and you can see that this code will only work when you want',
    ];
    for (const text of sentences) expect(await detectSecrets(text), text).toEqual([]);
  });

  it('does not join words across a full stop or other punctuation', async () => {
    const words = await generateMnemonic(12);
    const text = `${words.slice(0, 6).join(' ')}. ${words.slice(6).join(' ')}`;
    expect(await detectSecrets(text)).toEqual([]);
  });

  it('reports only the phrase when a few list words follow it', async () => {
    // The BIP-39 test vector for all-zero entropy.
    const phrase = 'abandon abandon abandon abandon abandon abandon abandon abandon abandon abandon abandon about';
    expect(await detectSecrets(`${phrase} please help`)).toEqual([{ kind: 'mnemonic', start: 0, end: phrase.length, label: 'bip39' }]);
  });

  it('never lets any part of a valid phrase through because list words surround it', async () => {
    for (let i = 0; i < 100; i++) {
      const phrase = (await generateMnemonic(i % 2 ? 12 : 24)).join(' ');
      for (const text of [`${phrase} please help`, `thank you ${phrase}`, `you can also see this ${phrase} when you have time`]) {
        const findings = await detectSecrets(text);
        expect(findings, text).toMatchObject([{ kind: 'mnemonic', label: 'bip39' }]);
        expect(findings[0]!.start, text).toBeLessThanOrEqual(text.indexOf(phrase));
        expect(findings[0]!.end, text).toBeGreaterThanOrEqual(text.indexOf(phrase) + phrase.length);
      }
    }
  });

  it('reports a wall of list words as one finding without trying every stretch', async () => {
    const started = performance.now();
    const findings = await detectSecrets(`you can also ${'abandon '.repeat(1200)}`);
    expect(findings).toMatchObject([{ kind: 'mnemonic', label: 'bip39-unverified' }]);
    expect(performance.now() - started).toBeLessThan(2000);
  });

  it('ignores fewer than twelve words', async () => {
    const words = await generateMnemonic(12);
    expect(await detectSecrets(words.slice(0, 11).join(' '))).toEqual([]);
  });

  it('accepts a caller-supplied list', async () => {
    const list = Array.from({ length: 2048 }, (_, i) => `w${String.fromCharCode(97 + (i % 26))}${String.fromCharCode(97 + Math.floor(i / 26) % 26)}${String.fromCharCode(97 + Math.floor(i / 676))}`);
    const text = list.slice(0, 12).join(' ');
    const findings = await detectSecrets(text, { wordlist: list });
    expect(findings).toMatchObject([{ kind: 'mnemonic', start: 0, end: text.length }]);
  });
});
