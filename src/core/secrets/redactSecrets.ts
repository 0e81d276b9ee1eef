import type { Redaction } from '../protocol/index.js';
import { applySecretPolicy } from './applySecretPolicy.js';
import { detectSecrets } from './detectSecrets.js';
import type { DetectOptions, SecretPolicy } from './SecretFinding.js';

export interface RedactedText {
  text: string;
  redactions: Redaction[];
}

/**
 * Detects secrets and replaces those whose kind the policy marks `redact` with `[redacted]`;
 * kinds marked `warn` or `block` are left in place (use {@link applySecretPolicy} to act on them).
 *
 * @example
 * await redactSecrets('card 4111 1111 1111 1111', { card: 'redact' })
 * // { text: 'card [redacted]', redactions: [{ kind: 'card', count: 1 }] }
 */
export async function redactSecrets(
  text: string,
  policy?: Partial<SecretPolicy>,
  options?: DetectOptions,
): Promise<RedactedText> {
  const check = applySecretPolicy(text, await detectSecrets(text, options), policy);
  return { text: check.redactedText, redactions: check.redactions };
}
