import type { SecretFinding, SecretPattern } from './SecretFinding.js';

/** Every match of the host's patterns, as kind `custom` labelled with the pattern's name. */
export function detectCustom(text: string, patterns: readonly SecretPattern[]): SecretFinding[] {
  const findings: SecretFinding[] = [];
  for (const { name, pattern } of patterns) {
    // A copy with the `g` flag: matchAll needs it, and the host's own lastIndex stays untouched.
    const global = new RegExp(pattern.source, pattern.flags.includes('g') ? pattern.flags : `${pattern.flags}g`);
    for (const match of text.matchAll(global)) {
      // An empty match hides nothing.
      if (match[0] === '') continue;
      findings.push({ kind: 'custom', start: match.index, end: match.index + match[0].length, label: name });
    }
  }
  return findings;
}
