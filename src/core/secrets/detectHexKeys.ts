import type { SecretFinding } from './SecretFinding.js';

// 64 hex digits as a whole token, with or without 0x. Longer hex (signatures, 128-hex seeds)
// and 40-hex Ethereum addresses never match. Group 1 is the character before the token: a
// lookbehind would do, but Safari supports lookbehind only since 16.4.
const HEX_64 = /(^|[^0-9A-Za-z_])((?:0[xX])?[0-9a-fA-F]{64})(?![0-9A-Za-z_])/g;

// Words that say the token is a key. Some Russian stems must start a word: "подключение"
// (connection) is not "ключ" (key).
const KEY_WORDS =
  /private[\s_-]*key|priv[\s_-]*key|privkey|\bpriv\b|secret|\bkey\b|\bpk\b|\bseed\b|(?:^|[^\p{L}])ключ|приватн|секретн|(?:^|[^\p{L}])сид[\s-]*фраз/giu;
// Words that say the token is a public identifier: transaction and block hashes, Sui/Aptos
// addresses (also 0x + 64 hex), contract addresses, public keys. "заблокирован" (blocked) is
// not "блок" (block).
const PUBLIC_WORDS =
  /\btx\b|\btxn\b|txid|tx[\s_-]*id|tx[\s_-]*hash|hash|transaction|transfer\s+id|\bblock\b|explorer|address|contract|public[\s_-]*key|pubkey|validator|хэш|хеш|транзакц|перевод|(?:^|[^\p{L}])блок|адрес|контракт|обозревател|публичн\p{L}*(?:\s+ключ\p{L}*)?|валидатор/giu;
// The token sits inside a link, e.g. https://etherscan.io/tx/0x…: always a public identifier.
const URL_BEFORE = /(?:https?:\/\/|www\.)\S*$|\b[a-z0-9-]+\.(?:io|com|org|info|net|space|app)\/\S*$/iu;

const LOOK_BEHIND = 100;
const LOOK_AHEAD = 60;

/**
 * Finds raw private keys: 64 hex digits. Transaction ids and block hashes look exactly the same,
 * so the words around the token decide, nearest first:
 * - inside a link (an explorer URL such as `etherscan.io/tx/…`): not a key;
 * - a key word ("private key", "priv", "secret", "key:", "ключ", "приватный") is nearer than a
 *   public word ("tx", "txid", "hash", "transaction", "address", "хэш", "транзакция"): a key;
 * - a public word is nearer, as near (the "key" of "public key"), or the only one: not a key;
 * - no word either way: a key. A bare 64-hex string pasted alone is treated as the worst case.
 */
export function detectHexKeys(text: string): SecretFinding[] {
  const findings: SecretFinding[] = [];
  for (const match of text.matchAll(HEX_64)) {
    const start = match.index + (match[1] as string).length;
    const end = start + (match[2] as string).length;
    if (URL_BEFORE.test(text.slice(Math.max(0, start - LOOK_BEHIND), start))) continue;
    const key = nearest(text, start, end, KEY_WORDS);
    const isPublic = nearest(text, start, end, PUBLIC_WORDS);
    // A tie is "public key" itself, where both lists match the same word.
    if (isPublic !== Infinity && isPublic <= key) continue;
    findings.push({ kind: 'privateKey', start, end, label: 'hex' });
  }
  return findings;
}

/** Distance in characters from the token to the nearest match of `words` around it; Infinity if none. */
function nearest(text: string, start: number, end: number, words: RegExp): number {
  let best = Infinity;
  const before = text.slice(Math.max(0, start - LOOK_BEHIND), start);
  for (const match of before.matchAll(words)) {
    best = Math.min(best, before.length - (match.index + match[0].length));
  }
  const after = text.slice(end, end + LOOK_AHEAD);
  for (const match of after.matchAll(words)) best = Math.min(best, match.index);
  return best;
}
