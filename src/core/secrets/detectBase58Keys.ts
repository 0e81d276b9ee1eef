import { decodeBase58Check } from './base58.js';
import type { SecretFinding } from './SecretFinding.js';

const B58 = '1-9A-HJ-NP-Za-km-z';
// Patterns capture the character before the key (group 1) instead of using a lookbehind, which
// Safari supports only since 16.4; the key itself is group 2.
// Wallet Import Format: 51 characters starting with 5 (mainnet, uncompressed) or 9 (testnet),
// 52 starting with K or L (mainnet, compressed) or c (testnet).
const WIF = new RegExp(`(^|[^${B58}])([59][${B58}]{50}|[KLc][${B58}]{51})(?![${B58}])`, 'g');
// BIP-32 extended private keys: 78 bytes + checksum are 111 characters; allow a little slack
// so that a version with a smaller leading byte still matches and is then checked.
const XPRV = new RegExp(`(^|[^${B58}])([xyztuvYZUV]prv[${B58}]{100,110})(?![${B58}])`, 'g');

const WIF_VERSIONS: Record<number, string> = { 0x80: 'wif', 0xef: 'wif-testnet' };
const XPRV_PAYLOAD_BYTES = 78;

/**
 * Finds WIF private keys and extended private keys (`xprv`, `yprv`, `zprv`, `tprv`, `uprv`,
 * `vprv`, `Yprv`, `Zprv`). Every candidate must pass Base58Check, so a random string of the
 * same shape (a 1-in-4-billion chance aside) is not reported; public `xpub` keys never match.
 */
export async function detectBase58Keys(text: string): Promise<SecretFinding[]> {
  const findings: SecretFinding[] = [];
  for (const match of text.matchAll(WIF)) {
    const [key, start] = keyOf(match);
    const payload = await decodeBase58Check(key);
    if (!payload) continue;
    const label = WIF_VERSIONS[payload[0] as number];
    // 1 version byte + 32 key bytes, plus 0x01 when the public key is compressed.
    const shaped = payload.length === 33 || (payload.length === 34 && payload[33] === 0x01);
    if (label && shaped) findings.push({ kind: 'wif', start, end: start + key.length, label });
  }
  for (const match of text.matchAll(XPRV)) {
    const [key, start] = keyOf(match);
    const payload = await decodeBase58Check(key);
    // Byte 45 of the serialisation is the 0x00 that pads a private key to 33 bytes.
    if (!payload || payload.length !== XPRV_PAYLOAD_BYTES || payload[45] !== 0) continue;
    findings.push({ kind: 'xprv', start, end: start + key.length, label: key.slice(0, 4) });
  }
  return findings;
}

function keyOf(match: RegExpMatchArray): [key: string, start: number] {
  const before = match[1] as string;
  return [match[2] as string, (match.index as number) + before.length];
}
