// `npm test` runs this first: a few unit tests check what the package ships (the exports map,
// the loader's globals, the size table), so they need a dist/ built from the current source.
// On a fresh clone, or when src/ changed since the last build, it builds; otherwise it does
// nothing, so CI (which has just built) pays no second build.
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
const outputs = ['dist/index.js', 'dist/parley.js', 'dist/server.js', 'dist/widget/metafile-esm.json'].map((f) => join(root, f));

/** The newest modification time of any file under `dir`. */
function newest(dir) {
  let latest = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    latest = Math.max(latest, entry.isDirectory() ? newest(path) : statSync(path).mtimeMs);
  }
  return latest;
}

const missing = outputs.filter((file) => !existsSync(file));
const built = missing.length === 0 ? Math.min(...outputs.map((file) => statSync(file).mtimeMs)) : 0;
const inputs = Math.max(newest(join(root, 'src')), ...['package.json', 'tsup.config.ts'].map((f) => statSync(join(root, f)).mtimeMs));

if (missing.length > 0 || inputs > built) {
  console.log(missing.length > 0 ? 'parley: dist/ is missing; building it first (npm run build)' : 'parley: src/ changed since the last build; building first (npm run build)');
  const result = spawnSync('npm', ['run', '--silent', 'build'], { cwd: root, stdio: ['ignore', 'ignore', 'inherit'] });
  if (result.status !== 0) process.exit(result.status ?? 1);
}
