/** A fresh client id for idempotent sends: 22 URL-safe characters from crypto randomness. */
export function createClientId(prefix = 'm'): string {
  const bytes = new Uint8Array(16);
  globalThis.crypto.getRandomValues(bytes);
  let out = '';
  for (const byte of bytes) out += ALPHABET[byte & 63];
  return `${prefix}_${out}`;
}

const ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_';
