import { defineConfig } from 'tsup';
import { minifyCssLiterals } from './scripts/minifyCssLiterals.mjs';

// tsup's declaration build sets `baseUrl`, which TypeScript 6 deprecates; silence only that.
const dts = { compilerOptions: { ignoreDeprecations: '6.0' } };
// The npm builds leave dependencies to the app's bundler (so preact or zod are never shipped
// twice); subpaths such as `zod/mini` and `hono/cors` need the patterns.
const libraryExternal = [/^preact($|\/)/, /^nanostores/, /^@nanostores\//, /^ky$/, /^zod($|\/)/, /^@floating-ui\//, /^eventsource-parser/];
const nodeExternal = [/^better-sqlite3/, /^hono($|\/)/, /^@hono\//, /^zod($|\/)/];

// Three kinds of output: the npm library (ESM + CJS + types), the Node-only reference server
// and CLI, and the script-tag bundles (a tiny IIFE loader plus the ESM widget it imports).
export default defineConfig([
  {
    entry: {
      index: 'src/index.ts',
      protocol: 'src/protocol.ts',
      auto: 'src/embed/auto.ts',
    },
    format: ['esm', 'cjs'],
    dts,
    sourcemap: true,
    clean: true,
    target: 'es2020',
    platform: 'browser',
    treeshake: true,
    external: libraryExternal,
    esbuildPlugins: [minifyCssLiterals()],
  },
  {
    entry: { server: 'src/server/index.ts' },
    format: ['esm', 'cjs'],
    dts,
    sourcemap: true,
    target: 'node20',
    platform: 'node',
    external: nodeExternal,
  },
  {
    entry: { cli: 'src/cli.ts' },
    format: ['esm'],
    target: 'node20',
    platform: 'node',
    banner: { js: '#!/usr/bin/env node' },
    external: nodeExternal,
  },
  {
    // The operator console's browser script, served by the reference server at /console.
    entry: { console: 'src/server/console/app.ts' },
    format: ['iife'],
    target: 'es2020',
    platform: 'browser',
    minify: true,
    outExtension: () => ({ js: '.js' }),
  },
  {
    // The script-tag loader: every host page pays for it, so it is minified and tiny.
    entry: { parley: 'src/embed/loader.ts' },
    format: ['iife'],
    target: 'es2020',
    platform: 'browser',
    minify: true,
    outExtension: () => ({ js: '.js' }),
  },
  {
    // The widget the loader imports on demand; split so heavier parts load lazily.
    entry: { 'parley-widget': 'src/embed/widget.ts' },
    outDir: 'dist/widget',
    format: ['esm'],
    splitting: true,
    target: 'es2020',
    platform: 'browser',
    minify: true,
    noExternal: [/.*/],
    esbuildPlugins: [minifyCssLiterals()],
    // dist/widget/metafile-esm.json: which source went into which chunk. The size checks
    // (scripts/sizeChecks.mjs) follow its import graph; `npm run size:why` prints it.
    metafile: true,
  },
]);
