import type { SecretKind } from '../protocol/index.js';
import { detectBase58Keys } from './detectBase58Keys.js';
import { detectCards } from './detectCards.js';
import { detectCustom } from './detectCustom.js';
import { detectHexKeys } from './detectHexKeys.js';
import { detectMnemonics, mayHoldMnemonic } from './detectMnemonics.js';
import { loadWordlist } from './loadWordlist.js';
import type { DetectOptions, SecretFinding } from './SecretFinding.js';

// When two findings overlap, the one of the earlier kind names the merged span.
const PRIORITY: readonly SecretKind[] = ['mnemonic', 'xprv', 'wif', 'privateKey', 'card', 'custom'];

/**
 * Finds seed phrases, private keys (hex, WIF, extended), payment card numbers and matches of
 * the host's own patterns in a text. Findings are sorted by position and never overlap. Async
 * because checksums use Web Crypto and the BIP-39 list is loaded on demand.
 *
 * @example
 * const findings = await detectSecrets('my card is 4111 1111 1111 1111');
 * // [{ kind: 'card', start: 11, end: 30, label: 'visa' }]
 */
export async function detectSecrets(text: string, options: DetectOptions = {}): Promise<SecretFinding[]> {
  const found: SecretFinding[] = [
    ...detectHexKeys(text),
    ...(await detectBase58Keys(text)),
    ...detectCards(text),
    ...detectCustom(text, options.patterns ?? []),
  ];
  if (mayHoldMnemonic(text)) found.push(...(await detectMnemonics(text, await loadWordlist(options.wordlist))));
  return mergeFindings(found);
}

/** Sorts findings and merges overlapping ones into one span. */
export function mergeFindings(findings: readonly SecretFinding[]): SecretFinding[] {
  const sorted = [...findings].sort((a, b) => a.start - b.start || b.end - a.end);
  const merged: SecretFinding[] = [];
  for (const finding of sorted) {
    const previous = merged[merged.length - 1];
    if (!previous || finding.start >= previous.end) {
      merged.push({ ...finding });
      continue;
    }
    previous.end = Math.max(previous.end, finding.end);
    if (PRIORITY.indexOf(finding.kind) < PRIORITY.indexOf(previous.kind)) {
      previous.kind = finding.kind;
      if (finding.label === undefined) delete previous.label;
      else previous.label = finding.label;
    }
  }
  return merged;
}
