import type { Translator } from '../../core/index.js';

const UNITS = [
  ['gigabyte', 1024 ** 3],
  ['megabyte', 1024 ** 2],
  ['kilobyte', 1024],
] as const;

/**
 * A file size for people, in the visitor's locale: "820 B", "1.5 kB", "10 MB" ("10 МБ").
 * Binary multiples, as file managers show them, so "10 MB" is the desk's 10 × 1024² limit.
 */
export function formatFileSize(t: Translator, bytes: number): string {
  const [unit, factor] = UNITS.find(([, size]) => bytes >= size) ?? ['byte', 1];
  const value = bytes / factor;
  const digits = value < 10 && unit !== 'byte' ? 1 : 0;
  // Formatters are costly to build and a long conversation lists many files: one per kind.
  const key = `${t.locale}:${unit}:${digits}`;
  let format = formatters.get(key);
  if (!format) {
    format = new Intl.NumberFormat(t.locale, { style: 'unit', unit, unitDisplay: 'short', maximumFractionDigits: digits });
    formatters.set(key, format);
  }
  return format.format(value);
}

const formatters = new Map<string, Intl.NumberFormat>();
