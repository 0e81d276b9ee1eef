import { describe, expect, test } from 'vitest';
import { compileSecretPatterns, createSecretGuard } from '../../../src/core/secrets/index.js';

describe('compileSecretPatterns', () => {
  test('turns the desk’s pattern specs into checks the guard applies as kind custom', async () => {
    const patterns = compileSecretPatterns([{ name: 'Support PIN', source: 'pin[: ]+\\d{6}', flags: 'i' }]);
    const guard = createSecretGuard({ policy: { custom: 'block' }, patterns });
    const check = await guard.check('my PIN: 123456, please reset');
    expect(check.action).toBe('block');
    expect(check.findings).toEqual([expect.objectContaining({ kind: 'custom', label: 'Support PIN' })]);
    expect((await guard.check('order 123456 is late')).action).toBe('send');
  });

  test('skips a pattern that does not compile, says which, and keeps the others working', async () => {
    const invalid: string[] = [];
    const patterns = compileSecretPatterns(
      [
        { name: 'Broken', source: '(unclosed' },
        { name: 'Token', source: 'tok_[a-z]{8}' },
      ],
      (spec) => invalid.push(spec.name),
    );
    expect(invalid).toEqual(['Broken']);
    expect(patterns.map((p) => p.name)).toEqual(['Token']);
    const check = await createSecretGuard({ policy: { custom: 'redact' }, patterns }).check('tok_abcdefgh');
    expect(check.redactedText).toBe('[redacted]');
  });
});
