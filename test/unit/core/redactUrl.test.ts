import { describe, expect, it } from 'vitest';
import { REDACTED, redactUrl } from '../../../src/core/context/redactUrl.js';

const JWT = 'eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9.eyJzdWIiOiIxMjM0NTY3ODkwIiwibmFtZSI6IkpvaG4ifQ.SflKxwRJSMeKKF2QT4fwpMeJf36POk6yJV_adQssw5c';

describe('redactUrl', () => {
  it('leaves a URL without secrets exactly as it was', () => {
    for (const url of [
      'https://shop.example.com/catalog?lang=ru&page=2',
      'https://shop.example.com/catalog/shoes?sort=price&color=red#reviews',
      'https://shop.example.com/',
      'https://docs.example.com/guide?q=%D0%B4%D0%BE%D1%81%D1%82%D0%B0%D0%B2%D0%BA%D0%B0#install',
    ]) {
      expect(redactUrl(url)).toBe(url);
    }
  });

  it.each([
    'token',
    'access_token',
    'refresh-token',
    'id_token',
    'api_key',
    'apikey',
    'password',
    'pwd',
    'code',
    'otp',
    'email',
    'session',
    'sessionid',
    'sid',
    'signature',
    'auth',
    'reset_token',
    'user.email',
  ])('removes the value of `%s` and keeps harmless neighbours', (key) => {
    expect(redactUrl(`https://app.example.com/reset?lang=ru&${key}=s3cr3t-value&page=2`)).toBe(
      `https://app.example.com/reset?lang=ru&${key}=${REDACTED}&page=2`,
    );
  });

  it.each(['authToken', 'resetToken', 'userPassword', 'inviteCode', 'sessionToken', 'customerEmail'])(
    'removes the value of the camelCase key `%s`, as JavaScript apps name them',
    (key) => {
      expect(redactUrl(`https://app.example.com/welcome?${key}=s3cr3tvalue&page=2`)).toBe(
        `https://app.example.com/welcome?${key}=${REDACTED}&page=2`,
      );
    },
  );

  it('removes a secret hidden in a return URL passed as a query value', () => {
    const result = redactUrl('https://app.example.com/login?returnTo=%2Freset-password%3Ftoken%3Dabc123secret&lang=ru');
    expect(result).not.toContain('abc123secret');
    expect(result).toContain('lang=ru');
  });

  it('matches secret keys whatever their case', () => {
    expect(redactUrl('https://x.io/?Token=abc&PASSWORD=hunter2')).toBe(`https://x.io/?Token=${REDACTED}&PASSWORD=${REDACTED}`);
  });

  it('does not redact keys that merely contain a secret word', () => {
    expect(redactUrl('https://x.io/?zipcode=10001&barcode=123&tokens_left=3')).toBe('https://x.io/?zipcode=10001&barcode=123&tokens_left=3');
  });

  it('removes OAuth tokens from the fragment', () => {
    const url = `https://app.example.com/callback#access_token=ya29.a0AfH6SMC&token_type=Bearer&expires_in=3599&state=af0ifjsldkj`;
    const result = redactUrl(url);
    expect(result).toContain(`access_token=${REDACTED}`);
    expect(result).toContain(`state=${REDACTED}`);
    expect(result).toContain('expires_in=3599');
    expect(result).not.toContain('ya29');
    expect(result).not.toContain('af0ifjsldkj');
  });

  it('removes an opaque token that is the whole fragment', () => {
    expect(redactUrl('https://app.example.com/magic#Zm9vYmFyYmF6cXV4cXV1eGNvcmdlZ3JhdWx0')).toBe(
      `https://app.example.com/magic#${REDACTED}`,
    );
  });

  it('keeps an ordinary anchor', () => {
    expect(redactUrl('https://docs.example.com/api#rate-limits')).toBe('https://docs.example.com/api#rate-limits');
  });

  it('removes secrets from the query of a hash-router route (`#/reset?token=…`)', () => {
    const result = redactUrl('https://app.example.com/#/reset?token=abc123&step=2');
    expect(result).not.toContain('abc123');
    expect(redactUrl('https://app.example.com/#/login?password=hunter2')).not.toContain('hunter2');
  });

  it('keeps a hash-router route readable for the desk', () => {
    expect(redactUrl('https://app.example.com/#/orders/42?tab=items')).toBe('https://app.example.com/#/orders/42?tab=items');
    expect(redactUrl('https://app.example.com/#/reset?token=abc123&step=2')).toBe(
      `https://app.example.com/#/reset?token=${REDACTED}&step=2`,
    );
  });

  it('removes e-mail addresses anywhere: path, harmless-looking params and fragment', () => {
    const result = redactUrl('https://crm.example.com/users/jane.doe@example.com/edit?q=contact+bob@example.org+today#by-ann@example.net');
    expect(result).not.toMatch(/jane\.doe|bob@|ann@/);
    expect(result).toContain(`/users/${REDACTED}/edit`);
    expect(result).toContain('today');
  });

  it('removes an e-mail that is percent-encoded in the path', () => {
    expect(redactUrl('https://crm.example.com/users/jane.doe%40example.com')).toBe(`https://crm.example.com/users/${REDACTED}`);
  });

  it('removes JWTs anywhere', () => {
    expect(redactUrl(`https://app.example.com/login/${JWT}?next=/home`)).toBe(`https://app.example.com/login/${REDACTED}?next=/home`);
    expect(redactUrl(`https://app.example.com/?x=${JWT}&page=2`)).toBe(`https://app.example.com/?x=${REDACTED}&page=2`);
  });

  it('removes user:password@ credentials', () => {
    expect(redactUrl('https://bob:hunter2@intranet.example.com/wiki?page=2')).toBe('https://intranet.example.com/wiki?page=2');
    expect(redactUrl('https://bob@intranet.example.com/')).toBe('https://intranet.example.com/');
  });

  it('honours extra key names and patterns from the host', () => {
    const url = 'https://shop.example.com/o?orderRef=A-1042&x-tenant=acme&page=2';
    expect(redactUrl(url, ['ORDERREF', /^x-/])).toBe(`https://shop.example.com/o?orderRef=${REDACTED}&x-tenant=${REDACTED}&page=2`);
  });

  it('runs a host function after the built-in rules', () => {
    const seen: string[] = [];
    const result = redactUrl('https://shop.example.com/orders/1042?token=abc', (url) => {
      seen.push(url);
      return url.replace(/\/orders\/\d+/, '/orders/:id');
    });
    expect(seen).toEqual([`https://shop.example.com/orders/1042?token=${REDACTED}`]);
    expect(result).toBe(`https://shop.example.com/orders/:id?token=${REDACTED}`);
  });

  it('scrubs text that is not a URL it can parse', () => {
    expect(redactUrl(`/relative/path?who=jane@example.com&t=${JWT}`)).toBe(`/relative/path?who=${REDACTED}&t=${REDACTED}`);
  });
});
