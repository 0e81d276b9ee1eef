import { describe, expect, test } from 'vitest';
import { contrastRatio } from '../../../src/ui/theme/contrastRatio.js';
import { themeCss } from '../../../src/ui/theme/themeCss.js';
import { darkColors, lightColors, type ThemeColors } from '../../../src/ui/theme/ThemeOptions.js';

const layout = { position: 'right', offset: { x: 20, y: 24 }, zIndex: 1000 } as const;
const build = (theme: unknown) => {
  const warnings: string[] = [];
  return { css: themeCss(theme, layout, (m) => warnings.push(m)), warnings };
};

describe('theme', () => {
  test('unknown keys are ignored with a warning that names them', () => {
    const { css, warnings } = build({ colours: { primary: 'red' }, colors: { accent: '#f00', primary: '#0b6e4f' } });
    expect(warnings.some((w) => w.includes('`colours`'))).toBe(true);
    expect(warnings.some((w) => w.includes('`accent`'))).toBe(true);
    expect(css).toContain('--parley-color-primary: #0b6e4f;');
    expect(css).not.toContain('accent');
  });

  test('tokens, layout and density become custom properties on the host', () => {
    const { css, warnings } = build({ radius: 8, fontFamily: 'Inter, sans-serif', density: 'compact' });
    expect(warnings).toEqual([]);
    expect(css).toMatch(/^:host, \.root \{/);
    for (const expected of [
      '--parley-radius: 8px;',
      '--parley-font-family: Inter, sans-serif;',
      '--parley-z-index: 1000;',
      '--parley-offset-x: 20px; --parley-offset-y: 24px;',
      '--parley-left: auto; --parley-right: var(--parley-offset-x);',
      '--parley-gap: 6px;',
      `--parley-color-text: ${lightColors.text};`,
    ]) {
      expect(css).toContain(expected);
    }
  });

  test('values that could escape the declaration are refused', () => {
    const { css, warnings } = build({
      colors: { primary: 'red; } :host { display: none' },
      fontFamily: 'x} body { background: url(https://evil.example)',
    });
    expect(css).not.toContain('display: none');
    expect(css).not.toContain('evil.example');
    expect(warnings).toHaveLength(2);
    expect(warnings.some((w) => w.includes('colors.primary'))).toBe(true);
    expect(warnings.some((w) => w.includes('fontFamily'))).toBe(true);
  });

  test('dark mode uses the dark palette; auto adds it under prefers-color-scheme', () => {
    expect(build({ mode: 'dark' }).css).toContain(`--parley-color-background: ${darkColors.background};`);
    const auto = build({ mode: 'auto' }).css;
    expect(auto).toContain(`--parley-color-background: ${lightColors.background};`);
    expect(auto).toContain('@media (prefers-color-scheme: dark)');
    expect(build({ mode: 'sepia' }).warnings[0]).toContain("'light', 'dark' or 'auto'");
  });

  test('a custom primary with too little contrast gets a warning that says what to change', () => {
    const { warnings } = build({ colors: { primary: '#ffff00', primaryText: '#ffffff' } });
    expect(warnings.join()).toMatch(/contrast 1\.\d:1.*4\.5:1/);
  });

  test.each([
    ['light', lightColors],
    ['dark', darkColors],
  ] as const)('the default %s palette has text contrast of at least 4.5:1', (_, colors: ThemeColors) => {
    const pairs: Array<[keyof ThemeColors, keyof ThemeColors]> = [
      ['text', 'background'],
      ['text', 'surface'],
      ['muted', 'background'],
      ['muted', 'surface'],
      ['primaryText', 'primary'],
      ['primary', 'background'],
      ['danger', 'background'],
      ['background', 'danger'],
    ];
    for (const [fg, bg] of pairs) {
      expect(contrastRatio(colors[fg], colors[bg]), `${fg} on ${bg}`).toBeGreaterThanOrEqual(4.5);
    }
  });
});
