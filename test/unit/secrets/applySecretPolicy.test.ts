import { describe, expect, it } from 'vitest';
import {
  DEFAULT_SECRET_POLICY,
  applySecretPolicy,
  createSecretGuard,
  detectSecrets,
  redactSecrets,
  resolveSecretPolicy,
} from '../../../src/core/secrets/index.js';
import { generateMnemonic } from './support/generateSecrets.js';

const CARD = '4111 1111 1111 1111';

describe('applySecretPolicy', () => {
  it('sends text without secrets unchanged', () => {
    expect(applySecretPolicy('hello', [])).toEqual({ action: 'send', findings: [], redactedText: 'hello', redactions: [] });
  });

  it('redacts card numbers by default and still sends', async () => {
    const text = `card ${CARD} and 5500-0000-0000-0004, thanks`;
    const check = applySecretPolicy(text, await detectSecrets(text));
    expect(check.action).toBe('send');
    expect(check.redactedText).toBe('card [redacted] and [redacted], thanks');
    expect(check.redactions).toEqual([{ kind: 'card', count: 2 }]);
  });

  it('blocks a seed phrase by default and reports the strongest action', async () => {
    const words = await generateMnemonic(12);
    const text = `${words.join(' ')}\ncard ${CARD}`;
    const check = applySecretPolicy(text, await detectSecrets(text));
    expect(check.action).toBe('block');
    expect(check.findings.map((f) => f.kind)).toEqual(['mnemonic', 'card']);
    // The card is still redacted, so a caller that lets a warned text through never leaks it.
    expect(check.redactedText).toBe(`${words.join(' ')}\ncard [redacted]`);
  });

  it('follows a partial policy, keeping defaults for the rest', async () => {
    const words = await generateMnemonic(12);
    const text = `${words.join(' ')} / ${CARD}`;
    const findings = await detectSecrets(text);
    expect(applySecretPolicy(text, findings, { mnemonic: 'warn', card: 'warn' }).action).toBe('warn');
    const redacted = applySecretPolicy(text, findings, { mnemonic: 'redact' });
    expect(redacted).toMatchObject({
      action: 'send',
      redactedText: '[redacted] / [redacted]',
      redactions: [
        { kind: 'mnemonic', count: 1 },
        { kind: 'card', count: 1 },
      ],
    });
  });

  it('warns for custom patterns by default', async () => {
    const text = 'my api key sk_live_abcdef12345';
    const findings = await detectSecrets(text, { patterns: [{ name: 'stripe', pattern: /sk_live_\w+/ }] });
    expect(applySecretPolicy(text, findings).action).toBe('warn');
  });
});

describe('resolveSecretPolicy', () => {
  it('fills missing kinds from the defaults and ignores unknown kinds and actions', () => {
    expect(resolveSecretPolicy({ card: 'block', passport: 'block', wif: 'shred' })).toEqual({
      ...DEFAULT_SECRET_POLICY,
      card: 'block',
    });
    expect(resolveSecretPolicy(undefined)).toEqual(DEFAULT_SECRET_POLICY);
  });
});

describe('redactSecrets', () => {
  it('replaces only the kinds marked redact', async () => {
    expect(await redactSecrets(`card ${CARD}`, { card: 'redact' })).toEqual({
      text: 'card [redacted]',
      redactions: [{ kind: 'card', count: 1 }],
    });
    expect(await redactSecrets(`card ${CARD}`, { card: 'warn' })).toEqual({ text: `card ${CARD}`, redactions: [] });
  });
});

describe('createSecretGuard', () => {
  it('checks with the desk policy and the host patterns', async () => {
    const guard = createSecretGuard({
      policy: { card: 'block', custom: 'redact' },
      patterns: [{ name: 'internal id', pattern: /EMP-\d{6}/ }],
    });
    expect(guard.policy.card).toBe('block');
    expect(guard.policy.mnemonic).toBe('block');
    expect((await guard.check(`card ${CARD}`)).action).toBe('block');
    expect(await guard.check('employee EMP-123456 here')).toMatchObject({
      action: 'send',
      redactedText: 'employee [redacted] here',
      redactions: [{ kind: 'custom', count: 1 }],
    });
    await guard.preload();
    expect((await guard.check('nothing to see')).action).toBe('send');
  });
});
