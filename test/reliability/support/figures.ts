import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..', '..', '..');

/**
 * Prints a suite's figures and keeps them in test-results/reliability/<name>.json, where
 * `npm run test:reliability` collects them into one table (docs/reliability.md quotes it).
 */
export function recordFigures(name: string, figures: Record<string, unknown>): void {
  const file = join(root, 'test-results', 'reliability', `${name}.json`);
  mkdirSync(dirname(file), { recursive: true });
  writeFileSync(file, JSON.stringify({ name, at: new Date().toISOString(), figures }, null, 2));
  console.log(`[reliability] ${name}: ${JSON.stringify(figures)}`);
}
