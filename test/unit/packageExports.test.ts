// @vitest-environment node
// The exports map is what an app's bundler and Node actually read: a wrong path or condition
// breaks `import 'parley-chat/…'` or `require()` for every user while every source test passes.
// So this checks the built package (dist/) through its own name, in a separate Node process, the
// way an installed copy resolves it; vitest's own module loader would paper over ESM/CJS mistakes.
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Window } from 'happy-dom';
import { beforeAll, beforeEach, describe, expect, it } from 'vitest';

const root = fileURLToPath(new URL('../..', import.meta.url)).replace(/\/$/, '');
const pkg = JSON.parse(readFileSync(`${root}/package.json`, 'utf8')) as {
  name: string;
  exports: Record<string, unknown>;
  sideEffects: unknown;
};

interface Target {
  importFile?: string;
  importTypes?: string;
  requireFile?: string;
  requireTypes?: string;
}

/** `{ node: { import: { types, default } } }` → the files for `import` and `require`, any nesting of `node`. */
function targetsOf(entry: unknown): Target {
  if (typeof entry === 'string') return { importFile: entry, requireFile: entry };
  const conditions = entry as Record<string, unknown>;
  if (conditions.node && !conditions.import && !conditions.require) return targetsOf(conditions.node);
  const pick = (branch: unknown) =>
    typeof branch === 'string' ? { file: branch } : { file: (branch as Record<string, string>)?.default, types: (branch as Record<string, string>)?.types };
  const esm = pick(conditions.import);
  const cjs = pick(conditions.require);
  return { importFile: esm.file, importTypes: esm.types, requireFile: cjs.file, requireTypes: cjs.types };
}

// Module entries: the subpaths with import/require conditions (not the plain files `./parley.js`, `./package.json`).
const moduleSubpaths = Object.entries(pkg.exports)
  .filter(([, entry]) => typeof entry === 'object')
  .map(([subpath, entry]) => ({ subpath, specifier: subpath === '.' ? pkg.name : `${pkg.name}/${subpath.slice(2)}`, ...targetsOf(entry) }));
// `./auto` registers the custom element when evaluated (its whole purpose), which needs a DOM.
const executable = moduleSubpaths.filter((entry) => entry.subpath !== './auto');
const abs = (path: string) => join(root, path);

function assertBuilt() {
  const missing = moduleSubpaths.flatMap((e) => [e.importFile, e.requireFile]).filter((f) => f && !existsSync(abs(f)));
  if (!existsSync(`${root}/dist`) || !existsSync(`${root}/dist/parley.js`) || missing.length === moduleSubpaths.length * 2) {
    throw new Error('packageExports: dist/ is missing; run `npm run build` first (this test checks the built package)');
  }
}

interface Loaded {
  specifier: string;
  esmResolved: string;
  cjsResolved: string;
  esmKeys: string[];
  cjsKeys: string[];
}

/** Imports and requires every executable subpath by package name in a fresh Node, as an app would. */
function loadInNode(): Loaded[] {
  const script = `
    import { createRequire } from 'node:module';
    import { fileURLToPath } from 'node:url';
    const require = createRequire(import.meta.url);
    const out = [];
    for (const specifier of ${JSON.stringify(executable.map((e) => e.specifier))}) {
      const esm = await import(specifier);
      const cjs = require(specifier);
      out.push({
        specifier,
        esmResolved: fileURLToPath(import.meta.resolve(specifier)),
        cjsResolved: require.resolve(specifier),
        esmKeys: Object.keys(esm).filter((k) => k !== 'default' && k !== 'module.exports').sort(),
        cjsKeys: Object.keys(cjs).filter((k) => k !== '__esModule').sort(),
      });
    }
    process.stdout.write(JSON.stringify(out));
  `;
  const run = spawnSync(process.execPath, ['--input-type=module', '-e', script], { cwd: root, encoding: 'utf8', timeout: 30_000 });
  if (run.status !== 0) throw new Error(`loading the package in Node failed:\n${run.stderr}`);
  return JSON.parse(run.stdout) as Loaded[];
}

