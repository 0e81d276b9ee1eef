import { describe, expect, it } from 'vitest';
import { REDACTED, redactUrl } from '../../../src/core/context/redactUrl.js';

// What the desk sees of the visitor's page: every secret-named query parameter loses its value,
// and the parameters an agent needs to help (page, order, campaign) stay readable.

const PAGE = 'https://shop.example.com/account/orders';
const VALUE = 'Zx9-visitor-private-value';

describe('redactUrl: parameter names', () => {
  it.each(['key', 'secret', 'api_key', 'access_token', 'password', 'code', 'session', 'auth', 'email'])(
    'hides the value of a bare `%s` parameter, wherever it stands in the query',
    (name) => {
      expect(redactUrl(`${PAGE}?${name}=${VALUE}`)).toBe(`${PAGE}?${name}=${REDACTED}`);
      expect(redactUrl(`${PAGE}?page=3&${name}=${VALUE}&order=A-1042`)).toBe(`${PAGE}?page=3&${name}=${REDACTED}&order=A-1042`);
    },
  );

  it.each(['KEY', 'Secret', 'API_KEY', 'Access_Token', 'Password', 'Email'])('hides `%s` whatever its case', (name) => {
    expect(redactUrl(`${PAGE}?${name}=${VALUE}`)).toBe(`${PAGE}?${name}=${REDACTED}`);
  });

  it('hides a secret whose value is empty-looking or URL-encoded, leaving no trace of it', () => {
    const result = redactUrl(`${PAGE}?password=p%40ss%20word%26more&page=2`);
    expect(result).toBe(`${PAGE}?password=${REDACTED}&page=2`);
    expect(result).not.toMatch(/%40|%20|%26|more/);
  });

  it('hides every secret of a URL that has several', () => {
    const result = redactUrl(`${PAGE}?email=jane%40example.com&key=k-123&secret=s-456&code=998877&page=2`);
    expect(result).toBe(`${PAGE}?email=${REDACTED}&key=${REDACTED}&secret=${REDACTED}&code=${REDACTED}&page=2`);
  });

  it.each([
    ['page', '2'],
    ['utm_source', 'newsletter'],
    ['utm_medium', 'email'],
    ['utm_campaign', 'spring-sale'],
    ['order', 'A-1042'],
    ['lang', 'ru'],
    ['q', 'refund policy'],
  ])('keeps the harmless `%s` parameter exactly as it was', (name, value) => {
    const url = `${PAGE}?${name}=${encodeURIComponent(value)}`;
    expect(redactUrl(url)).toBe(url);
  });

  it('keeps harmless parameters byte for byte next to a redacted one', () => {
    expect(redactUrl(`${PAGE}?utm_source=newsletter&utm_medium=email&session=${VALUE}&order=A-1042&page=2`)).toBe(
      `${PAGE}?utm_source=newsletter&utm_medium=email&session=${REDACTED}&order=A-1042&page=2`,
    );
  });
});

describe('redactUrl: fragments', () => {
  it.each(['access_token', 'id_token', 'code', 'key', 'secret', 'session'])('hides `%s` carried in the fragment', (name) => {
    const result = redactUrl(`https://app.example.com/callback#${name}=${VALUE}&expires_in=3600&scope=profile`);
    expect(result).toBe(`https://app.example.com/callback#${name}=${REDACTED}&expires_in=3600&scope=profile`);
  });

  it('hides a fragment that is nothing but an opaque token (magic links, reset links)', () => {
    for (const token of ['a3f9c2e1b7d4a8f0c6e2b9d1a7f3c5e8', 'dGhpcy1pcy1hLXNlY3JldC1tYWdpYy1saW5r', 'sk_live_4eC39HqLyjWDarjtT1zdp7dc']) {
      const result = redactUrl(`https://app.example.com/login#${token}`);
      expect(result).toBe(`https://app.example.com/login#${REDACTED}`);
      expect(result).not.toContain(token);
    }
  });

  it('hides secrets in a hash-router query and keeps the route', () => {
    expect(redactUrl(`https://app.example.com/#/account?tab=billing&api_key=${VALUE}`)).toBe(
      `https://app.example.com/#/account?tab=billing&api_key=${REDACTED}`,
    );
  });

  it('keeps ordinary anchors and routes readable', () => {
    for (const url of [
      'https://docs.example.com/pricing#faq',
      'https://docs.example.com/guide#step-3',
      'https://app.example.com/#/orders/A-1042',
    ]) {
      expect(redactUrl(url)).toBe(url);
    }
  });
});
