import { REDACTED } from '../context/redactUrl.js';
import type { Redaction, SecretKind } from '../protocol/index.js';
import type { SecretFinding, SecretPolicy } from './SecretFinding.js';
import { resolveSecretPolicy } from './secretPolicy.js';

/** What to do with a text: send it (possibly redacted), ask the visitor first, or refuse. */
export type SecretVerdict = 'send' | 'warn' | 'block';

export interface SecretCheck {
  /** The strongest action any finding calls for; `send` when there is none or all are redacted. */
  action: SecretVerdict;
  /** Every finding, whatever its action. */
  findings: SecretFinding[];
  /** The text with each finding whose kind is `redact` replaced by `[redacted]`. */
  redactedText: string;
  /** How many secrets of each kind `redactedText` replaced, in order of first appearance. */
  redactions: Redaction[];
}

/**
 * Applies a policy to the findings of {@link detectSecrets} in `text`. `redact` kinds are
 * replaced in `redactedText`; `warn` and `block` kinds stay in it and decide `action`
 * (`block` beats `warn` beats `send`).
 *
 * @example
 * const check = applySecretPolicy(text, await detectSecrets(text), { card: 'redact' });
 * if (check.action === 'send') send(check.redactedText);
 */
export function applySecretPolicy(
  text: string,
  findings: readonly SecretFinding[],
  policy?: Partial<SecretPolicy>,
): SecretCheck {
  const resolved = resolveSecretPolicy(policy);
  let action: SecretVerdict = 'send';
  let redactedText = '';
  let cursor = 0;
  const counts = new Map<SecretKind, number>();
  for (const finding of [...findings].sort((a, b) => a.start - b.start)) {
    const wanted = resolved[finding.kind];
    if (wanted === 'block') {
      action = 'block';
    } else if (wanted === 'warn') {
      if (action === 'send') action = 'warn';
    } else if (finding.start >= cursor) {
      // Findings from detectSecrets never overlap; a hand-made overlapping one is covered already.
      redactedText += text.slice(cursor, finding.start) + REDACTED;
      cursor = finding.end;
      counts.set(finding.kind, (counts.get(finding.kind) ?? 0) + 1);
    }
  }
  redactedText += text.slice(cursor);
  return {
    action,
    findings: [...findings],
    redactedText,
    redactions: [...counts].map(([kind, count]) => ({ kind, count })),
  };
}
