import type { Redaction } from '../../core/protocol/index.js';

const NAMES: Record<string, readonly [one: string, many: string]> = {
  mnemonic: ['seed phrase', 'seed phrases'],
  privateKey: ['private key', 'private keys'],
  wif: ['private key (WIF)', 'private keys (WIF)'],
  xprv: ['extended private key', 'extended private keys'],
  card: ['card number', 'card numbers'],
  custom: ['secret', 'secrets'],
};

/**
 * What the secret guard took out of a message, for the agent: "Redacted: 1 seed phrase, 2 card
 * numbers". Null when nothing was.
 *
 * @example
 * redactionNote([{ kind: 'mnemonic', count: 1 }]) // 'Redacted: 1 seed phrase'
 */
export function redactionNote(redactions: readonly Redaction[] | undefined): string | null {
  if (!redactions || redactions.length === 0) return null;
  const parts = redactions.map(({ kind, count }) => {
    // A kind from a newer server still reads sensibly.
    const [one, many] = NAMES[kind] ?? [kind, kind];
    return `${count} ${count === 1 ? one : many}`;
  });
  return `Redacted: ${parts.join(', ')}`;
}
