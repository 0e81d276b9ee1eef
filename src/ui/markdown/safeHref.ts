const ALLOWED = new Set(['http:', 'https:', 'mailto:', 'tel:']);

/**
 * The URL to link to, or null when it must stay text. Only absolute http, https, mailto and tel
 * URLs pass; `javascript:`, `data:`, `vbscript:` and relative or obfuscated forms (control
 * characters, spaces inside the scheme) do not.
 */
export function safeHref(raw: string): string | null {
  const candidate = raw.trim();
  // eslint-disable-next-line no-control-regex
  if (!candidate || /[\u0000-\u0020\u007f-\u009f]/.test(candidate)) return null;
  let url: URL;
  try {
    url = new URL(candidate);
  } catch {
    // Not an absolute URL (relative paths, garbage): rendered as text, which is the safe choice.
    return null;
  }
  return ALLOWED.has(url.protocol) ? url.href : null;
}
