#!/usr/bin/env node
// `npm run test:reliability`: the reliability and security suites (docs/reliability.md), then one
// table of their figures. The browser suites read dist/, so the build and those suites run under
// the same lock as every other dist build on a shared machine (flock, where it exists).
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
const results = join(root, 'test-results', 'reliability');
rmSync(results, { recursive: true, force: true });
mkdirSync(results, { recursive: true });

const run = (command) => {
  console.log(`\n== ${command}`);
  return spawnSync(command, { cwd: root, stdio: 'inherit', shell: true }).status ?? 1;
};
const hasFlock = spawnSync('flock', ['--version'], { stdio: 'ignore' }).status === 0;
const locked = (command) => (hasFlock ? `flock /tmp/parley-dist.lock sh -c '${command}'` : command);

const statuses = [
  run('npx vitest run --project integration test/integration/reliability'),
  run(locked('npm run build && npx vitest run --project e2e test/e2e/security')),
];

console.log('\n== figures (also in test-results/reliability/*.json)');
for (const file of existsSync(results) ? readdirSync(results).filter((f) => f.endsWith('.json')).sort() : []) {
  const { name, figures } = JSON.parse(readFileSync(join(results, file), 'utf8'));
  console.log(`\n${name}`);
  for (const [key, value] of Object.entries(figures)) console.log(`  ${key}: ${typeof value === 'object' ? JSON.stringify(value) : value}`);
}
process.exit(statuses.some((status) => status !== 0) ? 1 : 0);
