/**
 * Whether a page path matches an article's URL glob, case-insensitively: `*` is any run of
 * characters (slashes included), `?` one character. `/deposit*` matches `/deposit`,
 * `/deposit/usdt` and `/deposits`; `/*` matches every page.
 */
export function matchUrlPattern(pattern: string, path: string): boolean {
  const source = pattern
    .split('')
    .map((char) => (char === '*' ? '.*' : char === '?' ? '.' : char.replace(/[.+^${}()|[\]\\]/g, '\\$&')))
    .join('');
  return new RegExp(`^${source}$`, 'i').test(path);
}

/** How specific a pattern is: its literal characters. `/deposit*` beats `/*`. */
export function patternSpecificity(pattern: string): number {
  return pattern.replace(/[*?]/g, '').length;
}
