import type { NameCheck, ParleyClient, SecretCheck, SecretGuard, SecretKind, SecretPattern } from '../../core/index.js';

/** A check plus the kinds that stopped it (those the policy warns about or blocks, not redacts). */
export interface TextCheck extends SecretCheck {
  flagged: SecretKind[];
}

export interface SecretChecks {
  /** The desk's policy applied to a message text. */
  check(text: string): Promise<TextCheck>;
  /** The same for a file name, in the shape the upload queue wants. */
  checkName(name: string): Promise<NameCheck>;
  /** Fetches the guard's code ahead of the first send (when the composer gets focus). */
  preload(): void;
}

/**
 * The secret guard for a widget, loaded on first use and rebuilt when the desk's policy or
 * patterns (`$config.secretGuard`, `$config.secretPatterns`, else the defaults) change. The
 * host's own `patterns` (the `secretPatterns` init option) apply on top of the desk's.
 */
export function createSecretCheck(
  client: ParleyClient,
  warn: (message: string) => void,
  hostPatterns: readonly SecretPattern[] = [],
): SecretChecks {
  let cached: { config: unknown; guard: Promise<SecretGuard> } | null = null;
  const guard = () => {
    const config = client.$config.get();
    if (!cached || cached.config !== config) {
      const policy = config?.secretGuard ?? null;
      const specs = config?.secretPatterns;
      const loading = import('./secretGuardChunk.js').then(({ createSecretGuard, compileSecretPatterns }) =>
        createSecretGuard({
          policy,
          patterns: [
            ...compileSecretPatterns(specs, (spec) => warn(`Parley: the desk's secret pattern "${spec.name}" is not a valid regular expression; it is skipped`)),
            ...hostPatterns,
          ],
        }),
      );
      cached = { config, guard: loading };
      // A chunk that failed (offline, a deploy in between) is fetched again next time.
      loading.catch(() => {
        if (cached?.guard === loading) cached = null;
      });
    }
    return cached.guard;
  };
  return {
    async check(text) {
      const loaded = await guard();
      const check = await loaded.check(text);
      const flagged = check.findings.filter((f) => loaded.policy[f.kind] !== 'redact').map((f) => f.kind);
      return { ...check, flagged: [...new Set(flagged)] };
    },
    async checkName(name) {
      try {
        const check = await (await guard()).check(name);
        return { action: check.action, name: check.redactedText };
      } catch (error) {
        // The server redacts secrets in file names as well, so the file can still go.
        warn(`Parley: the secret check could not run (${String(error)}); the server still redacts file names`);
        return { action: 'send', name };
      }
    },
    // Only the detection code: the BIP-39 list stays a chunk of its own, fetched on a send
    // whose text could hold a seed phrase.
    preload() {
      guard().catch((error: unknown) => warn(`Parley: the secret check failed to load (${String(error)}); it is tried again on send`));
    },
  };
}
