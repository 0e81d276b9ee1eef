import { describe, expect, it } from 'vitest';
import { detectSecrets } from '../../../src/core/secrets/index.js';
import { generateWif, generateXprv, randomBytes, toHex } from './support/generateSecrets.js';

const kinds = async (text: string) => (await detectSecrets(text)).map((f) => f.kind);

describe('hex private keys versus transaction hashes', () => {
  const hex = toHex(randomBytes(32));

  it('treats tx-ish context and explorer links as public', async () => {
    for (const text of [
      `txid ${hex}`,
      `Tx hash: 0x${hex}`,
      `хэш транзакции ${hex}`,
      `https://etherscan.io/tx/0x${hex}`,
      `https://blockchair.com/bitcoin/transaction/${hex}`,
      `${hex} is the transaction`,
      `public key 0x${hex}`,
      `Sui address 0x${hex}`,
    ]) {
      expect(await kinds(text), text).toEqual([]);
    }
  });

  it('treats key words as a key, the nearest word deciding', async () => {
    expect(await kinds(`private key: ${hex}`)).toEqual(['privateKey']);
    expect(await kinds(`the transaction failed, so here is my private key ${hex}`)).toEqual(['privateKey']);
    expect(await kinds(`my private key is safe; tx hash ${hex}`)).toEqual([]);
    expect(await kinds(hex)).toEqual(['privateKey']);
  });

  it('never flags Ethereum addresses or longer hex', async () => {
    expect(await kinds(`my private key is for 0x${hex.slice(0, 40)}`)).toEqual([]);
    expect(await kinds(`signature ${hex}${hex}`)).toEqual([]);
  });
});

describe('Base58Check keys', () => {
  it('rejects a WIF-shaped string whose checksum is wrong', async () => {
    const wif = await generateWif(true);
    const broken = wif.slice(0, 10) + (wif[10] === 'a' ? 'b' : 'a') + wif.slice(11);
    expect(await kinds(wif)).toEqual(['wif']);
    expect(await kinds(broken)).toEqual([]);
  });

  it('flags xprv but never xpub', async () => {
    expect(await kinds(await generateXprv('xprv'))).toEqual(['xprv']);
    const xpub = await generateXprv('xprv', true);
    expect(xpub.startsWith('xpub')).toBe(true);
    expect(await kinds(xpub)).toEqual([]);
  });
});

describe('card numbers versus other numbers', () => {
  it('ignores failing Luhn, unknown prefixes, phone numbers, account numbers and IBANs', async () => {
    for (const text of [
      '4111 1111 1111 1112',
      '9111 1111 1111 1111 3',
      '+7 (916) 123-45-67',
      'счёт 40817810099910004312',
      'DE89 3704 0044 0532 0130 00',
      'TR72 8403 7348 6598 3217 6629 89',
      '4111-1111 1111-1111',
    ]) {
      expect(await kinds(text), text).toEqual([]);
    }
  });

  it('labels the network', async () => {
    const [visa] = await detectSecrets('4111 1111 1111 1111');
    const [mir] = await detectSecrets('2200 0000 0000 0004');
    expect(visa?.label).toBe('visa');
    expect(mir?.label).toBe('mir');
  });
});

describe('several cards in one run of digits', () => {
  it('finds every card in a row, not just the first and the last', async () => {
    const text = '4111 1111 1111 1111 5500 0000 0000 0004 2200 0000 0000 0004 12 27';
    const findings = await detectSecrets(text);
    expect(findings.map((f) => text.slice(f.start, f.end))).toEqual([
      '4111 1111 1111 1111',
      '5500 0000 0000 0004',
      '2200 0000 0000 0004',
    ]);
  });
});
