import type { SecretAction, SecretKind } from '../protocol/index.js';
import type { SecretPolicy } from './SecretFinding.js';

const ACTIONS: ReadonlySet<SecretAction> = new Set(['warn', 'block', 'redact']);

/**
 * What the widget does by default: keys and seed phrases never leave the page, card numbers
 * are replaced by `[redacted]`, and the host's own patterns only ask the visitor first.
 */
export const DEFAULT_SECRET_POLICY: Readonly<SecretPolicy> = Object.freeze({
  mnemonic: 'block',
  privateKey: 'block',
  wif: 'block',
  xprv: 'block',
  card: 'redact',
  custom: 'warn',
});

/**
 * A complete policy from a partial one, such as `WidgetConfig.secretGuard`: kinds it does not
 * name keep their defaults, and unknown kinds or actions (from a newer server) are ignored.
 *
 * @example
 * resolveSecretPolicy({ card: 'block' }).card // 'block'
 */
export function resolveSecretPolicy(
  partial?: Readonly<Partial<Record<string, string>>> | null,
  base: Readonly<SecretPolicy> = DEFAULT_SECRET_POLICY,
): SecretPolicy {
  const policy: SecretPolicy = { ...base };
  for (const [kind, action] of Object.entries(partial ?? {})) {
    if (Object.prototype.hasOwnProperty.call(DEFAULT_SECRET_POLICY, kind) && ACTIONS.has(action as SecretAction)) {
      policy[kind as SecretKind] = action as SecretAction;
    }
  }
  return policy;
}
