import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

describe('browser compatibility of src/core/secrets', () => {
  it('uses no regex lookbehind: Safari before 16.4 cannot even parse a chunk that has one', () => {
    const dir = join(process.cwd(), 'src/core/secrets');
    const offenders = readdirSync(dir)
      .filter((name) => name.endsWith('.ts'))
      .filter((name) => /\(\?<[!=]/.test(readFileSync(join(dir, name), 'utf8')));
    expect(offenders).toEqual([]);
  });
});
