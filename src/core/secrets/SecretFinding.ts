import type { SecretAction, SecretKind } from '../protocol/index.js';

/** One secret found in a text: `text.slice(start, end)` is the secret itself. */
export interface SecretFinding {
  kind: SecretKind;
  start: number;
  end: number;
  /**
   * What exactly was recognised: `bip39` (checksum verified) or `bip39-unverified` for
   * mnemonics, `hex` for raw keys, `wif`/`wif-testnet`, the prefix (`xprv`, `zprv`, …) for
   * extended keys, the card network (`visa`, `mir`, …), or a custom pattern's name.
   */
  label?: string;
}

/** A host-supplied pattern, reported as kind `custom` with `name` as its label. */
export interface SecretPattern {
  name: string;
  pattern: RegExp;
}

/** What to do with each kind of secret. */
export type SecretPolicy = Record<SecretKind, SecretAction>;

export interface DetectOptions {
  /** Host-supplied patterns, e.g. internal API keys. */
  patterns?: readonly SecretPattern[];
  /**
   * The BIP-39 list to match against, in index order. By default the English list, loaded with
   * `import()` the first time a text could hold a mnemonic.
   */
  wordlist?: readonly string[];
}
