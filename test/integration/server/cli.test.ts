import { mkdtemp, rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli } from '../../../src/server/cli/runCli.js';

function io(env: Record<string, string> = {}) {
  const out: string[] = [];
  const err: string[] = [];
  return { out, err, io: { stdout: (l: string) => out.push(l), stderr: (l: string) => err.push(l), env } };
}

describe('parley-chat CLI', () => {
  it('prints usage for --help', async () => {
    const t = io();
    const result = await runCli(['--help'], t.io);
    expect(result.code).toBe(0);
    expect(t.out.join('\n')).toMatch(/Usage: parley-chat serve/);
    expect(t.out.join('\n')).toContain('--operator-key');
  });

  it('names an unknown flag and exits 2', async () => {
    const t = io();
    const result = await runCli(['serve', '--prot', '80'], t.io);
    expect(result.code).toBe(2);
    expect(t.err.join('\n')).toContain('--prot');
  });

  it('refuses a missing command and a bad port', async () => {
    expect((await runCli([], io().io)).code).toBe(2);
    const t = io();
    expect((await runCli(['serve', '--port', 'eighty'], t.io)).code).toBe(2);
    expect(t.err.join('\n')).toContain('--port');
  });

  it('serves with a data dir, prints the API and console URLs, and closes', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'parley-cli-'));
    const t = io({ PARLEY_OPERATOR_KEY: 'key-from-env' });
    const { code, server } = await runCli(['serve', '--port', '0', '--data-dir', dir], t.io);
    try {
      expect(code).toBe(0);
      expect(server).toBeDefined();
      expect(t.out[0]).toContain(server?.url);
      expect(t.out[1]).toBe(`Operator console ${server?.url}/console#key=key-from-env`);
      const res = await fetch(`${server?.url}/v1/operator/conversations`, { headers: { Authorization: 'Bearer key-from-env' } });
      expect(res.status).toBe(200);
      expect((await stat(join(dir, 'parley.sqlite'))).isFile()).toBe(true);
    } finally {
      await server?.close();
      await rm(dir, { recursive: true, force: true });
    }
  });
});
