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
 * query and fragment keys (`token`, `resetToken`, `auth_code`, …), e-mail addresses and JWTs
 * anywhere, hash-router queries (`#/reset?token=…`), URLs nested in values
 * (`?returnTo=/reset%3Ftoken%3D…`) and opaque token fragments. Extra key patterns (or a
 * function run afterwards) come from the host's `redact` option.
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
  const isSecretKey = (key: string) => {
    // camelCase keys (`resetToken`, `customerEmail`) are checked in snake_case too.
    const snake = key.replace(/([a-z0-9])([A-Z])/g, '$1_$2');
    return (
      SECRET_KEY.test(key) ||
      SECRET_KEY.test(snake) ||
      extraKeys.some((p) => (typeof p === 'string' ? key.toLowerCase() === p.toLowerCase() : p.test(key)))
    );
  };

  const search = redactQuery(parsed.search.slice(1), isSecretKey);
  if (search !== parsed.search.slice(1)) parsed.search = search;
  const hash = redactFragment(parsed.hash.slice(1), isSecretKey);
  if (hash !== parsed.hash.slice(1)) parsed.hash = hash;
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

/** Redacts a query string (without `?`); returns it unchanged, byte for byte, when nothing is secret. */
function redactQuery(query: string, isSecretKey: (key: string) => boolean): string {
  if (!query) return query;
  const params = new URLSearchParams(query);
  let changed = false;
  for (const [key, value] of [...params]) {
    const next = isSecretKey(key) ? REDACTED : redactValue(value, isSecretKey);
    if (next !== value) {
      params.set(key, next);
      changed = true;
    }
  }
  return changed ? decodeRedacted(params.toString()) : query;
}

/** A value may itself be a URL (`returnTo`, `next`, `redirect_uri`) carrying its own secrets. */
function redactValue(value: string, isSecretKey: (key: string) => boolean): string {
  if (/^(https?:\/\/|\/)/i.test(value) && /[?#]/.test(value)) {
    const absolute = /^https?:/i.test(value);
    const base = 'https://relative.invalid';
    const url = new URL(value, base);
    const query = redactQuery(url.search.slice(1), isSecretKey);
    if (query !== url.search.slice(1)) url.search = query;
    const hash = redactFragment(url.hash.slice(1), isSecretKey);
    if (hash !== url.hash.slice(1)) url.hash = hash;
    const out = decodeRedacted(url.toString());
    return scrubText(absolute ? out : out.slice(base.length));
  }
  return scrubText(value);
}

function redactFragment(fragment: string, isSecretKey: (key: string) => boolean): string {
  if (!fragment) return '';
  const q = fragment.indexOf('?');
  if (q >= 0) {
    // Hash routers: `#/reset?token=…` is a route plus its own query.
    return `${scrubText(fragment.slice(0, q))}?${redactQuery(fragment.slice(q + 1), isSecretKey)}`;
  }
  if (fragment.includes('=') && !fragment.startsWith('/')) {
    // OAuth implicit flow and friends put tokens in `#access_token=…&state=…`.
    return redactQuery(fragment, isSecretKey);
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
