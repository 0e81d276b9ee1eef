import { describe, expect, test } from 'vitest';
import { minifyCssIn } from '../../../scripts/minifyCssLiterals.mjs';

// The browser builds minify the widget's `/* css */` literals (scripts/minifyCssLiterals.mjs).

describe('minifyCssIn', () => {
  test('minifies a plain /* css */ literal into a string literal', async () => {
    const source = "export const css = /* css */ `\n.a {\n  color: red;\n  margin: 0px;\n}\n`;\n";
    expect(await minifyCssIn(source)).toBe('export const css = ".a{color:red;margin:0}";\n');
  });

  test('leaves literals with interpolation or escapes, and other code, alone', async () => {
    const source = 'const a = /* css */ `.a { color: ${c}; }`;\nconst b = /* css */ `.b::before { content: "\\201C"; }`;\nconst c = `.c { color: red; }`;\n';
    expect(await minifyCssIn(source)).toBe(source);
  });
});
