import type { SecretPatternSpec } from '../protocol/index.js';
import type { SecretPattern } from './SecretFinding.js';

/**
 * The desk's patterns (`WidgetConfig.secretPatterns`) as regular expressions. A pattern that
 * does not compile is left out and reported, rather than failing every check: the built-in
 * detectors must keep working whatever a desk misconfigures.
 *
 * @example
 * compileSecretPatterns([{ name: 'Exchange API secret', source: 'nwx_sk_[A-Za-z0-9]{24}' }])
 */
export function compileSecretPatterns(
  specs: readonly SecretPatternSpec[] | undefined,
  onInvalid?: (spec: SecretPatternSpec, error: unknown) => void,
): SecretPattern[] {
  const patterns: SecretPattern[] = [];
  for (const spec of specs ?? []) {
    try {
      patterns.push({ name: spec.name, pattern: new RegExp(spec.source, spec.flags ?? '') });
    } catch (error) {
      onInvalid?.(spec, error);
    }
  }
  return patterns;
}
