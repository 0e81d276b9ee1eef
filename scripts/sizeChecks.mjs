// The size-limit checks (see .size-limit.mjs), computed from the build so that they count
// every file each entry really pulls in:
//
// - the widget's chunk names carry content hashes, so the files are found by following the
//   import graph in dist/widget/metafile-esm.json from the entry, and from the lazy chunks that
//   opening the panel needs (OPEN_PANEL_CHUNKS);
// - the npm build leaves dependencies to the app's bundler, so the headless check bundles
//   `import { createClient } from 'parley-chat'` (dist/index.js) with its dependencies, the way
//   an app would, into .tmp/size/headless/.
//
// Every file is gzipped on its own and the sizes are summed (@size-limit/file with
// `gzip: true`): that is what a browser downloads.
import { existsSync, mkdirSync, readFileSync, rmSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';

const root = fileURLToPath(new URL('..', import.meta.url));

/** The check names; the README's size table uses exactly these (test/unit/sizeBudgets.test.ts). */
export const CHECK_NAMES = {
  loader: 'Script-tag loader (parley.js)',
  openAndSend: 'Open the panel and send a message',
  headless: 'Headless createClient (npm, with dependencies)',
  everything: 'Whole widget, every lazy part and locale',
};

/**
 * Lazy chunks, by the source file that starts them, that must have loaded before the visitor
 * can open the panel and send a message (on a desk without topics, in English). Anything lazy
 * and not listed here (rating, topics, away notice, menu positioning, attachments, knowledge
 * base, secret warnings, other locales) loads only when it is shown. When a part of the send
 * path is made lazy, add its source here.
 */
export const OPEN_PANEL_CHUNKS = [
  'src/ui/renderWidget.tsx',
  // The secret guard's detectors load when the composer shows; bench/run.mjs sees them fetched.
  'src/ui/model/secretGuardChunk.ts',
];

/**
 * Enforced in CI. Issue 7's goals are 3 kB, 40 kB and 15 kB; the two larger ones are not met
 * yet (README, docs/performance.md), so until they are, the limits hold the line a little above
 * today's sizes: anything that grows the widget fails CI and has to be looked at. The headless
 * limit went from 33 to 34 kB for session retry with backoff and the typed non-JSON reply error
 * (about 0.9 kB, both reliability fixes a headless team needs as much as the widget does). The
 * panel limit went from 84 to 86 kB (+1.6 kB) for consent that writes nothing before it is given,
 * the locale resolution order, the invalid-reply notice, uploads that wait out Retry-After and
 * the `user` option.
 */
export const LIMITS = { loader: '3 kB', openAndSend: '86 kB', headless: '34 kB' };

const WIDGET_ENTRY = 'src/embed/widget.ts';

/**
 * @param {{ root?: string }} [options]
 * @returns {Promise<Array<{ name: string; path: string[]; gzip: true; limit?: string }>>}
 */
export async function sizeChecks(options = {}) {
  const base = options.root ?? root;
  const metafilePath = join(base, 'dist/widget/metafile-esm.json');
  if (!existsSync(metafilePath) || !existsSync(join(base, 'dist/index.js'))) {
    throw new Error('Parley size checks: dist/ is missing or incomplete; run `npm run build` first');
  }
  const graph = readGraph(JSON.parse(readFileSync(metafilePath, 'utf8')), base);
  const widget = (entries) => closure(graph, entries).map((file) => relative(base, file));
  const loader = 'dist/parley.js';
  const headless = (await bundleHeadless(base)).map((file) => relative(base, file));

  return [
    { name: CHECK_NAMES.loader, path: [loader], gzip: true, limit: LIMITS.loader },
    { name: CHECK_NAMES.openAndSend, path: [loader, ...widget([WIDGET_ENTRY, ...OPEN_PANEL_CHUNKS])], gzip: true, limit: LIMITS.openAndSend },
    { name: CHECK_NAMES.headless, path: headless, gzip: true, limit: LIMITS.headless },
    { name: CHECK_NAMES.everything, path: [loader, ...graph.outputs.keys()].map((f) => relative(base, f)), gzip: true },
  ];
}

/**
 * The widget build's chunks: for each output file, its static and dynamic imports, and which
 * source file a lazy chunk starts from.
 *
 * @param {{ outputs: Record<string, { entryPoint?: string; imports: Array<{ path: string; kind: string }> }> }} metafile
 * @param {string} base
 */
export function readGraph(metafile, base) {
  /** @type {Map<string, { entryPoint?: string; staticImports: string[] }>} */
  const outputs = new Map();
  for (const [file, output] of Object.entries(metafile.outputs)) {
    if (!file.endsWith('.js')) continue;
    outputs.set(join(base, file), {
      ...(output.entryPoint ? { entryPoint: output.entryPoint } : {}),
      staticImports: output.imports.filter((i) => i.kind === 'import-statement').map((i) => join(base, i.path)),
    });
  }
  return { outputs };
}

/**
 * The files that load when the given sources load: their chunks and everything those import
 * statically.
 *
 * @param {ReturnType<typeof readGraph>} graph
 * @param {string[]} sources
 */
export function closure(graph, sources) {
  const seen = new Set();
  const visit = (file) => {
    if (seen.has(file)) return;
    seen.add(file);
    for (const next of graph.outputs.get(file)?.staticImports ?? []) visit(next);
  };
  for (const source of sources) {
    const start = [...graph.outputs].find(([, output]) => output.entryPoint === source)?.[0];
    if (!start) {
      throw new Error(`Parley size checks: no chunk of the widget build starts at ${source}; update OPEN_PANEL_CHUNKS in scripts/sizeChecks.mjs`);
    }
    visit(start);
  }
  return [...seen];
}

/**
 * What an app ships for the headless client: createClient from the npm entry, dependencies
 * bundled, minified. Lazy parts (other locales) stay separate chunks, as in an app, and are not
 * counted.
 */
async function bundleHeadless(base) {
  const outdir = join(base, '.tmp/size/headless');
  rmSync(outdir, { recursive: true, force: true });
  mkdirSync(outdir, { recursive: true });
  const result = await build({
    entryPoints: { 'headless-client': join(base, '.tmp/size/headless-entry.js') },
    bundle: true,
    splitting: true,
    format: 'esm',
    platform: 'browser',
    target: 'es2020',
    minify: true,
    outdir,
    metafile: true,
    absWorkingDir: base,
    logLevel: 'error',
    plugins: [entryPlugin("export { createClient } from 'parley-chat';", base)],
  });
  const graph = readGraph(result.metafile, base);
  const entry = [...graph.outputs.values()].find((output) => output.entryPoint?.includes('headless-entry'))?.entryPoint;
  if (!entry) throw new Error('Parley size checks: the headless bundle has no entry chunk');
  return closure(graph, [entry]);
}

/** A virtual entry file; `parley-chat` resolves to this package's own dist, as in an app. */
function entryPlugin(contents, base) {
  return {
    name: 'parley-size-entry',
    setup(b) {
      b.onResolve({ filter: /headless-entry\.js$/ }, (args) => ({ path: args.path, namespace: 'parley-size-entry' }));
      b.onLoad({ filter: /.*/, namespace: 'parley-size-entry' }, () => ({ contents, resolveDir: base, loader: 'js' }));
      b.onResolve({ filter: /^parley-chat$/ }, () => ({ path: join(base, 'dist/index.js') }));
    },
  };
}
