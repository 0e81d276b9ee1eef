import { contrastRatio } from './contrastRatio.js';
import { COLOR_KEYS, THEME_KEYS, darkColors, lightColors, type ThemeColors, type ThemeOptions } from './ThemeOptions.js';

/** Where the floating widget sits on the host page. */
export interface HostLayout {
  position: 'left' | 'right';
  offset: { x: number; y: number };
  zIndex: number;
}

const DEFAULT_FONT =
  "system-ui, -apple-system, 'Segoe UI', Roboto, 'Helvetica Neue', Arial, 'Noto Sans', sans-serif, 'Apple Color Emoji', 'Segoe UI Emoji'";

// Theme values are written into a stylesheet, so anything that could end a declaration or a
// rule (`;`, braces, comments, `<`) or fetch a resource (`url(`) is refused outright.
const UNSAFE_CSS = /[;{}<>\\]|\/\*|url\s*\(/i;

function isSafeValue(value: unknown): value is string {
  return typeof value === 'string' && value.trim() !== '' && value.length <= 200 && !UNSAFE_CSS.test(value);
}

function isColor(value: unknown): value is string {
  if (!isSafeValue(value)) return false;
  const css = globalThis.CSS;
  return typeof css?.supports === 'function' ? css.supports('color', value) : true;
}

const kebab = (key: string) => key.replace(/[A-Z]/g, (c) => `-${c.toLowerCase()}`);
const list = (keys: readonly string[]) => keys.map((k) => `\`${k}\``).join(', ');

function readColors(
  input: unknown,
  base: ThemeColors,
  name: 'colors' | 'darkColors',
  warn: (message: string) => void,
): ThemeColors {
  if (input === undefined) return base;
  if (typeof input !== 'object' || input === null) {
    warn(`Parley: theme \`${name}\` must be an object such as { primary: '#4338ca' }; ignored`);
    return base;
  }
  const result = { ...base };
  const unknown = Object.keys(input).filter((key) => !(COLOR_KEYS as readonly string[]).includes(key));
  if (unknown.length) {
    warn(`Parley: unknown theme ${name} key ${list(unknown)} ignored; known keys are ${list(COLOR_KEYS)}`);
  }
  for (const key of COLOR_KEYS) {
    const value = (input as Record<string, unknown>)[key];
    if (value === undefined) continue;
    if (isColor(value)) result[key] = value.trim();
    else warn(`Parley: theme ${name}.${key} must be a CSS color such as '#4338ca', got ${JSON.stringify(value)}; using the default`);
  }
  const ratio = contrastRatio(result.primary, result.primaryText);
  if (ratio !== null && ratio < 4.5) {
    warn(
      `Parley: theme ${name}.primary on ${name}.primaryText has contrast ${ratio.toFixed(1)}:1; WCAG AA needs 4.5:1, ` +
        'so choose a darker primary or a lighter primaryText',
    );
  }
  return result;
}

const colorDeclarations = (colors: ThemeColors) =>
  COLOR_KEYS.map((key) => `--parley-color-${kebab(key)}: ${colors[key]};`).join(' ');

/**
 * Turns theme options and host layout into `:host` custom properties. Unknown keys and invalid
 * values are dropped with a warning that names them; defaults stay in place.
 */
export function themeCss(theme: unknown, layout: HostLayout, warn: (message: string) => void): string {
  let options: ThemeOptions = {};
  if (theme !== undefined && (typeof theme !== 'object' || theme === null)) {
    warn(`Parley: option \`theme\` must be an object, got ${JSON.stringify(theme)}; using the default theme`);
  } else if (theme) {
    options = theme as ThemeOptions;
    const unknown = Object.keys(options).filter((key) => !(THEME_KEYS as readonly string[]).includes(key));
    if (unknown.length) warn(`Parley: unknown theme key ${list(unknown)} ignored; known keys are ${list(THEME_KEYS)}`);
  }

  let mode = options.mode ?? 'light';
  if (!['light', 'dark', 'auto'].includes(mode)) {
    warn(`Parley: theme \`mode\` must be 'light', 'dark' or 'auto', got ${JSON.stringify(mode)}; using 'light'`);
    mode = 'light';
  }
  let density = options.density ?? 'comfortable';
  if (density !== 'compact' && density !== 'comfortable') {
    warn(`Parley: theme \`density\` must be 'compact' or 'comfortable', got ${JSON.stringify(density)}; using 'comfortable'`);
    density = 'comfortable';
  }
  let radius = '16px';
  if (typeof options.radius === 'number' && Number.isFinite(options.radius) && options.radius >= 0) {
    radius = `${Math.min(options.radius, 32)}px`;
  } else if (isSafeValue(options.radius)) {
    radius = options.radius;
  } else if (options.radius !== undefined) {
    warn(`Parley: theme \`radius\` must be a number of px or a CSS length, got ${JSON.stringify(options.radius)}; using 16`);
  }
  let font = DEFAULT_FONT;
  if (isSafeValue(options.fontFamily)) font = options.fontFamily;
  else if (options.fontFamily !== undefined) {
    warn(`Parley: theme \`fontFamily\` must be a CSS font-family list, got ${JSON.stringify(options.fontFamily)}; using the system font`);
  }

  const light = readColors(options.colors, lightColors, 'colors', warn);
  // Brand colours apply in both modes unless dark ones are given.
  const dark = readColors(options.darkColors, { ...darkColors, ...pickBrand(options.colors, light) }, 'darkColors', warn);
  const compact = density === 'compact';
  const side = layout.position === 'left' ? '--parley-left: var(--parley-offset-x); --parley-right: auto;' : '--parley-left: auto; --parley-right: var(--parley-offset-x);';

  const host = [
    `--parley-z-index: ${layout.zIndex};`,
    `--parley-offset-x: ${layout.offset.x}px; --parley-offset-y: ${layout.offset.y}px;`,
    side,
    `--parley-radius: ${radius};`,
    `--parley-font-family: ${font};`,
    `--parley-gap: ${compact ? '6px' : '10px'}; --parley-pad: ${compact ? '12px' : '16px'};`,
    `--parley-bubble-pad: ${compact ? '7px 11px' : '10px 14px'};`,
  ].join(' ');

  // `.root` repeats the host's tokens: the page can override what is declared on the host
  // element (see baseCss), but not what is declared inside the shadow root.
  if (mode === 'dark') return `:host, .root { ${host} color-scheme: dark; ${colorDeclarations(dark)} }`;
  const base = `:host, .root { ${host} color-scheme: ${mode === 'auto' ? 'light dark' : 'light'}; ${colorDeclarations(light)} }`;
  if (mode === 'light') return base;
  return `${base}\n@media (prefers-color-scheme: dark) { :host, .root { ${colorDeclarations(dark)} } }`;
}

// A custom primary usually is the brand: keep it in dark mode too when no dark colours are given.
function pickBrand(input: ThemeOptions['colors'], light: ThemeColors): Partial<ThemeColors> {
  if (!input || typeof input !== 'object') return {};
  const brand: Partial<ThemeColors> = {};
  if (input.primary !== undefined && light.primary === input.primary.trim()) brand.primary = light.primary;
  if (input.primaryText !== undefined && light.primaryText === input.primaryText.trim()) brand.primaryText = light.primaryText;
  return brand;
}
