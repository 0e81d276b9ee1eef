import { bip39English } from '../../../../src/core/secrets/bip39English.js';

// Generators of true positives, written from the specs (BIP-39, Base58Check, BIP-32, Luhn)
// independently of the detectors, so a shared mistake cannot make both agree.

export function randomBytes(length: number): Uint8Array {
  return crypto.getRandomValues(new Uint8Array(length));
}

export function randomInt(max: number): number {
  return crypto.getRandomValues(new Uint32Array(1))[0]! % max;
}

export function pick<T>(items: readonly T[]): T {
  return items[randomInt(items.length)] as T;
}

async function sha256(bytes: Uint8Array): Promise<Uint8Array> {
  return new Uint8Array(await crypto.subtle.digest('SHA-256', bytes as Uint8Array<ArrayBuffer>));
}

export function toHex(bytes: Uint8Array): string {
  return [...bytes].map((b) => b.toString(16).padStart(2, '0')).join('');
}

/** A valid mnemonic of `words` words: random entropy, then its SHA-256 checksum bits. */
export async function generateMnemonic(words: 12 | 15 | 18 | 21 | 24): Promise<string[]> {
  const entropyBits = (words * 11 * 32) / 33;
  const entropy = randomBytes(entropyBits / 8);
  const checksumBits = entropyBits / 32;
  const hash = await sha256(entropy);
  let bits = [...entropy].map((b) => b.toString(2).padStart(8, '0')).join('');
  bits += hash[0]!.toString(2).padStart(8, '0').slice(0, checksumBits);
  const result: string[] = [];
  for (let i = 0; i < bits.length; i += 11) result.push(bip39English[parseInt(bits.slice(i, i + 11), 2)]!);
  return result;
}

/** The ways people paste a phrase: `secret` is the phrase itself, `text` the whole message. */
export const MNEMONIC_FORMATS: ReadonlyArray<{ name: string; format: (words: string[]) => { text: string; secret: string } }> = [
  { name: 'spaces', format: (w) => whole(w.join(' ')) },
  { name: 'newlines', format: (w) => whole(w.join('\n')) },
  // The phrase starts after the leading "1. ".
  { name: 'numbered "1. word"', format: (w) => numbered(w.map((x, i) => `${i + 1}. ${x}`).join(' ')) },
  { name: 'numbered lines "1) word"', format: (w) => numbered(w.map((x, i) => `${i + 1}) ${x}`).join('\n')) },
  { name: 'comma-separated', format: (w) => whole(w.join(', ')) },
  { name: 'UPPERCASE', format: (w) => whole(w.join(' ').toUpperCase()) },
  { name: 'in a sentence', format: (w) => inside('hi, my wallet is empty, here is my seed phrase: ', w.join(' '), '. please help!') },
  { name: 'Russian context', format: (w) => inside('Здравствуйте, вот моя сид-фраза:\n', w.join(' '), '\nпомогите вернуть средства') },
  { name: 'JSON array', format: (w) => inside('["', w.join('","'), '"]') },
];

function whole(text: string): { text: string; secret: string } {
  return { text, secret: text };
}

function numbered(text: string): { text: string; secret: string } {
  return { text, secret: text.slice('1. '.length) };
}

function inside(before: string, secret: string, after: string): { text: string; secret: string } {
  return { text: before + secret + after, secret };
}

const ALPHABET = '123456789ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz';

export function encodeBase58(bytes: Uint8Array): string {
  let value = 0n;
  for (const b of bytes) value = value * 256n + BigInt(b);
  let out = '';
  while (value > 0n) {
    out = ALPHABET[Number(value % 58n)] + out;
    value /= 58n;
  }
  for (const b of bytes) {
    if (b !== 0) break;
    out = `1${out}`;
  }
  return out;
}

export async function encodeBase58Check(payload: Uint8Array): Promise<string> {
  const checksum = (await sha256(await sha256(payload))).subarray(0, 4);
  const full = new Uint8Array(payload.length + 4);
  full.set(payload);
  full.set(checksum, payload.length);
  return encodeBase58(full);
}

