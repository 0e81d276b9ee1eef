// An esbuild plugin for the browser builds: the widget's CSS lives in `/* css */` template
// literals (src/ui/**), which a JS minifier leaves as they are. This minifies each one with
// esbuild's CSS minifier at build time, so the sources stay readable and the bundle does not
// carry the indentation and comments (about 12% of the CSS, gzipped).
import { readFile } from 'node:fs/promises';
import { transform } from 'esbuild';

// A literal that interpolates (`${`) or escapes (`\`) is left alone: its cooked text is not its
// source text, and the minifier must never see a half of a rule.
const LITERAL = /\/\*\s*css\s*\*\/\s*`([^`\\$]*)`/g;

/**
 * Returns `source` with every plain `/* css *\/` template literal replaced by a minified string
 * literal. Exported for the unit test.
 *
 * @param {string} source
 * @returns {Promise<string>}
 */
export async function minifyCssIn(source) {
  const found = [...source.matchAll(LITERAL)];
  if (found.length === 0) return source;
  let out = '';
  let last = 0;
  for (const match of found) {
    const { code } = await transform(match[1] ?? '', { loader: 'css', minify: true, logLevel: 'silent' });
    out += source.slice(last, match.index) + JSON.stringify(code.trim());
    last = (match.index ?? 0) + match[0].length;
  }
  return out + source.slice(last);
}

/** @returns {import('esbuild').Plugin} */
export function minifyCssLiterals() {
  return {
    name: 'parley-minify-css-literals',
    setup(build) {
      build.onLoad({ filter: /[\\/]src[\\/]ui[\\/].*\.tsx?$/ }, async (args) => {
        const source = await readFile(args.path, 'utf8');
        if (!source.includes('/* css */')) return undefined;
        return { contents: await minifyCssIn(source), loader: args.path.endsWith('x') ? 'tsx' : 'ts' };
      });
    },
  };
}