describe('package.json exports map (built package)', () => {
  let loaded: Loaded[] = [];
  // A missing build or a load failure fails every test with its message (rather than a hook
  // error that leaves the tests "skipped", which a pass/fail count would not see).
  let setupError: unknown = null;
  beforeAll(() => {
    try {
      assertBuilt();
      loaded = loadInNode();
    } catch (error) {
      setupError = error;
    }
  }, 40_000);
  beforeEach(() => {
    if (setupError) throw setupError;
  });

  it('lists the four entry points: the widget/client, protocol, server and auto-init', () => {
    expect(moduleSubpaths.map((e) => e.subpath).sort()).toEqual(['.', './auto', './protocol', './server']);
  });

  it.each(moduleSubpaths.map((e) => [e.subpath, e] as const))('%s: the import, require and types files all exist', (_subpath, entry) => {
    for (const [what, file] of Object.entries({ import: entry.importFile, 'import types': entry.importTypes, require: entry.requireFile, 'require types': entry.requireTypes })) {
      expect(file, `${entry.subpath} has no ${what} target`).toBeTruthy();
      expect(existsSync(abs(file!)), `${entry.subpath} ${what} → ${file} does not exist`).toBe(true);
    }
    expect(entry.importFile).toMatch(/\.js$/); // "type": "module": .js is ESM
    expect(entry.requireFile).toMatch(/\.cjs$/);
    expect(entry.importTypes).toMatch(/\.d\.ts$/);
    expect(entry.requireTypes).toMatch(/\.d\.cts$/);
  });

  it.each(executable.map((e) => [e.subpath, e] as const))('%s: loads as ESM through import() and as CJS through require(), with the same exports', (_subpath, entry) => {
    const result = loaded.find((l) => l.specifier === entry.specifier);
    expect(result, `${entry.specifier} was not loaded`).toBeDefined();
    expect(result!.esmResolved).toBe(abs(entry.importFile!));
    expect(result!.cjsResolved).toBe(abs(entry.requireFile!));
    expect(result!.esmKeys.length).toBeGreaterThan(0);
    expect(result!.cjsKeys).toEqual(result!.esmKeys);
  });

  it('the main entry exports the headless client and init, the protocol entry the schemas, the server entry createParleyServer', () => {
    const keys = (specifier: string) => loaded.find((l) => l.specifier === specifier)?.esmKeys ?? [];
    expect(keys('parley-chat')).toEqual(expect.arrayContaining(['createClient', 'init', 'createHttpTransport']));
    expect(keys('parley-chat/protocol')).toEqual(expect.arrayContaining(['MessageSchema', 'ServerEventSchema']));
    expect(keys('parley-chat/server')).toContain('createParleyServer');
  });

  it('sideEffects lists only the auto-init entries (and CSS), so bundlers tree-shake everything else', () => {
    const auto = moduleSubpaths.find((e) => e.subpath === './auto')!;
    // The auto-init entry in each format, its source (for bundlers resolving to src), and the
    // script-tag loader, which installs `window.Parley` when evaluated: the script-tag auto-init.
    const allowed = new Set([auto.importFile, auto.requireFile, './src/embed/auto.ts', './dist/parley.js']);
    expect(Array.isArray(pkg.sideEffects), 'sideEffects must be a list, not true/false').toBe(true);
    const listed = pkg.sideEffects as string[];
    expect(listed.filter((file) => !allowed.has(file) && !file.endsWith('.css'))).toEqual([]);
    expect(listed).toEqual(expect.arrayContaining([auto.importFile, auto.requireFile]));
    for (const file of listed.filter((f) => f.startsWith('./dist/'))) expect(existsSync(abs(file)), `${file} does not exist`).toBe(true);
  });

  it('dist/parley.js is an IIFE that defines nothing on the page but window.Parley', async () => {
    const code = readFileSync(`${root}/dist/parley.js`, 'utf8');
    expect(code).not.toMatch(/^\s*(import|export)\s/m);
    const window = new Window({ url: 'https://shop.example/checkout' });
    try {
      const before = new Set(Object.getOwnPropertyNames(window));
      window.eval(code);
      const added = Object.getOwnPropertyNames(window).filter((key) => !before.has(key));
      expect(added).toEqual(['Parley']);
      expect(typeof (window as unknown as { Parley: unknown }).Parley).toBe('function');
    } finally {
      await window.happyDOM.abort();
      await window.happyDOM.close();
    }
  });
});
