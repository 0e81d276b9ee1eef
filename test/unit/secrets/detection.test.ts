import { describe, expect, it } from 'vitest';
import { detectSecrets } from '../../../src/core/secrets/index.js';
import type { SecretFinding } from '../../../src/core/secrets/index.js';
import {
  CARD_RANGES,
  MNEMONIC_FORMATS,
  XPRV_VERSIONS,
  formatCard,
  generateCard,
  generateMnemonic,
  generateWif,
  generateXprv,
  pick,
  randomBytes,
  toHex,
} from './support/generateSecrets.js';

interface Case {
  text: string;
  /** The secret as it appears in `text`. */
  secret: string;
}

/**
 * Runs every case and returns the misses. A case counts as detected when exactly one finding
 * of `kind` covers the whole secret.
 */
async function measure(kind: SecretFinding['kind'], cases: Case[]): Promise<string[]> {
  const misses: string[] = [];
  for (const { text, secret } of cases) {
    const at = text.indexOf(secret);
    const findings = await detectSecrets(text);
    const hit = findings.filter((f) => f.kind === kind && f.start <= at && f.end >= at + secret.length);
    if (hit.length !== 1) misses.push(`${JSON.stringify(text)} → ${JSON.stringify(findings)}`);
  }
  console.info(`secret guard: ${kind} detected ${cases.length - misses.length} / ${cases.length} (${(((cases.length - misses.length) / cases.length) * 100).toFixed(2)}%)`);
  return misses;
}

describe('detectSecrets: true positives (100% required)', () => {
  it('finds 200 valid BIP-39 mnemonics of each length, in every format', async () => {
    const cases: Case[] = [];
    for (const length of [12, 15, 18, 21, 24] as const) {
      for (let i = 0; i < 200; i++) {
        const words = await generateMnemonic(length);
        // Every mnemonic in one format by turn, plus every format for the first few.
        const formats = i < 3 ? MNEMONIC_FORMATS : [MNEMONIC_FORMATS[i % MNEMONIC_FORMATS.length]!];
        for (const { format } of formats) cases.push(format(words));
      }
    }
    expect(cases.length).toBeGreaterThanOrEqual(1000);
    expect(await measure('mnemonic', cases)).toEqual([]);
  });

  it('verifies the checksum of valid mnemonics and still flags a phrase with a wrong word', async () => {
    const words = await generateMnemonic(12);
    const [valid] = await detectSecrets(words.join(' '));
    expect(valid?.label).toBe('bip39');

    // Swap the last word for another list word: the checksum (4 bits) then fails 15 times in 16.
    const swapped = [...words.slice(0, 11), words[10] === 'zoo' ? 'abandon' : 'zoo'];
    const [unverified] = await detectSecrets(swapped.join(' '));
    expect(unverified?.kind).toBe('mnemonic');

    // A misspelled word (not in the list) does not let eleven words through, wherever it is.
    for (const at of [0, 5, 11]) {
      const typo = [...words];
      typo[at] = `${typo[at]!}x`;
      const [misspelled] = await detectSecrets(typo.join(' '));
      expect(misspelled, typo.join(' ')).toMatchObject({ kind: 'mnemonic', start: 0, end: typo.join(' ').length });
    }
  });

  it('finds 200 raw private keys, with and without 0x, with and without key words', async () => {
    const templates = [
      (k: string) => k,
      (k: string) => `my private key is ${k}`,
      (k: string) => `Here it is:\n${k}\nwhat should I do?`,
      (k: string) => `приватный ключ от кошелька: ${k}`,
      (k: string) => `key: ${k}`,
      (k: string) => `export from MetaMask gave me ${k} — is that right?`,
      (k: string) => `секретный ключ ${k}, кошелёк пустой`,
      (k: string) => `priv=${k}`,
    ];
    const cases: Case[] = [];
    for (let i = 0; i < 200; i++) {
      let hex = toHex(randomBytes(32));
      if (i % 3 === 0) hex = hex.toUpperCase();
      const secret = i % 2 === 0 ? `0x${hex}` : hex;
      cases.push({ text: templates[i % templates.length]!(secret), secret });
    }
    expect(await measure('privateKey', cases)).toEqual([]);
  });

  it('finds 100 WIF keys, compressed and uncompressed, mainnet and testnet', async () => {
    const cases: Case[] = [];
    for (let i = 0; i < 100; i++) {
      const secret = await generateWif(i % 2 === 0, i % 10 === 9);
      cases.push({ text: i % 4 === 0 ? secret : `WIF: ${secret} (imported into Electrum)`, secret });
    }
    expect(await measure('wif', cases)).toEqual([]);
  });

  it('finds 100 extended private keys of every version', async () => {
    const cases: Case[] = [];
    const prefixes = Object.keys(XPRV_VERSIONS);
    for (let i = 0; i < 100; i++) {
      const secret = await generateXprv(i < 60 ? 'xprv' : prefixes[i % prefixes.length]);
      cases.push({ text: i % 3 === 0 ? secret : `here is my master key ${secret}\nthanks`, secret });
    }
    expect(await measure('xprv', cases)).toEqual([]);
  });

  it('finds 500 card numbers across the IIN ranges, plain, spaced and dashed', async () => {
    const templates = [
      (c: string) => c,
      (c: string) => `my card ${c} was charged twice`,
      (c: string) => `карта ${c}, срок 12/27`,
      (c: string) => `${c} exp 09/26 cvv 123`,
      (c: string) => `Номер карты: ${c}.`,
    ];
    const styles = ['none', 'spaces', 'dashes'] as const;
    const cases: Case[] = [];
    for (let i = 0; i < 500; i++) {
      const range = CARD_RANGES[i % CARD_RANGES.length]!;
      const secret = formatCard(generateCard(range), styles[i % styles.length]!);
      cases.push({ text: pick(templates)(secret), secret });
    }
    expect(await measure('card', cases)).toEqual([]);
  });

  it('finds a card followed by its expiry date or preceded by another number', async () => {
    const text = 'заявка 5839201 4111111111111111 и 4111 1111 1111 1111 12 27';
    const findings = await detectSecrets(text);
    expect(findings.map((f) => text.slice(f.start, f.end))).toEqual(['4111111111111111', '4111 1111 1111 1111']);
  });

  it('finds host patterns as kind custom, labelled with their name', async () => {
    const patterns = [{ name: 'api key', pattern: /sk_live_[A-Za-z0-9]{8,}/ }];
    const text = 'token sk_live_abcdEFGH1234 and sk_live_zzzzzzzz9';
    const findings = await detectSecrets(text, { patterns });
    expect(findings).toEqual([
      { kind: 'custom', start: 6, end: 26, label: 'api key' },
      { kind: 'custom', start: 31, end: 48, label: 'api key' },
    ]);
    // The host's regex is not touched.
    expect(patterns[0]!.pattern.lastIndex).toBe(0);
  });

  it('returns sorted, non-overlapping findings of several kinds', async () => {
    const words = await generateMnemonic(12);
    const wif = await generateWif(true);
    const text = `card 5500 0000 0000 0004, seed ${words.join(' ')}; wif ${wif}`;
    const findings = await detectSecrets(text, { patterns: [{ name: 'digits', pattern: /0000 0000/ }] });
    expect(findings.map((f) => f.kind)).toEqual(['card', 'mnemonic', 'wif']);
    for (let i = 1; i < findings.length; i++) expect(findings[i]!.start).toBeGreaterThanOrEqual(findings[i - 1]!.end);
  });
});
