// `npm run size:why`: what is inside each chunk of the script-tag widget (from the build's
// dist/widget/metafile-esm.json) and of the headless client bundle, largest first, grouped by
// npm package or source folder. Gzip is not additive, so a part's gzip share is estimated from
// its share of its chunk's minified bytes.
//
//   node scripts/sizeWhy.mjs            # groups
//   node scripts/sizeWhy.mjs --files    # every input file
import { readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';
import { build } from 'esbuild';

const root = fileURLToPath(new URL('..', import.meta.url));
const byFile = process.argv.includes('--files');

const widget = JSON.parse(readFileSync(join(root, 'dist/widget/metafile-esm.json'), 'utf8'));
report('script-tag widget (dist/widget)', widget, root);

const headless = await build({
  stdin: { contents: "export { createClient } from './dist/index.js';", resolveDir: root, loader: 'js' },
  bundle: true,
  splitting: true,
  format: 'esm',
  platform: 'browser',
  target: 'es2020',
  minify: true,
  outdir: join(root, '.tmp/size/why'),
  metafile: true,
  absWorkingDir: root,
  logLevel: 'error',
});
report('headless createClient (npm + dependencies)', headless.metafile, root);

function report(title, metafile, base) {
  console.log(`\n# ${title}`);
  for (const [file, output] of Object.entries(metafile.outputs)) {
    if (!file.endsWith('.js')) continue;
    const gzip = gzipSync(readFileSync(join(base, file)), { level: 9 }).length;
    const lazy = output.imports.filter((i) => i.kind === 'dynamic-import').map((i) => i.path.split('/').pop());
    console.log(`\n${relative(base, join(base, file))}: ${kb(output.bytes)} min, ${kb(gzip)} gzip${output.entryPoint ? `, starts at ${output.entryPoint}` : ''}`);
    if (lazy.length) console.log(`  loads on demand: ${lazy.join(', ')}`);
    const parts = new Map();
    for (const [input, { bytesInOutput }] of Object.entries(output.inputs)) {
      const key = byFile ? input : group(input);
      parts.set(key, (parts.get(key) ?? 0) + bytesInOutput);
    }
    for (const [key, bytes] of [...parts].sort((a, b) => b[1] - a[1])) {
      if (bytes === 0) continue;
      const share = output.bytes ? (bytes / output.bytes) * gzip : 0;
      console.log(`  ${kb(bytes).padStart(9)} min ~${kb(share).padStart(8)} gzip  ${key}`);
    }
  }
}

function group(input) {
  const pkg = /node_modules\/((?:@[^/]+\/)?[^/]+)/.exec(input);
  if (pkg) return pkg[1];
  return input.replace(/^src\//, 'src/').split('/').slice(0, 3).join('/');
}

function kb(bytes) {
  return `${(bytes / 1000).toFixed(2)} kB`;
}
