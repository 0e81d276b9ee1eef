/** Query and fragment keys whose values are secrets or personal data in the wild. */
const SECRET_KEY =
  /(^|[_.-])(token|access[_-]?token|refresh[_-]?token|id[_-]?token|key|api[_-]?key|apikey|secret|password|passwd|pwd|pass|code|otp|pin|session|sessionid|sid|auth|authorization|jwt|signature|sig|hash|email|e-mail|mail|phone|tel|ssn|card|iban|credential|nonce|state|mnemonic|seed)([_.-]|$)/i;

const EMAIL = /[^\s@/?#&=]+@[^\s@/?#&=]+\.[a-z]{2,}/gi;
const JWT = /eyJ[\w-]{8,}\.[\w-]{8,}\.[\w-]{8,}/g;
// 24+ characters of base64/hex noise: how bearer tokens, reset links and magic links look.
const OPAQUE = /^[A-Za-z0-9+/_=-]{24,}$/;

export const REDACTED = '[redacted]';

export type RedactOption = ReadonlyArray<RegExp | string> | ((url: string) => string);

/**
 * Removes what looks secret from a URL before it leaves the page: values of secret-looking
 * query and fragment keys, e-mail addresses and JWTs anywhere, and opaque token fragments.
 * Extra key patterns (or a function run afterwards) come from the host's `redact` option.
 *
 * @example
 * redactUrl('https://x.io/reset?token=abc&lang=ru') // 'https://x.io/reset?token=[redacted]&lang=ru'
 */
export function redactUrl(url: string, extra?: RedactOption): string {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    // Not a URL we can take apart: scrub what we can recognise in the raw text.
    return scrubText(url);
  }
  const extraKeys = Array.isArray(extra) ? (extra as ReadonlyArray<RegExp | string>) : [];
  const isSecretKey = (key: string) =>
    SECRET_KEY.test(key) ||
    extraKeys.some((p) => (typeof p === 'string' ? key.toLowerCase() === p.toLowerCase() : p.test(key)));

  const params = new URLSearchParams(parsed.search);
  let changed = false;
  for (const [key, value] of [...params]) {
    const next = isSecretKey(key) ? REDACTED : scrubText(value);
    if (next !== value) {
      params.set(key, next);
      changed = true;
    }
  }
  if (changed) parsed.search = decodeRedacted(params.toString());
  parsed.hash = redactFragment(parsed.hash.slice(1), isSecretKey);
  const path = decodeURIComponentSafe(parsed.pathname);
  if (scrubText(path) !== path) parsed.pathname = scrubText(path);
  if (parsed.username || parsed.password) {
    parsed.username = '';
    parsed.password = '';
  }
  let result = decodeRedacted(parsed.toString());
  if (typeof extra === 'function') result = extra(result);
  return result;
}

function redactFragment(fragment: string, isSecretKey: (key: string) => boolean): string {
  if (!fragment) return '';
  if (fragment.includes('=')) {
    // OAuth implicit flow and friends put tokens in `#access_token=…&state=…`.
    const params = new URLSearchParams(fragment);
    for (const [key, value] of [...params]) params.set(key, isSecretKey(key) ? REDACTED : scrubText(value));
    return decodeRedacted(params.toString());
  }
  return OPAQUE.test(fragment) ? REDACTED : scrubText(fragment);
}

function scrubText(text: string): string {
  return text.replace(JWT, REDACTED).replace(EMAIL, REDACTED);
}

function decodeRedacted(text: string): string {
  return text.replaceAll(encodeURIComponent(REDACTED), REDACTED).replaceAll('%5Bredacted%5D', REDACTED);
}

function decodeURIComponentSafe(text: string): string {
  try {
    return decodeURIComponent(text);
  } catch {
    return text;
  }
}
