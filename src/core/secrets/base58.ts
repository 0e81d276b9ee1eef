import { doubleSha256 } from './sha256.js';

const ALPHABET = '123456789ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz';
const VALUES = new Map([...ALPHABET].map((char, index) => [char, BigInt(index)]));

/** Decodes Bitcoin Base58; `null` for a character outside the alphabet. */
export function decodeBase58(text: string): Uint8Array | null {
  let value = 0n;
  for (const char of text) {
    const digit = VALUES.get(char);
    if (digit === undefined) return null;
    value = value * 58n + digit;
  }
  const bytes: number[] = [];
  while (value > 0n) {
    bytes.push(Number(value & 0xffn));
    value >>= 8n;
  }
  // Each leading '1' stands for a leading zero byte.
  for (let i = 0; i < text.length && text[i] === '1'; i++) bytes.push(0);
  return Uint8Array.from(bytes.reverse());
}

/**
 * The payload of a Base58Check string (without its 4-byte checksum), or `null` when it is not
 * valid Base58 or the double-SHA-256 checksum does not match.
 */
export async function decodeBase58Check(text: string): Promise<Uint8Array | null> {
  const bytes = decodeBase58(text);
  if (!bytes || bytes.length < 5) return null;
  const payload = bytes.subarray(0, bytes.length - 4);
  const checksum = await doubleSha256(payload);
  for (let i = 0; i < 4; i++) if (checksum[i] !== bytes[payload.length + i]) return null;
  return payload;
}
