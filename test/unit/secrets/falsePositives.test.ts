import { describe, expect, it } from 'vitest';
import { buildCorpus } from '../../../scripts/generateSecretCorpus.mjs';
import { detectSecrets } from '../../../src/core/secrets/index.js';
import fixture from '../../fixtures/secrets/ordinary-messages.json';

describe('detectSecrets: false positives on ordinary support messages', () => {
  it('the corpus is current and large enough: at least 1,000 messages, half of them Russian', () => {
    expect(fixture.messages).toEqual(buildCorpus());
    expect(fixture.messages.length).toBeGreaterThanOrEqual(1000);
    const russian = fixture.messages.filter((m) => /[а-яё]/i.test(m)).length;
    expect(russian / fixture.messages.length).toBeGreaterThan(0.4);
    expect(russian / fixture.messages.length).toBeLessThan(0.6);
  });

  it('flags at most 0.5% of them', async () => {
    const flagged: string[] = [];
    for (const message of fixture.messages) {
      const findings = await detectSecrets(message);
      if (findings.length > 0) {
        flagged.push(`${JSON.stringify(message)} → ${findings.map((f) => `${f.kind} ${JSON.stringify(message.slice(f.start, f.end))}`).join(', ')}`);
      }
    }
    const total = fixture.messages.length;
    console.info(`secret guard: ${flagged.length} / ${total} false positives (${((flagged.length / total) * 100).toFixed(2)}%)`);
    if (flagged.length > 0) console.info(flagged.join('\n'));
    expect(flagged.length / total).toBeLessThanOrEqual(0.005);
  });
});
