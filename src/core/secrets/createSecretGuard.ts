import type { SecretCheck } from './applySecretPolicy.js';
import { applySecretPolicy } from './applySecretPolicy.js';
import { detectSecrets } from './detectSecrets.js';
import { loadWordlist } from './loadWordlist.js';
import type { SecretPattern, SecretPolicy } from './SecretFinding.js';
import { resolveSecretPolicy } from './secretPolicy.js';

export interface SecretGuardOptions {
  /** Actions per kind, e.g. `WidgetConfig.secretGuard`; missing kinds keep the defaults. */
  policy?: Partial<Record<string, string>> | null;
  /** Host-supplied patterns, reported as kind `custom`. */
  patterns?: readonly SecretPattern[];
}

export interface SecretGuard {
  /** The complete policy in force. */
  readonly policy: Readonly<SecretPolicy>;
  /** Checks a text before it is sent. */
  check(text: string): Promise<SecretCheck>;
  /** Loads the BIP-39 list ahead of time (e.g. when the composer gets focus), so `check` never waits for it. */
  preload(): Promise<void>;
}

/**
 * The check a composer runs before sending: detection plus the desk's policy.
 *
 * @example
 * const guard = createSecretGuard({ policy: config.secretGuard });
 * const check = await guard.check(draft);
 * if (check.action === 'block') showWarning(check.findings);
 * else if (check.action === 'send') send(check.redactedText);
 */
export function createSecretGuard(options: SecretGuardOptions = {}): SecretGuard {
  const policy: Readonly<SecretPolicy> = Object.freeze(resolveSecretPolicy(options.policy));
  const patterns = [...(options.patterns ?? [])];
  return {
    policy,
    async check(text) {
      return applySecretPolicy(text, await detectSecrets(text, { patterns }), policy);
    },
    async preload() {
      await loadWordlist();
    },
  };
}
