import { describe, expect, it } from 'vitest';
import { backoff } from '../../../src/core/client/backoff.js';

describe('backoff', () => {
  it('waits between half and all of an exponentially growing ceiling', () => {
    expect(backoff(0, 500, 30000, () => 0)).toBe(250);
    expect(backoff(0, 500, 30000, () => 1)).toBe(500);
    expect(backoff(3, 500, 30000, () => 0)).toBe(2000);
    expect(backoff(3, 500, 30000, () => 1)).toBe(4000);
  });

  it('spreads visitors out: different random draws give different waits', () => {
    expect(backoff(2, 500, 30000, () => 0.1)).not.toBe(backoff(2, 500, 30000, () => 0.9));
  });

  it('never waits longer than the maximum, even after very many attempts', () => {
    for (const attempt of [10, 16, 50, 1000, Number.MAX_SAFE_INTEGER]) {
      const wait = backoff(attempt, 500, 30000, () => 1);
      expect(wait).toBe(30000);
    }
    expect(backoff(1000, 500, 30000, () => 0)).toBe(15000);
  });
});
