/** Colour tokens; each becomes a `--parley-color-*` custom property on the widget's host. */
export interface ThemeColors {
  /** Buttons, the launcher, the visitor's bubbles. */
  primary: string;
  /** Text on `primary`; keep contrast ≥ 4.5:1. */
  primaryText: string;
  /** The panel. */
  background: string;
  /** Agent bubbles, inputs, cards. */
  surface: string;
  text: string;
  /** Secondary text: times, hints, statuses. */
  muted: string;
  border: string;
  /** Errors and failed messages. */
  danger: string;
}

/**
 * Brand options. Unknown keys are ignored with a development warning naming them.
 *
 * @example
 * ```ts
 * renderWidget(root, { client, i18n, view, theme: { colors: { primary: '#0a7d4f' }, mode: 'auto', radius: 12 } });
 * ```
 */
export interface ThemeOptions {
  colors?: Partial<ThemeColors>;
  /** Colours used in dark mode (`mode: 'dark'`, or `'auto'` when the system is dark). */
  darkColors?: Partial<ThemeColors>;
  /** Corner radius of the panel and bubbles: a number of px or a CSS length. Default 16. */
  radius?: number | string;
  fontFamily?: string;
  density?: 'compact' | 'comfortable';
  /** `auto` follows `prefers-color-scheme`. Default `light`. */
  mode?: 'light' | 'dark' | 'auto';
}

/** Light palette: every text pair is at least 4.5:1 (WCAG AA), checked by a unit test. */
export const lightColors: ThemeColors = {
  primary: '#4338ca',
  primaryText: '#ffffff',
  background: '#ffffff',
  surface: '#f1f3f7',
  text: '#16181d',
  muted: '#545b69',
  border: '#d5d9e0',
  danger: '#b42318',
};

/** Dark palette, held to the same contrast as the light one. */
export const darkColors: ThemeColors = {
  primary: '#9ba3ff',
  primaryText: '#0d0f1a',
  background: '#15171c',
  surface: '#23262e',
  text: '#eef0f4',
  muted: '#a9afbc',
  border: '#3a3f4a',
  danger: '#ff8a80',
};

export const THEME_KEYS = ['colors', 'darkColors', 'radius', 'fontFamily', 'density', 'mode'] as const;
export const COLOR_KEYS = Object.keys(lightColors) as readonly (keyof ThemeColors)[];
