import { existsSync, readFileSync, statSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

/**
 * The demo articles in `kb/` at the root of the parley-chat package, when that folder exists:
 * in a clone of the repository (running `src/` or `dist/`), not in an npm install, which ships
 * no `kb/`. Found through the package's own package.json, so an unrelated `kb` folder
 * elsewhere is never picked up.
 */
export function defaultKbDir(): string | null {
  const here: unknown = import.meta.url;
  // The CommonJS build has no import.meta; its users pass `kbDir` themselves.
  if (typeof here !== 'string' || !here.startsWith('file:')) return null;
  let dir = dirname(fileURLToPath(here));
  for (let depth = 0; depth < 4; depth++) {
    if (isParleyPackage(join(dir, 'package.json'))) {
      const kb = join(dir, 'kb');
      return existsSync(kb) && statSync(kb).isDirectory() ? kb : null;
    }
    const parent = dirname(dir);
    if (parent === dir) break;
    dir = parent;
  }
  return null;
}

function isParleyPackage(file: string): boolean {
  if (!existsSync(file)) return false;
  try {
    return (JSON.parse(readFileSync(file, 'utf8')) as { name?: unknown }).name === 'parley-chat';
  } catch {
    // An unreadable or invalid package.json is not ours; keep looking further up.
    return false;
  }
}