export async function generateWif(compressed: boolean, testnet = false): Promise<string> {
  const payload = new Uint8Array(compressed ? 34 : 33);
  payload[0] = testnet ? 0xef : 0x80;
  payload.set(randomBytes(32), 1);
  if (compressed) payload[33] = 0x01;
  return encodeBase58Check(payload);
}

/** BIP-32 / SLIP-132 private versions. */
export const XPRV_VERSIONS: Record<string, number> = {
  xprv: 0x0488ade4,
  yprv: 0x049d7878,
  zprv: 0x04b2430c,
  tprv: 0x04358394,
  uprv: 0x044a4e28,
  vprv: 0x045f18bc,
  Yprv: 0x0295b005,
  Zprv: 0x02aa7a99,
};

/** An extended private key: version, depth, parent fingerprint, child number, chain code, 0x00 + key. */
export async function generateXprv(prefix = 'xprv', publicKey = false): Promise<string> {
  const payload = new Uint8Array(78);
  const view = new DataView(payload.buffer);
  view.setUint32(0, publicKey ? 0x0488b21e : XPRV_VERSIONS[prefix]!);
  payload[4] = randomInt(6);
  payload.set(randomBytes(4), 5);
  payload.set(randomBytes(4), 9);
  payload.set(randomBytes(32), 13);
  payload[45] = publicKey ? 0x02 + randomInt(2) : 0x00;
  payload.set(randomBytes(32), 46);
  return encodeBase58Check(payload);
}

/** Card networks as the spec in the issue lists them: prefix ranges and lengths. */
export const CARD_RANGES: ReadonlyArray<{ network: string; low: number; high: number; lengths: number[] }> = [
  { network: 'visa', low: 4, high: 4, lengths: [13, 16, 19] },
  { network: 'mastercard', low: 51, high: 55, lengths: [16] },
  { network: 'mastercard 2-series', low: 2221, high: 2720, lengths: [16] },
  { network: 'amex', low: 34, high: 34, lengths: [15] },
  { network: 'amex', low: 37, high: 37, lengths: [15] },
  { network: 'discover', low: 6011, high: 6011, lengths: [16, 19] },
  { network: 'discover', low: 65, high: 65, lengths: [16] },
  { network: 'jcb', low: 3528, high: 3589, lengths: [16] },
  { network: 'unionpay', low: 62, high: 62, lengths: [16, 19] },
  { network: 'mir', low: 2200, high: 2204, lengths: [16] },
  { network: 'maestro', low: 50, high: 50, lengths: [13, 16, 19] },
  { network: 'maestro', low: 56, high: 69, lengths: [16, 18] },
  // Lengths the ranges above never produce: Diners' 14 digits and Maestro's 17.
  { network: 'diners 14-digit', low: 36, high: 36, lengths: [14] },
  { network: 'maestro 17-digit', low: 6759, high: 6759, lengths: [17] },
];

export function luhnCheckDigit(body: string): number {
  let sum = 0;
  for (let i = 0; i < body.length; i++) {
    let d = Number(body[body.length - 1 - i]);
    if (i % 2 === 0) {
      d *= 2;
      if (d > 9) d -= 9;
    }
    sum += d;
  }
  return (10 - (sum % 10)) % 10;
}

export function generateCard(range: (typeof CARD_RANGES)[number]): string {
  const length = pick(range.lengths);
  let body = String(range.low + randomInt(range.high - range.low + 1));
  while (body.length < length - 1) body += String(randomInt(10));
  return body + String(luhnCheckDigit(body));
}

/**
 * A card number as people type it: plain, in groups of four with spaces or dashes, or as printed
 * on the card: Amex 4-6-5 and Diners 4-6-4.
 */
export function formatCard(digits: string, style: 'none' | 'spaces' | 'dashes'): string {
  if (style === 'none') return digits;
  const separator = style === 'spaces' ? ' ' : '-';
  const groups =
    digits.length === 14 || digits.length === 15
      ? [digits.slice(0, 4), digits.slice(4, 10), digits.slice(10)]
      : digits.match(/.{1,4}/g)!;
  return groups.join(separator);
}
