import type { SecretAction } from '../../core/protocol/index.js';
import type { RedactedText, SecretPattern, SecretPolicy } from '../../core/secrets/index.js';
import { compileSecretPatterns, redactSecrets, resolveSecretPolicy } from '../../core/secrets/index.js';
import type { ServerContext } from '../ServerContext.js';

/**
 * The server's half of the desk's `secretGuard` policy. The widget blocks what the policy says
 * `block`, but any client can post, so the server redacts those kinds as well as the `redact`
 * ones: it never stores a secret, and it never rejects a message (a visitor's words are not
 * lost). Kinds the desk set to `warn` are stored as sent, since the visitor confirmed them.
 */
export function serverSecretPolicy(secretGuard: Readonly<Partial<Record<string, SecretAction>>> | undefined): SecretPolicy {
  const policy = resolveSecretPolicy(secretGuard);
  for (const kind of Object.keys(policy) as Array<keyof SecretPolicy>) {
    if (policy[kind] === 'block') policy[kind] = 'redact';
  }
  return policy;
}

/**
 * Replaces secrets in visitor text (message text, file names) with `[redacted]` before it is
 * stored, and says what was replaced.
 *
 * @example
 * const { text, redactions } = await guardSecrets(ctx, body.text);
 */
export function guardSecrets(ctx: ServerContext, text: string): Promise<RedactedText> {
  return redactSecrets(text, serverSecretPolicy(ctx.config.secretGuard), { patterns: deskPatterns(ctx) });
}

// Compiled once per config object, not per message.
const compiled = new WeakMap<object, SecretPattern[]>();

function deskPatterns(ctx: ServerContext): SecretPattern[] {
  let patterns = compiled.get(ctx.config);
  if (!patterns) {
    patterns = compileSecretPatterns(ctx.config.secretPatterns, (spec, error) =>
      console.warn(`parley: secret pattern "${spec.name}" is not a valid regular expression (${String(error)}); it is skipped`),
    );
    compiled.set(ctx.config, patterns);
  }
  return patterns;
}
